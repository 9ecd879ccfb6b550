// Reading Slack's requests.
#include "adapters/slack/inbound.hpp"

#include "adapters/error.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/slack/block_ids.hpp"
#include "adapters/slack/form_codec.hpp"
#include "adapters/slack/reply_address.hpp"
#include "adapters/slack/slack_text.hpp"
#include "adapters/untrusted_json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace superbruger::adapters::slack {

namespace {

using nlohmann::json;

constexpr char const* platform = "slack";
constexpr std::size_t max_private_metadata = 3000;  ///< https://docs.slack.dev/reference/views/modal-views

[[noreturn]] void bad_request(std::string const& reason) { throw AdapterError(AdapterError::Kind::bad_request, reason); }

Inbound ignored(Inbound in, std::string reason) {
    in.kind = Inbound::Kind::ignored;
    in.reason = std::move(reason);
    return in;
}

int retry_number(std::string_view header) {
    int n = 0;
    auto const [end, error] = std::from_chars(header.data(), header.data() + header.size(), n);
    return error == std::errc{} && end == header.data() + header.size() && n >= 0 ? n : 0;
}

/// The bot's user id: configured, else the authorizations entry that is the bot
/// (https://docs.slack.dev/apis/events-api: `authorizations` replaces `authed_users`).
std::string bot_user_of(json const& body, InboundSettings const& settings) {
    if (!settings.bot_user_id.empty()) return settings.bot_user_id;
    auto const& auths = member(body, "authorizations");
    if (!auths.is_array()) return {};
    for (auto const& a : auths) {
        auto const bot = member(a, "is_bot");
        if (bot.is_boolean() && bot.get<bool>()) return string_member(a, "user_id");
    }
    return {};
}

std::string enterprise_of_event(json const& body) {
    if (auto e = string_member(body, "enterprise_id"); !e.empty()) return e;
    auto const& auths = member(body, "authorizations");
    if (auths.is_array() && !auths.empty()) {
        if (auto e = string_member(auths[0], "enterprise_id"); !e.empty()) return e;
    }
    return string_member(body, "context_enterprise_id");
}

/// The tenant as the rest of the bot sees it: the workspace, else (org-wide installs send no
/// team on some payloads) the Enterprise Grid organisation. Both stay on the Inbound.
std::string tenant_of(Inbound const& in) { return in.team_id.empty() ? in.enterprise_id : in.team_id; }

bool contains_mention(std::string_view raw, std::string_view bot_user_id) {
    if (bot_user_id.empty()) return false;
    return strip_mention(raw, bot_user_id).size() != raw.size();
}

Inbound read_event_callback(json const& body, Inbound in, InboundSettings const& settings) {
    auto const& event = member(body, "event");
    if (!event.is_object()) return ignored(std::move(in), "event_callback without an event");
    auto const type = string_member(event, "type");
    if (type != "message" && type != "app_mention") return ignored(std::move(in), "event type '" + type + "' is not handled");

    // Edits, deletions, joins and bot posts arrive as message subtypes; only a person's new
    // message is a question (https://api.slack.com/events/message#subtypes). A file shared with
    // a comment and a thread reply also sent to the channel still carry the person's text.
    auto const subtype = string_member(event, "subtype");
    if (!subtype.empty() && subtype != "file_share" && subtype != "thread_broadcast") {
        return ignored(std::move(in), "message subtype '" + subtype + "'");
    }
    auto const bot_user = bot_user_of(body, settings);
    auto const user = string_member(event, "user");
    if (!string_member(event, "bot_id").empty() || member(event, "bot_profile").is_object()) return ignored(std::move(in), "a bot's message");
    if (user.empty()) return ignored(std::move(in), "a message without a user");
    if (user == bot_user) return ignored(std::move(in), "the bot's own message");

    auto const raw = string_member(event, "text");
    auto const channel_type = string_member(event, "channel_type");
    bool const direct = type == "message" && channel_type == "im";
    if (type == "message" && !direct) {
        // A mention in a channel arrives twice, as app_mention and (with channels:history) as
        // message.channels: the app_mention one is answered.
        if (contains_mention(raw, bot_user)) return ignored(std::move(in), "a channel message mentioning the bot (answered as app_mention)");
        if (!settings.channel_messages) return ignored(std::move(in), "a channel message without a mention");
    }

    auto text = mrkdwn_to_text(strip_mention(raw, bot_user));
    if (text.empty()) return ignored(std::move(in), "an empty message");

    ReplyAddress to;
    to.channel = string_member(event, "channel");
    to.user_id = user;
    to.team_id = in.team_id;
    // In channels the answer goes into the thread of the question; in a DM only when the
    // question was itself asked in a thread.
    to.thread_ts = string_member(event, "thread_ts");
    if (to.thread_ts.empty() && !direct) to.thread_ts = string_member(event, "ts");
    if (to.channel.empty()) return ignored(std::move(in), "a message without a channel");

    in.kind = Inbound::Kind::message;
    in.message.platform = platform;
    in.message.message_id = string_member(body, "event_id");
    // The old wrapper (no event_id) still names the message by channel and ts.
    if (in.message.message_id.empty()) in.message.message_id = to.channel + ":" + string_member(event, "ts");
    in.message.sender.user_id = user;
    in.message.sender.tenant_id = tenant_of(in);
    in.message.text = std::move(text);
    in.message.reply_address = format_reply_address(to);
    return in;
}

Inbound read_block_actions(json const& payload, Inbound in) {
    auto const& user = member(payload, "user");
    auto const user_id = string_member(user, "id");
    if (user_id.empty()) return ignored(std::move(in), "block_actions without a user");
    auto const& container = member(payload, "container");
    if (string_member(container, "type") == "view") return ignored(std::move(in), "an action inside a modal");
    auto const& actions = member(payload, "actions");
    if (!actions.is_array() || actions.empty() || !actions[0].is_object()) return ignored(std::move(in), "block_actions without an action");
    auto const& action = actions[0];
    auto const action_id = string_member(action, "action_id");

    ReplyAddress to;
    to.channel = string_member(member(payload, "channel"), "id");
    if (to.channel.empty()) to.channel = string_member(container, "channel_id");
    to.thread_ts = string_member(member(payload, "message"), "thread_ts");
    to.response_url = string_member(payload, "response_url");
    to.trigger_id = string_member(payload, "trigger_id");
    to.user_id = user_id;
    to.team_id = in.team_id;

    in.message.platform = platform;
    in.message.message_id = "action:" + (to.trigger_id.empty() ? string_member(action, "action_ts") : to.trigger_id);
    in.message.sender.user_id = user_id;
    in.message.sender.display_name = string_member(user, "name");
    in.message.sender.tenant_id = tenant_of(in);
    in.message.reply_address = format_reply_address(to);

    if (action_id == open_form_action_id) {
        in.form = decode_form(string_member(action, "value"));
        if (!in.form) return ignored(std::move(in), "a form button whose value is no form");
        in.kind = Inbound::Kind::open_form;
        return in;
    }
    // A button's value, or a select menu's chosen option, is the command it carries, like a Teams
    // card's Action.Submit data.
    auto value = string_member(action, "value");
    if (value.empty()) value = string_member(member(action, "selected_option"), "value");
    if (value.empty()) return ignored(std::move(in), "an action without a value");
    in.kind = Inbound::Kind::message;
    in.message.text = std::move(value);
    return in;
}

Inbound read_view_submission(json const& payload, Inbound in) {
    auto const& view = member(payload, "view");
    if (string_member(view, "callback_id") != form_callback_id) return ignored(std::move(in), "a submission of another view");
    auto const user_id = string_member(member(payload, "user"), "id");
    if (user_id.empty()) bad_request("a view_submission without a user");
    auto const metadata = parse_untrusted_json(string_member(view, "private_metadata"));
    auto const command = string_member(metadata, "command");
    auto const address_text = string_member(metadata, "to");
    if (command.empty() || address_text.empty()) bad_request("a submission of our form without its private_metadata");
    auto to = parse_reply_address(address_text);
    if (auto trigger = string_member(payload, "trigger_id"); !trigger.empty()) to.trigger_id = trigger;

    // state.values: {block_id: {action_id: {type, value | selected_option}}}; our block ids are the
    // field ids (https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload).
    auto const& values = member(member(view, "state"), "values");
    if (values.is_object()) {
        for (auto const& [block_id, actions] : values.items()) {
            if (!actions.is_object()) continue;
            for (auto const& [action_id, state] : actions.items()) {
                (void)action_id;
                auto value = string_member(state, "value");
                if (value.empty()) value = string_member(member(state, "selected_option"), "value");
                in.message.form_values[block_id] = value;
            }
        }
    }
    in.kind = Inbound::Kind::message;
    in.message.platform = platform;
    in.message.message_id = "view:" + string_member(view, "id") + ":" + string_member(payload, "trigger_id");
    in.message.sender.user_id = user_id;
    in.message.sender.display_name = string_member(member(payload, "user"), "name");
    in.message.sender.tenant_id = tenant_of(in);
    in.message.text = command;
    in.message.reply_address = format_reply_address(to);
    return in;
}

bool is_form(std::string_view content_type) {
    std::string media(content_type.substr(0, content_type.find(';')));
    for (auto& c : media) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return media.find("application/x-www-form-urlencoded") != std::string::npos;
}

}  // namespace

