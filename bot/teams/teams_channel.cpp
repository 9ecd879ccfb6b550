// TeamsChannel: authenticate, de-duplicate, hand the message to the assistant, reply.
#include "bot/teams/teams_channel.hpp"

#include "adapters/bot_framework/activity.hpp"
#include "adapters/error.hpp"
#include "bot/assistant.hpp"
#include "bot/error.hpp"
#include "bot/http/responses.hpp"
#include "bot/log.hpp"
#include "bot/texts.hpp"
#include "bot/time_format.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <cstdlib>
#include <optional>

namespace superbruger::bot::teams {

namespace {

namespace bf = adapters::bot_framework;
using http::bhttp::status;

/// Replies on their way to the Connector at most; more requests wait (backpressure).
constexpr std::size_t max_replies_in_flight = 256;

/// Claims reach the database this often (see ActivityClaims).
constexpr auto claim_flush_interval = std::chrono::milliseconds(250);

http::RetryPolicy retry_policy_of(TeamsConfig const& c) {
    http::RetryPolicy p;
    p.attempts = c.send_attempts;
    p.max_delay = c.max_retry_wait;
    return p;
}

http::Response ok() {
    http::Response res{status::ok, 11};
    return res;
}

}  // namespace

std::string app_password_from_environment(TeamsConfig const& config) {
    char const* value = std::getenv(config.app_password_env.c_str());
    if (value == nullptr || *value == '\0') {
        throw BotError(BotError::Kind::config, "config: 'teams.app_id' is set, so the environment variable " + config.app_password_env +
                                                   " (teams.app_password_env) must hold the app's client secret");
    }
    return value;
}

TeamsChannel::TeamsChannel(TeamsConfig const& config, std::string app_password, TeamsDependencies deps)
    : deps_(deps),
      auth_{config.issuer, config.app_id, config.clock_skew},
      keys_(deps.client, config.openid_metadata_url, config.key_refresh_min_interval),
      token_(deps.outbound_client, {config.token_url, config.app_id, std::move(app_password), config.token_scope}),
      connector_(deps.outbound_client, token_, config.allowed_service_url_hosts, retry_policy_of(config)),
      messenger_(connector_, deps.conversations, deps.outbound, static_cast<std::size_t>(config.per_tenant_per_second)),
      claims_(deps.conversations, "teams"),
      flush_timer_(std::make_shared<net::steady_timer>(deps.background.executor())) {}

void TeamsChannel::start() {
    deps_.background.spawn("signing_keys_warm_up", keys_.warm_up());
    deps_.background.spawn("teams_claims", [](TeamsChannel* self, std::shared_ptr<net::steady_timer> timer) -> net::awaitable<void> {
        while (!self->stopping_) {
            timer->expires_after(claim_flush_interval);
            co_await timer->async_wait(net::as_tuple(net::use_awaitable));
            self->flush_claims();
        }
    }(this, flush_timer_));
}

void TeamsChannel::stop() {
    stopping_ = true;
    keys_.stop();
    flush_timer_->cancel();
    flush_claims();
}

void TeamsChannel::flush_claims() {
    try {
        claims_.flush(std::chrono::system_clock::now());
    } catch (std::exception const& e) {
        log::warn("teams_claims_not_written", {{"error", e.what()}, {"pending", claims_.pending()}});  // kept for the next flush
    }
}

void TeamsChannel::add_routes(http::Router& router) {
    router.add(http::bhttp::verb::post, "/api/messages",
               [this](http::Request& req, http::RequestContext& ctx) { return handle(req, ctx); });
}

net::awaitable<http::Response> TeamsChannel::handle(http::Request& req, http::RequestContext& ctx) {
    auto const authorization = std::string(req[http::bhttp::field::authorization]);
    auto refuse = [&](std::string const& reason) {
        log::warn("teams_unauthenticated", {{"request_id", ctx.request_id}, {"reason", reason}});
        return http::error_response(status::unauthorized, "unauthorized", ctx.request_id);
    };
    if (authorization.empty()) co_return refuse("no Authorization header");

    // The token first: a request that is not from the Bot Framework is refused before a byte of
    // its body is parsed (a forged request must not reach the JSON parser at all).
    auto const checked_at = std::chrono::system_clock::now();
    bf::TrustedToken const* trusted = verified_.find(authorization, checked_at);
    if (trusted == nullptr) {
        co_await keys_.prepare_for(key_id_of(authorization));
        std::string refusal;
        try {
            verified_.add(authorization,
                          bf::authenticate_token(authorization, auth_, [this](std::string const& kid) { return keys_.find(kid); }, checked_at),
                          checked_at);
            trusted = verified_.find(authorization, checked_at);
        } catch (adapters::AdapterError const& e) {
            refusal = e.what();
        }
        if (!refusal.empty()) co_return refuse(refusal);
        if (trusted == nullptr) co_return refuse("token expires before it could be used");
    }

    bf::Activity activity;
    try {
        activity = bf::parse_activity(req.body());
    } catch (adapters::AdapterError const& e) {
        log::info("teams_bad_request", {{"request_id", ctx.request_id}, {"reason", e.what()}});
        co_return http::error_response(status::bad_request, e.what(), ctx.request_id);
    }
    try {
        bf::check_activity_matches(*trusted, activity.channel_id, activity.service_url);
    } catch (adapters::AdapterError const& e) {
        co_return refuse(e.what());
    }
    // A genuine token for a host we would not send our own token to: refuse rather than answer.
    if (!connector_.allowed(activity.service_url)) co_return refuse("serviceUrl host is not in teams.allowed_service_url_hosts");

    auto const reference = bf::reference_of(activity);
    bool duplicate = false;
    auto reply = process(activity, reference, duplicate);
    log::debug("teams_activity", {{"request_id", ctx.request_id}, {"type", activity.type}, {"duplicate", duplicate},
                                 {"replied", reply.has_value()}});
    if (reply) {
        co_await deps_.background.wait_for_room(max_replies_in_flight);
        if (activity.type == "message") {
            deps_.background.spawn("teams_reply", messenger_.reply(reference, activity.id, std::move(*reply)));
        } else {
            deps_.background.spawn("teams_welcome", messenger_.send(reference, std::move(*reply)));
        }
    }
    co_return ok();
}

std::optional<adapters::ChatReply> TeamsChannel::process(bf::Activity const& activity, bf::ConversationReference const& reference,
                                                          bool& duplicate) {
    auto const now = std::chrono::system_clock::now();
    std::optional<adapters::ChatReply> reply;
    if (!activity.id.empty() && !claims_.claim(activity.id, now)) {
        duplicate = true;
        return reply;
    }
    // One transaction for the stored conversation and whatever the assistant writes: all of it
    // is kept, or (on an error, which the platform retries) none of it.
    try {
        deps_.database.write_all_or_nothing([&] {
            if (activity.type == "message") {
                messenger_.remember(reference, utc_timestamp(now));
                reply = deps_.assistant.handle(bf::to_chat_message(activity));
            } else if (bf::bot_was_added(activity)) {
                messenger_.remember(reference, utc_timestamp(now));
                reply = adapters::ChatReply{};
                reply->text = texts::welcome(knowledge::Language::da);
            } else if (activity.type == "installationUpdate" && activity.action.starts_with("remove")) {
                messenger_.forget(reference.conversation_id);
            }
        });
    } catch (...) {
        // Rolled back: the retry must be handled, and the conversation written again.
        claims_.release(activity.id);
        messenger_.forget_cached(reference.conversation_id);
        throw;
    }
    return reply;
}

}  // namespace superbruger::bot::teams
