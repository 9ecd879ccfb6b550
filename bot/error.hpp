// BotError: the bot layer's one exception type.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

namespace superbruger::bot {

class BotError : public std::runtime_error {
public:
    /// config: bad configuration (start-up stops); usage: bad command line; user_facing: a
    /// business rule the user broke (its text is shown); upstream: a service we call failed.
    enum class Kind { config, usage, user_facing, upstream };

    BotError(Kind kind, std::string const& what) : std::runtime_error(what), kind_(kind) {}
    /// An upstream service's final answer: its HTTP status, and the wait it asked for (Retry-After).
    BotError(Kind kind, std::string const& what, unsigned status, std::chrono::milliseconds retry_after = {})
        : std::runtime_error(what), kind_(kind), status_(status), retry_after_(retry_after) {}

    /// A chat platform's refusal for good (a recipient who blocked the bot, a conversation that
    /// is gone, a malformed message): sending again will not help. Each platform judges its own
    /// answers (Slack says it in the body, Teams in the status).
    static BotError refused(std::string const& what, unsigned status) {
        BotError e(Kind::upstream, what, status);
        e.permanent_ = true;
        return e;
    }

    Kind kind() const noexcept { return kind_; }
    /// The HTTP status the service answered with; 0 when it gave none (transport failure).
    unsigned status() const noexcept { return status_; }
    std::chrono::milliseconds retry_after() const noexcept { return retry_after_; }
    /// See refused().
    bool permanent() const noexcept { return permanent_; }

private:
    Kind kind_;
    unsigned status_ = 0;
    std::chrono::milliseconds retry_after_{0};
    bool permanent_ = false;
};

}  // namespace superbruger::bot
