// MattermostChannel: check the token (or leave it to the context's secret), read the request,
// answer inline or through REST.
#include "bot/channels/mattermost/mattermost_channel.hpp"

#include "adapters/error.hpp"
#include "adapters/mattermost/request_token.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/untrusted_json.hpp"
#include "bot/background_tasks.hpp"
#include "bot/channels/api_call.hpp"
#include "bot/channels/channel_secret.hpp"
#include "bot/error.hpp"
#include "bot/http/responses.hpp"
#include "bot/log.hpp"

namespace superbruger::bot::channels::mattermost {

namespace {

namespace ma = adapters::mattermost;
using http::bhttp::status;

std::string const mattermost_platform = "mattermost";

// One path per kind of request, so each is read as what its integration sends (the URLs go into
// the outgoing webhook, the slash command and the buttons' integration.url).
constexpr char const* webhook_path = "/api/mattermost/webhook";
constexpr char const* command_path = "/api/mattermost/command";
constexpr char const* action_path = "/api/mattermost/action";
constexpr char const* dialog_path = "/api/mattermost/dialog";

/// Answers to clicks and submissions on their way at most; more requests wait (backpressure).
constexpr std::size_t max_replies_in_flight = 256;

/// What a click on a form button gets when there is no REST to open the dialog with.
constexpr char const* no_dialogs_text = "Formularen kan ikke åbnes her: botten har ikke adgang til Mattermosts REST API.";

std::string header(http::Request const& request, http::bhttp::field name) { return std::string(request[name]); }

bool is_json(std::string_view content_type) {
    std::string media(content_type.substr(0, content_type.find(';')));
    for (auto& c : media) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return media.starts_with("application/json");
}

/// The body's `token` field and nothing else of it. request_token.hpp takes the token already read
/// and leaves the order to us: here only the encoding is undone (form pairs or a JSON object) and
/// the one field taken, so no field is interpreted before the token matched; parse() reads the
/// rest only after verify() let the request through.
std::string body_token(std::string_view content_type, std::string_view body) {
    if (is_json(content_type)) return adapters::string_member(adapters::parse_untrusted_json(body), "token");
    auto const fields = adapters::parse_form_body(body);
    auto const it = fields.find("token");
    return it == fields.end() ? std::string() : it->second;
}

std::string path_of(http::Request const& request) {
    std::string_view const target(request.target());
    return std::string(target.substr(0, target.find('?')));
}

/// Where the bot may write later: the channel (a post, trigger_id or response_url is good for
/// this question only).
storage::StoredConversation conversation_of(ma::Inbound const& in) {
    storage::StoredConversation c;
    auto const to = ma::parse_reply_address(in.message.reply_address);
    if (to.channel_id.empty()) return c;
    ma::ReplyAddress lasting;
    lasting.channel_id = to.channel_id;
    lasting.user_id = to.user_id;
    lasting.team_id = to.team_id;
    c.conversation_id = to.channel_id;
    c.kind = "channel";  // the requests do not say whether it is a direct channel
    c.user_id = to.user_id;
    c.tenant_id = in.message.sender.tenant_id;
    c.address = ma::format_reply_address(lasting);
    return c;
}

http::Response empty_answer() { return http::json_response(status::ok, nlohmann::json::object()); }

/// One request whose token was checked (webhooks, commands) or whose secret parse() checks.
class MattermostRequest final : public VerifiedRequest {
public:
    MattermostRequest(MattermostChannel& channel, http::Request const& request, std::string path)
        : channel_(channel), request_(request), path_(std::move(path)) {}

    std::vector<InboundEvent> parse() override {
        auto const content_type = header(request_, http::bhttp::field::content_type);
        auto const& settings = channel_.inbound_settings();
        if (path_ == webhook_path) {
            in_ = ma::parse_outgoing_webhook(content_type, request_.body(), settings);
        } else if (path_ == command_path) {
            in_ = ma::parse_slash_command(content_type, request_.body(), settings);
        } else if (path_ == action_path) {
            in_ = ma::parse_action(request_.body(), settings);  // AdapterError{unauthenticated} without our secret
        } else {
            in_ = ma::parse_dialog_submission(request_.body(), settings);  // the same, for the state's secret
        }
        std::vector<InboundEvent> events;
        if (in_.kind == ma::Inbound::Kind::ignored) log::debug("mattermost_ignored", {{"reason", in_.reason}});
        if (in_.kind != ma::Inbound::Kind::message) return events;
        InboundEvent event;
        event.kind = InboundEvent::Kind::message;
        // The post's id (webhooks) or the trigger_id (commands, clicks): a captured request that
        // is replayed is answered once. Submissions have no id of their own.
        event.delivery_id = in_.message.message_id;
        event.message = in_.message;
        event.conversation = conversation_of(in_);
        events.push_back(std::move(event));
        return events;
    }

