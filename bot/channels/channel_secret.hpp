// A platform's secret (client secret, bot token, signing secret): never in the config file, only
// the name of the environment variable that holds it.
#pragma once

#include <string>

namespace superbruger::bot::channels {

/// The value of `variable`. Throws BotError{config} when it is unset or empty, saying why it is
/// needed: "config: <because>, so the environment variable <variable> (<setting>) must hold <what>".
std::string secret_from_environment(std::string const& variable, std::string const& setting, std::string const& because,
                                    std::string const& what);

/// A URL that is its own credential (an incoming webhook's, a Workflows flow's), from `variable`
/// like secret_from_environment. Throws BotError{config} for one that is no http(s) URL, naming
/// the variable but never the value.
std::string secret_url_from_environment(std::string const& variable, std::string const& setting, std::string const& because,
                                        std::string const& what);

}  // namespace superbruger::bot::channels
