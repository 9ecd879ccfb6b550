// BotError: the bot layer's one exception type.
#pragma once

#include <stdexcept>
#include <string>

namespace superbruger::bot {

class BotError : public std::runtime_error {
public:
    /// config: bad configuration (start-up stops); usage: bad command line; user_facing: a
    /// business rule the user broke (its text is shown); upstream: a service we call failed.
    enum class Kind { config, usage, user_facing, upstream };

    BotError(Kind kind, std::string const& what) : std::runtime_error(what), kind_(kind) {}
    Kind kind() const noexcept { return kind_; }

private:
    Kind kind_;
};

}  // namespace superbruger::bot