    net::awaitable<http::Response> answer(Replies replies) override {
        if (in_.kind == ma::Inbound::Kind::open_form) co_return co_await open_form();
        if (in_.kind != ma::Inbound::Kind::message || replies.empty() || !replies.front()) co_return empty_answer();
        auto reply = std::move(*replies.front());
        auto const& render = channel_.render_settings();
        switch (in_.source) {
        case ma::Inbound::Source::outgoing_webhook:
            co_return http::json_response(status::ok, ma::webhook_response(reply, render));
        case ma::Inbound::Source::slash_command:
            co_return http::json_response(status::ok, ma::command_response(reply, render));
        case ma::Inbound::Source::action:
            // A click's answer can only be text (ephemeral_text) or an update of the clicked post
            // (https://developers.mattermost.com/integrate/plugins/interactive-messages/): with REST
            // the answer is a post of its own, buttons and all.
            if (!channel_.has_rest()) co_return http::json_response(status::ok, {{"ephemeral_text", ma::message_text(reply)}});
            break;
        case ma::Inbound::Source::dialog_submission:
            break;
        }
        // Clicks and submissions: the answer goes to where the question came from; an empty 200
        // closes a submitted dialog (https://developers.mattermost.com/integrate/plugins/interactive-dialogs/).
        auto work = channel_.messenger().reply(address(), std::move(reply));
        co_await spawn("mattermost_reply", std::move(work));
        co_return empty_answer();
    }

private:
    net::awaitable<http::Response> open_form() {
        if (!channel_.has_rest()) co_return http::json_response(status::ok, {{"ephemeral_text", no_dialogs_text}});
        auto work = channel_.messenger().open_form(address(), *in_.form);
        co_await spawn("mattermost_open_form", std::move(work));
        co_return empty_answer();
    }

    ma::ReplyAddress address() const { return ma::parse_reply_address(in_.message.reply_address); }

    /// `work` is created (its arguments copied into its frame) before this coroutine starts, so
    /// no temporary of the caller's co_await expression outlives its statement (GCC 12).
    net::awaitable<void> spawn(char const* what, net::awaitable<void> work) {
        auto& background = channel_.background();
        co_await background.wait_for_room(max_replies_in_flight);
        background.spawn(what, std::move(work));
    }

    MattermostChannel& channel_;
    http::Request const& request_;
    std::string path_;
    ma::Inbound in_;
};

ma::RenderSettings render_settings_of(MattermostSettings const& settings, std::string action_secret) {
    ma::RenderSettings r;
    r.action_url = settings.public_url + action_path;
    r.dialog_url = settings.public_url + dialog_path;
    r.action_secret = std::move(action_secret);
    return r;
}

}  // namespace

MattermostChannel::MattermostChannel(MattermostSettings const& settings, MattermostSecrets secrets, ChannelDependencies deps)
    : deps_(deps),
      tokens_(std::move(secrets.tokens)),
      incoming_webhooks_(std::move(secrets.incoming_webhooks)),
      inbound_{{}, {}, secrets.action_secret},
      render_(render_settings_of(settings, secrets.action_secret)),
      api_(deps.outbound_client, settings.server_url, std::move(secrets.bot_token), retry_policy_of(settings)),
      messenger_(api_, render_, deps.outbound) {}

std::string const& MattermostChannel::platform() const noexcept { return mattermost_platform; }

std::vector<std::string> MattermostChannel::paths() const { return {webhook_path, command_path, action_path, dialog_path}; }

net::awaitable<std::unique_ptr<VerifiedRequest>> MattermostChannel::verify(http::Request const& request, http::RequestContext const&) {
    auto path = path_of(request);
    if (path == webhook_path || path == command_path) {
        // Commands send the token in the Authorization header and the body, webhooks in the body
        // only; when both are there they must agree (request_token.hpp).
        auto const body = body_token(header(request, http::bhttp::field::content_type), request.body());
        ma::verify_command_token(request[http::bhttp::field::authorization], body, tokens_);
    }
    // Clicks and submissions carry no token: Mattermost signs nothing there, and the only
    // credential is the secret the bot put into the button's context or the dialog's state
    // (https://developers.mattermost.com/integrate/plugins/interactive-messages/). It sits inside
    // the JSON body, so parse() checks it first and yields nothing (401) without it.
    co_return std::make_unique<MattermostRequest>(*this, request, std::move(path));
}

net::awaitable<void> MattermostChannel::send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) {
    // A channel's recipient is the municipality as configured; user ids are 26 letters and digits.
    if (auto const hook = incoming_webhooks_.find(message.recipient); hook != incoming_webhooks_.end()) {
        auto municipality = hook->first;
        auto url = hook->second;
        co_await messenger_.send_to_channel(std::move(municipality), std::move(url), std::move(reply));
        co_return;
    }
    if (!has_rest()) throw BotError::refused("Mattermost: no bot token (mattermost.bot_token_env), so no messages to a person", 0);
    auto user_id = message.recipient;
    co_await messenger_.send_to_person(std::move(user_id), std::move(reply));
}

ChannelRegistration registration() {
    ChannelRegistration r;
    r.platform = mattermost_platform;
    r.read_settings = read_mattermost_settings;
    r.make = [](ChannelSettings const& settings, ChannelDependencies deps) -> std::unique_ptr<Channel> {
        auto const& mm = static_cast<MattermostSettings const&>(settings);
        std::string const because = "'mattermost.enabled' is true";
        MattermostSecrets secrets;
        for (auto const& env : mm.tokens_env) {
            secrets.tokens.push_back(secret_from_environment(env, "mattermost.tokens_env", because, "an outgoing webhook's or slash command's token"));
        }
        secrets.action_secret = secret_from_environment(mm.action_secret_env, "mattermost.action_secret_env", because,
                                                        "the secret for buttons and dialogs (any long random text)");
        if (mm.has_rest()) {
            secrets.bot_token = secret_from_environment(mm.bot_token_env, "mattermost.bot_token_env", "'mattermost.bot_token_env' is set",
                                                        "the bot account's personal access token");
        }
        for (auto const& [municipality, env] : mm.incoming_webhooks) {
            secrets.incoming_webhooks[municipality] = secret_url_from_environment(env, "mattermost.incoming_webhooks." + municipality, because,
                                                                                 "the URL of the channel's incoming webhook");
        }
        return std::make_unique<MattermostChannel>(mm, std::move(secrets), deps);
    };
    return r;
}

}  // namespace superbruger::bot::channels::mattermost
