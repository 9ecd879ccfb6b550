// ConnectorToken: fetch and cache.
#include "bot/channels/teams/connector_token.hpp"

#include "adapters/bot_framework/service_documents.hpp"
#include "adapters/error.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

namespace superbruger::bot::channels::teams {

namespace {
constexpr auto renew_margin = std::chrono::minutes(5);
}

net::awaitable<std::string> ConnectorToken::get() {
    if (token_.empty() || std::chrono::steady_clock::now() >= renew_at_) co_await flight_.run([this] { return fetch(); });
    // A waiter whose fetch failed finds no token and says so.
    if (token_.empty()) throw BotError(BotError::Kind::upstream, "no Bot Connector token (see the token_fetch_failed log)");
    co_return token_;
}

net::awaitable<void> ConnectorToken::fetch() {
    http::ClientRequest req{http::bhttp::verb::post, settings_.token_url,
                            {{"Content-Type", "application/x-www-form-urlencoded"}},
                            adapters::bot_framework::client_credentials_form(settings_.app_id, settings_.app_password, settings_.scope)};
    auto const res = co_await client_.send(std::move(req));
    if (res.status != 200) {
        // The body may say why (AADSTS codes); it never holds our secret.
        log::error("token_fetch_failed", {{"status", res.status}, {"body", res.body.substr(0, 300)}});
        throw BotError(BotError::Kind::upstream, "token endpoint answered HTTP " + std::to_string(res.status));
    }
    try {
        auto const token = adapters::bot_framework::parse_token_response(res.body);
        token_ = token.token;
        auto const margin = std::min<std::chrono::seconds>(renew_margin, token.expires_in / 2);
        renew_at_ = std::chrono::steady_clock::now() + token.expires_in - margin;
        log::info("token_fetched", {{"expires_in", token.expires_in.count()}});
    } catch (adapters::AdapterError const& e) {
        log::error("token_fetch_failed", {{"error", e.what()}});
        throw BotError(BotError::Kind::upstream, std::string("token endpoint: ") + e.what());
    }
}

}  // namespace superbruger::bot::channels::teams
