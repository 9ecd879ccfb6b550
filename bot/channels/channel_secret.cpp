// secret_from_environment: getenv with an error that tells the operator what to set.
#include "bot/channels/channel_secret.hpp"

#include "bot/error.hpp"

#include <cstdlib>

namespace superbruger::bot::channels {

std::string secret_from_environment(std::string const& variable, std::string const& setting, std::string const& because,
                                    std::string const& what) {
    char const* value = std::getenv(variable.c_str());
    if (value == nullptr || *value == '\0') {
        throw BotError(BotError::Kind::config,
                       "config: " + because + ", so the environment variable " + variable + " (" + setting + ") must hold " + what);
    }
    return value;
}

}  // namespace superbruger::bot::channels
