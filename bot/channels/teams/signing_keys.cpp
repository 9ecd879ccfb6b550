// SigningKeys: metadata → jwks_uri → keys.
#include "bot/channels/teams/signing_keys.hpp"

#include "adapters/bot_framework/service_documents.hpp"
#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace superbruger::bot::channels::teams {

namespace {

constexpr auto max_key_age = std::chrono::hours(24);
constexpr auto max_cold_backoff = std::chrono::seconds(30);

std::string fetch_ok(http::ClientResponse const& res, std::string const& what) {
    if (res.status != 200) throw BotError(BotError::Kind::upstream, what + " answered HTTP " + std::to_string(res.status));
    return res.body;
}

}  // namespace

SigningKeys::SigningKeys(http::Client& client, std::string metadata_url, std::chrono::seconds unknown_kid_refresh_interval)
    : client_(client), metadata_url_(std::move(metadata_url)), unknown_kid_interval_(unknown_kid_refresh_interval) {}

adapters::crypto::RsaJwk const* SigningKeys::find(std::string const& kid) const {
    for (auto const& k : keys_) {
        if (k.kid() == kid) return &k;
    }
    return nullptr;
}

net::awaitable<void> SigningKeys::prepare_for(std::string const& kid) {
    auto const now = std::chrono::steady_clock::now();
    bool const stale = keys_.empty() || now - fetched_at_ >= max_key_age;
    bool const unknown = !kid.empty() && find(kid) == nullptr;
    // Without the rate limit, tokens with made-up key ids would make us hammer the key server.
    // The long interval protects a loaded key set; an empty one is retried after the short
    // back-off, or a failure at start-up would refuse genuine tokens for the whole interval.
    auto const interval = keys_.empty() ? std::min<std::chrono::seconds>(cold_backoff_, unknown_kid_interval_) : unknown_kid_interval_;
    bool const may_retry = !ever_attempted_ || now - attempted_at_ >= interval;
    // A fetch already running (the warm-up at start) is waited for even when too recent to
    // start another: else the first requests after start-up would find no key and get 401.
    if ((stale || unknown) && (may_retry || flight_.running())) co_await flight_.run([this] { return fetch(); });
}

net::awaitable<void> SigningKeys::fetch() {
    ever_attempted_ = true;
    attempted_at_ = std::chrono::steady_clock::now();
    try {
        http::ClientRequest metadata_request{http::bhttp::verb::get, metadata_url_, {}, {}};
        auto const metadata = co_await client_.send(std::move(metadata_request));
        auto const jwks_uri = adapters::bot_framework::jwks_uri_of(fetch_ok(metadata, "OpenID metadata"));
        http::ClientRequest jwks_request{http::bhttp::verb::get, jwks_uri, {}, {}};
        auto const jwks = co_await client_.send(std::move(jwks_request));
        auto const doc = adapters::parse_untrusted_json(fetch_ok(jwks, "JWKS"));
        auto keys = adapters::crypto::parse_jwks(doc);
        if (keys.empty()) throw BotError(BotError::Kind::upstream, "JWKS holds no usable RSA signing key");
        keys_ = std::move(keys);
        fetched_at_ = std::chrono::steady_clock::now();
        log::info("signing_keys_fetched", {{"keys", keys_.size()}});
    } catch (std::exception const& e) {
        if (keys_.empty()) cold_backoff_ = std::min<std::chrono::seconds>(cold_backoff_ * 2, max_cold_backoff);
        // Keep what we had: the keys rotate slowly, and refusing every request is worse.
        log::error("signing_keys_fetch_failed", {{"error", e.what()}, {"cached_keys", keys_.size()}});
    }
}

net::awaitable<void> SigningKeys::warm_up() {
    warm_up_timer_ = std::make_shared<net::steady_timer>(co_await net::this_coro::executor);
    auto const timer = warm_up_timer_;
    while (!stopping_ && keys_.empty()) {
        co_await prepare_for({});
        if (stopping_ || !keys_.empty()) break;
        timer->expires_after(cold_backoff_);  // doubled by the failure, so the next call fetches
        co_await timer->async_wait(net::as_tuple(net::use_awaitable));
    }
}

void SigningKeys::stop() {
    stopping_ = true;
    if (warm_up_timer_) warm_up_timer_->cancel();
}

std::string key_id_of(std::string_view authorization) {
    constexpr std::string_view scheme = "Bearer ";
    if (!authorization.starts_with(scheme)) return {};
    try {
        auto const jwt = adapters::crypto::parse_jwt(authorization.substr(scheme.size()));
        auto it = jwt.header.find("kid");
        return it != jwt.header.end() && it->is_string() ? it->get<std::string>() : std::string();
    } catch (adapters::AdapterError const&) {
        return {};
    }
}

}  // namespace superbruger::bot::channels::teams
