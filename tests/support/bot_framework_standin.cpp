// The Bot Framework stand-in.
#include "tests/support/bot_framework_standin.hpp"
#include "tests/support/loopback_server.hpp"

#include "bot/http/responses.hpp"
#include "bot/http/server.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <map>

namespace superbruger::tests {

namespace bh = superbruger::bot::http;
using nlohmann::json;

struct BotFrameworkStandIn::Impl {

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::vector<RecordedRequest> connector;
    std::vector<RecordedRequest> tokens;
    int jwks = 0;
    bool count_only = false;
    std::size_t connector_posts = 0;
    int jwks_failures_left = 0;
    int failures_left = 0;
    unsigned failure_status = 0;
    std::string failure_retry_after;
    bool refuse_tokens = false;
    int conversations_created = 0;
    std::chrono::milliseconds connector_delay{0};
    std::map<std::string, std::string> answered_keys;  ///< Idempotency-Key → the body answered
    std::map<std::string, std::string> personal_chats;  ///< member id → conversation id
    std::unique_ptr<LoopbackServer> server;  ///< last: it stops before the state above goes
};

BotFrameworkStandIn::BotFrameworkStandIn()
    : impl_(std::make_unique<Impl>()), signer_(std::make_unique<JwtSigner>("standin-key")),
      stranger_(std::make_unique<JwtSigner>("standin-key")) {
    auto* impl = impl_.get();
    auto handler = [this, impl](bh::Request& req, bh::RequestContext&) -> bh::net::awaitable<bh::Response> {
        std::string const target(req.target());
        RecordedRequest record{std::string(req.method_string()), target, std::string(req[bh::bhttp::field::authorization]),
                               std::string(req[bh::bhttp::field::content_type]), req.body(), std::string(req["Idempotency-Key"])};
        std::unique_lock lock(impl->mutex);
        if (target == "/openid") {
            co_return bh::json_response(bh::bhttp::status::ok, {{"issuer", issuer},
                                                                {"jwks_uri", base_url() + "keys"},
                                                                {"id_token_signing_alg_values_supported", {"RS256"}}});
        }
        if (target == "/keys") {
            ++impl->jwks;
            if (impl->jwks_failures_left > 0) {
                --impl->jwks_failures_left;
                co_return bh::json_response(bh::bhttp::status::service_unavailable, {{"error", "try later"}});
            }
            co_return bh::json_response(bh::bhttp::status::ok, {{"keys", json::array({signer_->jwk()})}});
        }
        if (target == "/token") {
            impl->tokens.push_back(record);
            impl->changed.notify_all();
            if (impl->refuse_tokens) {
                co_return bh::json_response(bh::bhttp::status::unauthorized, {{"error", "invalid_client"}});
            }
            co_return bh::json_response(bh::bhttp::status::ok,
                                        {{"token_type", "Bearer"}, {"expires_in", 3600},
                                         {"access_token", "connector-token-" + std::to_string(impl->tokens.size())}});
        }
        if (target.starts_with("/v3/")) {
            auto const replay = record.idempotency_key.empty() ? impl->answered_keys.end() : impl->answered_keys.find(record.idempotency_key);
            record.replayed = replay != impl->answered_keys.end();
            ++impl->connector_posts;
            if (!impl->count_only) impl->connector.push_back(record);
            impl->changed.notify_all();
            if (auto const delay = impl->connector_delay; delay.count() > 0) {
                lock.unlock();  // not held while waiting: this thread serves the other requests meanwhile
                boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
                co_await timer.async_wait(boost::asio::use_awaitable);
                lock.lock();
            }
            if (record.replayed) co_return bh::Response(bh::json_response(bh::bhttp::status::ok, json::parse(replay->second)));
            if (impl->failures_left > 0) {
                --impl->failures_left;
                auto res = bh::json_response(static_cast<bh::bhttp::status>(impl->failure_status),
                                             {{"error", {{"code", "Throttled"}, {"message", "slow down"}}}});
                if (!impl->failure_retry_after.empty()) res.set("Retry-After", impl->failure_retry_after);
                co_return res;
            }
            if (target == "/v3/conversations") {
                // Like Teams, a person has one 1:1 chat with the bot: creating it again returns it.
                auto const member = record.json().value("/members/0/id"_json_pointer, std::string());
                auto& id = impl->personal_chats[member];
                if (id.empty()) id = "a:created-" + std::to_string(++impl->conversations_created);
                co_return bh::json_response(bh::bhttp::status::created, {{"id", id}});
            }
            json const answer = {{"id", "sent-" + std::to_string(impl->connector_posts)}};
            if (!record.idempotency_key.empty()) impl->answered_keys[record.idempotency_key] = answer.dump();
            co_return bh::json_response(bh::bhttp::status::ok, answer);
        }
        co_return bh::error_response(bh::bhttp::status::not_found, "no such stand-in route", "");
    };
    impl->server = std::make_unique<LoopbackServer>(handler);
    port_ = impl->server->port();
}

BotFrameworkStandIn::~BotFrameworkStandIn() = default;

std::string BotFrameworkStandIn::token(json const& changes) const {
    auto const now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    json claims = {{"iss", issuer}, {"aud", app_id}, {"nbf", now - 60}, {"exp", now + 3600}, {"serviceurl", service_url()}};
    for (auto const& [k, v] : changes.items()) {
        if (v.is_null()) claims.erase(k);
        else claims[k] = v;
    }
    return signer_->sign(claims);
}

std::string BotFrameworkStandIn::forged_token() const {
    auto const now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    return stranger_->sign({{"iss", issuer}, {"aud", app_id}, {"nbf", now - 60}, {"exp", now + 3600}, {"serviceurl", service_url()}});
}

void BotFrameworkStandIn::fail_jwks(int count) {
    std::lock_guard lock(impl_->mutex);
    impl_->jwks_failures_left = count;
}

void BotFrameworkStandIn::fail_connector(int count, unsigned status, std::string retry_after) {
    std::lock_guard lock(impl_->mutex);
    impl_->failures_left = count;
    impl_->failure_status = status;
    impl_->failure_retry_after = std::move(retry_after);
}

void BotFrameworkStandIn::delay_connector(std::chrono::milliseconds delay) {
    std::lock_guard lock(impl_->mutex);
    impl_->connector_delay = delay;
}

void BotFrameworkStandIn::refuse_tokens() {
    std::lock_guard lock(impl_->mutex);
    impl_->refuse_tokens = true;
}

void BotFrameworkStandIn::count_connector_only() {
    std::lock_guard lock(impl_->mutex);
    impl_->count_only = true;
}

std::size_t BotFrameworkStandIn::connector_count() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->connector_posts;
}

