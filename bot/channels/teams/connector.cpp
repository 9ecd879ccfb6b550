// Connector: POST with token, allowed hosts and retries.
#include "bot/channels/teams/connector.hpp"

#include "adapters/percent_encoding.hpp"
#include "adapters/untrusted_json.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot::channels::teams {

namespace {

/// The Connector's error code from {"error":{"code","message"}} (BF-API), for logs and errors.
std::string error_code_of(std::string const& body) {
    auto const j = adapters::parse_untrusted_json(body);
    if (j.is_object()) {
        if (auto e = j.find("error"); e != j.end() && e->is_object()) {
            if (auto c = e->find("code"); c != e->end() && c->is_string()) return c->get<std::string>();
        }
    }
    return {};
}

/// The Idempotency-Key field value (draft-ietf-httpapi-idempotency-key-header-07 §2): a
/// Structured Field String, so quoted, and percent-encoded to keep it printable ASCII without
/// quotes or backslashes whatever the recipient's id holds.
std::string idempotency_key_field(std::string const& key) {
    return "\"" + adapters::percent_encode(key) + "\"";
}

bool host_matches(std::string const& host, std::string const& pattern) {
    if (pattern.starts_with("*.")) {
        auto const suffix = pattern.substr(1);  // ".example.com"
        return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
    }
    return host == pattern;
}

}  // namespace

Connector::Connector(http::Client& client, ConnectorToken& token, std::vector<std::string> allowed_hosts, http::RetryPolicy retry)
    : client_(client), token_(token), allowed_hosts_(std::move(allowed_hosts)), retry_(retry) {}

bool Connector::allowed(std::string const& service_url) const {
    try {
        auto const host = http::Url::parse(service_url).host;
        return std::any_of(allowed_hosts_.begin(), allowed_hosts_.end(), [&](auto const& p) { return host_matches(host, p); });
    } catch (BotError const&) {
        return false;
    }
}

net::awaitable<std::string> Connector::post(std::string const& url, std::string payload, std::string idempotency_key) {
    // Our token is "like a password" (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): it goes to Connector hosts only.
    if (!allowed(url)) throw BotError(BotError::Kind::config, "refusing to send to a service URL host that is not allowed: " + url);
    bool renewed_token = false;
    for (int attempt = 1;; ++attempt) {
        unsigned status = 0;
        std::string retry_after, failure;
        try {
            auto const token = co_await token_.get();
            // Built before co_await: GCC 12 mis-compiles brace-initialised temporaries in a co_await.
            http::ClientRequest request{http::bhttp::verb::post, url, {}, payload};
            request.headers.emplace_back("Authorization", "Bearer " + token);
            request.headers.emplace_back("Content-Type", "application/json");
            if (!idempotency_key.empty()) request.headers.emplace_back("Idempotency-Key", idempotency_key_field(idempotency_key));
            auto const res = co_await client_.send(std::move(request));
            status = res.status;
            if (status >= 200 && status < 300) co_return res.body;
            if (status == 401 && !renewed_token) {
                renewed_token = true;
                token_.invalidate();
                --attempt;  // a stale token is ours to fix, not the Connector's failure
                continue;
            }
            retry_after = res.header("Retry-After");
            failure = "HTTP " + std::to_string(status) + " " + error_code_of(res.body);
            log::warn("connector_refused", {{"status", status}, {"code", error_code_of(res.body)},
                                            {"correlation", res.header("X-Correlating-OperationId")}, {"attempt", attempt}});
            if (!http::RetryPolicy::retryable(status)) {
                // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit: 400, 403, 404 and 413 are not
                // worth retrying (malformed, blocked, gone, too large); other statuses may pass.
                if (status == 400 || status == 403 || status == 404 || status == 413) throw BotError::refused("Bot Connector: " + failure, status);
                throw BotError(BotError::Kind::upstream, "Bot Connector: " + failure, status);
            }
        } catch (BotError const& e) {
            if (e.kind() != BotError::Kind::upstream || status != 0) throw;
            failure = e.what();  // transport: worth another try
            log::warn("connector_unreachable", {{"error", failure}, {"attempt", attempt}});
        }
        auto const wait = retry_.delay_before(attempt + 1, retry_after, random_);
        if (!wait) {
            // The caller (the outbox) may wait longer than we do here: tell it what was asked.
            auto const asked = http::parse_retry_after(retry_after, std::chrono::system_clock::now());
            throw BotError(BotError::Kind::upstream, "Bot Connector: gave up after " + std::to_string(attempt) + " attempts: " + failure, status,
                           asked.value_or(std::chrono::milliseconds(0)));
        }
        net::steady_timer timer(co_await net::this_coro::executor, *wait);
        co_await timer.async_wait(net::as_tuple(net::use_awaitable));
    }
}

}  // namespace superbruger::bot::channels::teams
