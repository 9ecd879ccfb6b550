// secret_from_environment: getenv with an error that tells the operator what to set.
#include "bot/channels/channel_secret.hpp"

#include "bot/error.hpp"
#include "bot/http/client.hpp"
#include "bot/http/loopback.hpp"

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

std::string secret_url_from_environment(std::string const& variable, std::string const& setting, std::string const& because,
                                        std::string const& what) {
    auto url = secret_from_environment(variable, setting, because, what);
    // Url::parse names the URL in its error: only the variable is named here. Plain http only to
    // loopback (as the HTTP client allows), so a wrong URL stops the start, not every send.
    bool usable = false;
    try {
        auto const parsed = http::Url::parse(url);
        usable = parsed.scheme == "https" || (parsed.scheme == "http" && http::is_loopback_host(parsed.host));
    } catch (BotError const&) {
        usable = false;
    }
    if (!usable) throw BotError(BotError::Kind::config, "config: the environment variable " + variable + " (" + setting + ") holds no https:// URL");
    return url;
}

}  // namespace superbruger::bot::channels
