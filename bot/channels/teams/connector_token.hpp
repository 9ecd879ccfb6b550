// ConnectorToken: the bot's own bearer token for the Bot Connector, from the OAuth2
// client-credentials endpoint (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication), cached until shortly before it expires.
#pragma once

#include "bot/http/client.hpp"
#include "bot/http/single_flight.hpp"

#include <chrono>
#include <string>

namespace superbruger::bot::channels::teams {

namespace net = boost::asio;

struct TokenSettings {
    std::string token_url;
    std::string app_id;
    std::string app_password;
    std::string scope;
};

class ConnectorToken {
public:
    ConnectorToken(http::Client& client, TokenSettings settings) : client_(client), settings_(std::move(settings)) {}

    /// A token valid for at least five more minutes; fetches one when needed. Throws
    /// BotError{upstream} when the endpoint refuses or cannot be reached.
    net::awaitable<std::string> get();

    /// Forgets the cached token: the Connector said 401, so the next call fetches a new one.
    void invalidate() noexcept { token_.clear(); }

private:
    net::awaitable<void> fetch();

    http::Client& client_;
    TokenSettings settings_;
    std::string token_;
    std::chrono::steady_clock::time_point renew_at_{};
    http::SingleFlight flight_;
};

}  // namespace superbruger::bot::channels::teams