Inbound parse_event(std::string_view body, InboundSettings const& settings, std::string_view retry_num, std::string_view retry_reason) {
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) bad_request("the Slack event body is not a JSON object");
    auto const type = string_member(j, "type");
    if (type.empty()) bad_request("the Slack event body has no type");
    Inbound in;
    in.source = Inbound::Source::event;
    in.retry_num = retry_number(retry_num);
    in.retry_reason = std::string(retry_reason);
    in.team_id = string_member(j, "team_id");
    in.enterprise_id = enterprise_of_event(j);
    if (type == "url_verification") {
        in.kind = Inbound::Kind::url_verification;
        in.challenge = string_member(j, "challenge");
        if (in.challenge.empty()) bad_request("url_verification without a challenge");
        return in;
    }
    if (!settings.app_id.empty() && string_member(j, "api_app_id") != settings.app_id) return ignored(std::move(in), "an event for another app");
    if (type != "event_callback") return ignored(std::move(in), "envelope type '" + type + "' is not handled");
    return read_event_callback(j, std::move(in), settings);
}

Inbound parse_slash_command(std::string_view body, InboundSettings const& settings) {
    auto const fields = parse_form_body(body);
    auto const field = [&](char const* name) {
        auto const it = fields.find(name);
        return it == fields.end() ? std::string() : it->second;
    };
    Inbound in;
    in.source = Inbound::Source::slash_command;
    in.team_id = field("team_id");
    in.enterprise_id = field("enterprise_id");
    // Slack checks a command's SSL certificate with ssl_check=1: acknowledge and do nothing.
    if (field("ssl_check") == "1") return ignored(std::move(in), "ssl_check");
    if (field("user_id").empty() || field("command").empty()) bad_request("a slash command without user_id or command");
    if (!settings.app_id.empty() && !field("api_app_id").empty() && field("api_app_id") != settings.app_id) {
        return ignored(std::move(in), "a command for another app");
    }
    ReplyAddress to;
    to.channel = field("channel_id");
    to.response_url = field("response_url");
    to.trigger_id = field("trigger_id");
    to.user_id = field("user_id");
    to.team_id = in.team_id;
    in.kind = Inbound::Kind::message;
    in.message.platform = platform;
    in.message.message_id = "command:" + (to.trigger_id.empty() ? to.user_id + ":" + field("text") : to.trigger_id);
    in.message.sender.user_id = to.user_id;
    in.message.sender.display_name = field("user_name");
    in.message.sender.tenant_id = tenant_of(in);
    // The text after the command, with the same entity escaping as messages.
    in.message.text = mrkdwn_to_text(field("text"));
    in.message.reply_address = format_reply_address(to);
    return in;
}

