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

    Kind kind() const noexcept { return kind_; }
    /// The HTTP status the service answered with; 0 when it gave none (transport failure).
    unsigned status() const noexcept { return status_; }
    std::chrono::milliseconds retry_after() const noexcept { return retry_after_; }

private:
    Kind kind_;
    unsigned status_ = 0;
    std::chrono::milliseconds retry_after_{0};
};

}  // namespace superbruger::bot
