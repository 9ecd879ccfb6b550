// TeamsChannel: verify the token, read the activity, reply through the Connector.
#include "bot/channels/teams/teams_channel.hpp"

#include "bot/channels/api_call.hpp"
#include "bot/channels/channel_secret.hpp"

#include "adapters/bot_framework/activity.hpp"
#include "adapters/error.hpp"
#include "bot/background_tasks.hpp"
#include "bot/channels/teams/teams_command.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

#include <cstdlib>

namespace superbruger::bot::channels::teams {

namespace {

namespace bf = adapters::bot_framework;
using http::bhttp::status;

std::string const teams_platform = "teams";

/// Replies on their way to the Connector at most; more requests wait (backpressure).
constexpr std::size_t max_replies_in_flight = 256;

/// One activity whose bearer token was verified.
class TeamsRequest final : public VerifiedRequest {
public:
    TeamsRequest(TeamsChannel& channel, bf::TrustedToken token, std::string const& body)
        : channel_(channel), token_(std::move(token)), body_(body) {}

    std::vector<InboundEvent> parse() override {
        activity_ = bf::parse_activity(body_);
        // The token names the Connector it came from; the activity must name the same one.
        bf::check_activity_matches(token_, activity_.channel_id, activity_.service_url);
        // A genuine token for a host we would not send our own token to: refuse rather than answer.
        if (!channel_.connector().allowed(activity_.service_url)) {
            throw adapters::AdapterError(adapters::AdapterError::Kind::unauthenticated,
                                         "serviceUrl host is not in teams.allowed_service_url_hosts");
        }
        reference_ = bf::reference_of(activity_);
        InboundEvent event;
        event.delivery_id = activity_.id;
        if (activity_.type == "message") {
            event.kind = InboundEvent::Kind::message;
            event.message = bf::to_chat_message(activity_);
        } else if (bf::bot_was_added(activity_)) {
            event.kind = InboundEvent::Kind::added;
        } else if (activity_.type == "installationUpdate" && activity_.action.starts_with("remove")) {
            event.kind = InboundEvent::Kind::removed;
        } else {
            event.kind = InboundEvent::Kind::other;
        }
        if (event.kind != InboundEvent::Kind::other && !reference_.service_url.empty()) event.conversation = stored_conversation_of(reference_);
        std::vector<InboundEvent> events;
        events.push_back(std::move(event));
        return events;
    }

    /// 200 at once; the reply goes to the Connector in the background.
    net::awaitable<http::Response> answer(Replies replies) override {
        if (!replies.empty() && replies.front()) {
            auto& background = channel_.background();
            co_await background.wait_for_room(max_replies_in_flight);
            if (activity_.type == "message") {
                background.spawn("teams_reply", channel_.messenger().reply(reference_, activity_.id, std::move(*replies.front())));
            } else {
                background.spawn("teams_welcome", channel_.messenger().send(reference_, std::move(*replies.front())));
            }
        }
        http::Response res{status::ok, 11};
        co_return res;
    }

private:
    TeamsChannel& channel_;
    bf::TrustedToken token_;
    std::string const& body_;
    bf::Activity activity_;
    bf::ConversationReference reference_;
};

}  // namespace

std::string app_password_from_environment(TeamsSettings const& settings) {
    return secret_from_environment(settings.app_password_env, "teams.app_password_env", "'teams.app_id' is set", "the app's client secret");
}

TeamsChannel::TeamsChannel(TeamsSettings const& settings, std::string app_password, ChannelDependencies deps)
    : deps_(deps),
      auth_{settings.issuer, settings.app_id, settings.clock_skew},
      keys_(deps.client, settings.openid_metadata_url, settings.key_refresh_min_interval),
      token_(deps.outbound_client, {settings.token_url, settings.app_id, std::move(app_password), settings.token_scope}),
      connector_(deps.outbound_client, token_, settings.allowed_service_url_hosts, retry_policy_of(settings)),
      messenger_(connector_, deps.conversations, deps.outbound, static_cast<std::size_t>(settings.per_tenant_per_second)) {}

std::string const& TeamsChannel::platform() const noexcept { return teams_platform; }

void TeamsChannel::start() { deps_.background.spawn("signing_keys_warm_up", keys_.warm_up()); }

void TeamsChannel::stop() { keys_.stop(); }

net::awaitable<std::unique_ptr<VerifiedRequest>> TeamsChannel::verify(http::Request const& request, http::RequestContext const&) {
    auto const authorization = std::string(request[http::bhttp::field::authorization]);
    if (authorization.empty()) throw adapters::AdapterError(adapters::AdapterError::Kind::unauthenticated, "no Authorization header");
    auto const checked_at = std::chrono::system_clock::now();
    bf::TrustedToken const* trusted = verified_.find(authorization, checked_at);
    if (trusted == nullptr) {
        co_await keys_.prepare_for(key_id_of(authorization));
        verified_.add(authorization,
                      bf::authenticate_token(authorization, auth_, [this](std::string const& kid) { return keys_.find(kid); }, checked_at),
                      checked_at);
        trusted = verified_.find(authorization, checked_at);
        if (trusted == nullptr) {
            throw adapters::AdapterError(adapters::AdapterError::Kind::unauthenticated, "token expires before it could be used");
        }
    }
    co_return std::make_unique<TeamsRequest>(*this, *trusted, request.body());
}

net::awaitable<void> TeamsChannel::send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) {
    co_await messenger_.send_to_person(message.recipient, message.tenant, std::move(reply), message.idempotency_key);
}

ChannelRegistration registration() {
    ChannelRegistration r;
    r.platform = teams_platform;
    r.read_settings = read_teams_settings;
    r.make = [](ChannelSettings const& settings, ChannelDependencies deps) -> std::unique_ptr<Channel> {
        auto const& teams = static_cast<TeamsSettings const&>(settings);
        return std::make_unique<TeamsChannel>(teams, app_password_from_environment(teams), deps);
    };
    r.command = run_teams_command;
    r.command_summary = "manifest: the Teams app package's manifest for this installation";
    r.command_summary_da = "manifest: Teams-apppakkens manifest til denne installation";
    return r;
}

}  // namespace superbruger::bot::channels::teams
