// TeamsWebhookChannel: pick the webhook's key by ?id=, check the HMAC, answer inline.
#include "bot/channels/teams_webhook/teams_webhook_channel.hpp"

#include "adapters/error.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/teams_webhook/outgoing_webhook.hpp"
#include "bot/channels/api_call.hpp"
#include "bot/channels/channel_secret.hpp"
#include "bot/error.hpp"
#include "bot/http/responses.hpp"

namespace superbruger::bot::channels::teams_webhook {

namespace {

namespace tw = adapters::teams_webhook;
using http::bhttp::status;

std::string const platform_name = "teams_webhook";
constexpr char const* webhook_path = "/api/teams/webhook";

[[noreturn]] void refuse(std::string const& reason) { throw adapters::AdapterError(adapters::AdapterError::Kind::unauthenticated, reason); }

class WebhookRequest final : public VerifiedRequest {
public:
    explicit WebhookRequest(http::Request const& request) : request_(request) {}

    std::vector<InboundEvent> parse() override {
        InboundEvent event;
        event.kind = InboundEvent::Kind::message;
        event.message = tw::parse_message(request_.body());
        // Teams does not resend an outgoing webhook's message, but a captured request could be
        // replayed (the HMAC has no timestamp): its id is claimed like any delivery.
        event.delivery_id = event.message.message_id;
        // Nothing to remember: this path cannot write to the conversation later.
        return {std::move(event)};
    }

    net::awaitable<http::Response> answer(Replies replies) override {
        // A replayed request gets an empty message: Teams shows nothing for it.
        if (replies.empty() || !replies.front()) co_return http::json_response(status::ok, {{"type", "message"}, {"text", ""}});
        co_return http::json_response(status::ok, tw::response_body(*replies.front()));
    }

private:
    http::Request const& request_;
};

}  // namespace

TeamsWebhookChannel::TeamsWebhookChannel(std::map<std::string, std::string> keys, WorkflowsPoster poster)
    : keys_(std::move(keys)), poster_(std::move(poster)) {}

std::string const& TeamsWebhookChannel::platform() const noexcept { return platform_name; }

std::vector<std::string> TeamsWebhookChannel::paths() const { return {webhook_path}; }

net::awaitable<std::unique_ptr<VerifiedRequest>> TeamsWebhookChannel::verify(http::Request const& request, http::RequestContext const&) {
    auto const target = std::string_view(request.target());
    auto const q = target.find('?');
    auto const query = adapters::parse_form_body(q == std::string_view::npos ? std::string_view{} : target.substr(q + 1));
    auto const id = query.find("id");
    // With one webhook the id may be left out of the URL; with several it says whose token signs.
    auto key = id != query.end() ? keys_.find(id->second) : keys_.size() == 1 ? keys_.begin() : keys_.end();
    if (key == keys_.end()) refuse(id == query.end() ? "no ?id= naming the webhook" : "no webhook '" + id->second + "' is configured");
    tw::verify_request(key->second, request[http::bhttp::field::authorization], request.body());
    co_return std::make_unique<WebhookRequest>(request);
}

net::awaitable<void> TeamsWebhookChannel::send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) {
    auto municipality = message.recipient;
    co_await poster_.post(std::move(municipality), std::move(reply));
}

ChannelRegistration registration() {
    ChannelRegistration r;
    r.platform = platform_name;
    r.read_settings = read_teams_webhook_settings;
    r.make = [](ChannelSettings const& settings, ChannelDependencies deps) -> std::unique_ptr<Channel> {
        auto const& s = static_cast<TeamsWebhookSettings const&>(settings);
        std::map<std::string, std::string> keys;
        for (auto const& [id, env] : s.webhooks) {
            auto const setting = "teams_webhook.webhooks." + id;
            auto const token = secret_from_environment(env, setting, "'teams_webhook.enabled' is true", "the webhook's security token");
            try {
                keys[id] = tw::key_of_security_token(token);
            } catch (adapters::AdapterError const& e) {
                throw BotError(BotError::Kind::config, "config: the environment variable " + env + " (" + setting + "): " + e.what());
            }
        }
        std::map<std::string, std::string> urls;
        for (auto const& [municipality, env] : s.workflows) {
            urls[municipality] = secret_url_from_environment(env, "teams_webhook.workflows." + municipality, "'teams_webhook.enabled' is true",
                                                             "the channel's Workflows URL");
        }
        WorkflowsPoster poster(deps.outbound_client, deps.outbound, std::move(urls), retry_policy_of(s));
        return std::make_unique<TeamsWebhookChannel>(std::move(keys), std::move(poster));
    };
    return r;
}

}  // namespace superbruger::bot::channels::teams_webhook