std::vector<RecordedRequest> BotFrameworkStandIn::connector_requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->connector;
}

std::size_t BotFrameworkStandIn::connector_request_count() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->connector.size();
}

std::vector<RecordedRequest> BotFrameworkStandIn::token_requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->tokens;
}

int BotFrameworkStandIn::jwks_fetches() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->jwks;
}

bool BotFrameworkStandIn::wait_for_connector(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] { return impl_->connector.size() >= count; });
}

json teams_message(std::string const& service_url, std::string const& id, std::string const& text, std::string const& tenant) {
    return {{"type", "message"},
            {"id", id},
            {"timestamp", "2026-11-22T10:00:00.000Z"},
            {"serviceUrl", service_url},
            {"channelId", "msteams"},
            {"from", {{"id", "29:anne"}, {"name", "Anne Superbruger"}, {"aadObjectId", "aad-anne"}}},
            {"conversation", {{"conversationType", "personal"}, {"id", "a:anne-chat"}, {"tenantId", tenant}}},
            {"recipient", {{"id", std::string("28:") + BotFrameworkStandIn::app_id}, {"name", "Superbruger-bot"}}},
            {"textFormat", "plain"},
            {"text", text},
            {"channelData", {{"tenant", {{"id", tenant}}}}},
            {"locale", "da-DK"}};
}

}  // namespace superbruger::tests