Inbound parse_interaction(std::string_view body, InboundSettings const& settings) {
    auto const fields = parse_form_body(body);
    auto const it = fields.find("payload");
    if (it == fields.end()) bad_request("an interaction without a payload field");
    auto const payload = parse_untrusted_json(it->second);
    if (!payload.is_object()) bad_request("the interaction payload is not a JSON object");
    auto const type = string_member(payload, "type");
    if (type.empty()) bad_request("the interaction payload has no type");
    Inbound in;
    auto const& team = member(payload, "team");
    in.team_id = string_member(team, "id");
    if (in.team_id.empty()) in.team_id = string_member(member(payload, "user"), "team_id");
    in.enterprise_id = string_member(member(payload, "enterprise"), "id");
    if (in.enterprise_id.empty()) in.enterprise_id = string_member(team, "enterprise_id");
    if (!settings.app_id.empty() && string_member(payload, "api_app_id") != settings.app_id) return ignored(std::move(in), "an interaction for another app");
    if (type == "block_actions") {
        in.source = Inbound::Source::block_actions;
        return read_block_actions(payload, std::move(in));
    }
    if (type == "view_submission") {
        in.source = Inbound::Source::view_submission;
        return read_view_submission(payload, std::move(in));
    }
    return ignored(std::move(in), "interaction type '" + type + "' is not handled");
}

Inbound parse_request(std::string_view content_type, std::string_view body, InboundSettings const& settings, std::string_view retry_num,
                      std::string_view retry_reason) {
    if (!is_form(content_type)) return parse_event(body, settings, retry_num, retry_reason);
    auto const fields = parse_form_body(body);
    if (fields.contains("payload")) return parse_interaction(body, settings);
    return parse_slash_command(body, settings);
}

std::string form_metadata(std::string const& submit_command, std::string const& reply_address) {
    auto const pack = [&](std::string const& to) { return json{{"command", submit_command}, {"to", to}}.dump(); };
    auto text = pack(reply_address);
    if (slack_length(text) <= max_private_metadata) return text;
    auto to = parse_reply_address(reply_address);
    to.response_url.clear();
    to.trigger_id.clear();
    text = pack(format_reply_address(to));
    if (slack_length(text) > max_private_metadata) bad_request("the form's command and reply address exceed Slack's 3000 characters of private_metadata");
    return text;
}

}  // namespace superbruger::adapters::slack
