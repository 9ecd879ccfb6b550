// Reading Mattermost's requests.
#include "adapters/mattermost/inbound.hpp"

#include "adapters/crypto/hmac.hpp"
#include "adapters/error.hpp"
#include "adapters/mattermost/form_context.hpp"
#include "adapters/mattermost/reply_address.hpp"
#include "adapters/mattermost/request_token.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/untrusted_json.hpp"

#include <charconv>
#include <map>

namespace superbruger::adapters::mattermost {

namespace {

using nlohmann::json;

constexpr char const* platform = "mattermost";
constexpr char const* context_command = "sb_command";
constexpr char const* context_secret = "sb_secret";
constexpr char const* context_form = "sb_form";

[[noreturn]] void bad_request(std::string const& reason) { throw AdapterError(AdapterError::Kind::bad_request, reason); }
[[noreturn]] void refuse(std::string const& reason) { throw AdapterError(AdapterError::Kind::unauthenticated, reason); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_json(std::string_view content_type) {
    auto media = content_type.substr(0, content_type.find(';'));
    while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
    std::string m;
    for (char c : media) m += lower(c);
    return m == "application/json";
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (prefix.empty() || text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(text[i]) != lower(prefix[i])) return false;
    }
    return true;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

/// Characters of a Mattermost username (lower-case letters, digits, '.', '-', '_'; matched here
/// without regard to case), so "@bot" is not stripped from "@bottom".
bool username_char(char c) {
    c = lower(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/// The question without the word that fired the webhook and a leading mention of the bot.
/// The trigger word goes only when it is the whole first word: a "starts with" webhook
/// (trigger_when 1) fired by "superbrugeren" keeps its text.
std::string question_text(std::string_view text, std::string_view trigger_word, std::string_view bot_username) {
    text = trimmed(text);
    if (starts_with_ignoring_case(text, trigger_word) && (text.size() == trigger_word.size() || blank(text[trigger_word.size()]))) {
        text = trimmed(text.substr(trigger_word.size()));
    }
    if (!bot_username.empty() && text.starts_with('@') && starts_with_ignoring_case(text.substr(1), bot_username)) {
        auto const end = 1 + bot_username.size();
        if (end == text.size() || !username_char(text[end])) {
            text.remove_prefix(end);
            // "@bot: question" and "@bot, question" as well as "@bot question".
            if (!text.empty() && (text.front() == ':' || text.front() == ',')) text.remove_prefix(1);
            text = trimmed(text);
        }
    }
    return std::string(text);
}

/// The fields of a webhook or command body, whichever its encoding: text values by name, and
/// the timestamp already in milliseconds.
struct Fields {
    std::map<std::string, std::string> values;
    std::chrono::milliseconds timestamp{0};

    std::string operator[](char const* name) const {
        auto const it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
};

/// Digits only, no sign: anything else is no timestamp (zero), not a reason to refuse the post.
long long digits(std::string_view text) {
    long long n = 0;
    auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    return !text.empty() && error == std::errc{} && end == text.data() + text.size() && text.front() != '-' ? n : 0;
}

Fields read_fields(std::string_view content_type, std::string_view body) {
    Fields f;
    if (!is_json(content_type)) {
        f.values = parse_form_body(body);
        // The form encoding sends seconds (OutgoingWebhookPayload.ToFormValues:
        // strconv.FormatInt(o.Timestamp/1000, 10), server/public/model/outgoing_webhook.go).
        f.timestamp = std::chrono::seconds(digits(f["timestamp"]));
        return f;
    }
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) bad_request("the Mattermost body is not a JSON object");
    for (auto const& [key, value] : j.items()) {
        if (value.is_string()) f.values[key] = value.get<std::string>();
    }
    // JSON sends the post's CreateAt as it is: milliseconds.
    auto const& ts = member(j, "timestamp");
    if (ts.is_number_integer() && ts.get<long long>() > 0) f.timestamp = std::chrono::milliseconds(ts.get<long long>());
    return f;
}

ChatMessage message_from(std::string user_id, std::string user_name, std::string team_id, std::string message_id) {
    ChatMessage m;
    m.platform = platform;
    m.message_id = std::move(message_id);
    m.sender.user_id = std::move(user_id);
    m.sender.display_name = std::move(user_name);
    m.sender.tenant_id = std::move(team_id);
    return m;
}

Inbound ignored(Inbound in, std::string reason) {
    in.kind = Inbound::Kind::ignored;
    in.reason = std::move(reason);
    return in;
}

/// Refuses unless `secret` is the configured one, compared in constant time.
void check_secret(std::string_view secret, InboundSettings const& settings, char const* what) {
    if (settings.action_secret.empty()) refuse(std::string("no Mattermost action secret configured to check ") + what);
    if (!crypto::equal_in_constant_time(secret, settings.action_secret)) refuse(std::string(what) + " without the bot's secret");
}

/// A submitted value as text: text fields send strings, bool elements true/false, and a number
/// subtype may come as a number.
std::string value_text(json const& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return v.dump();
    return {};
}

}  // namespace

Inbound parse_outgoing_webhook(std::string_view content_type, std::string_view body, InboundSettings const& settings) {
    auto const f = read_fields(content_type, body);
    Inbound in;
    in.source = Inbound::Source::outgoing_webhook;
    in.token = f["token"];
    in.timestamp = f.timestamp;
    in.trigger_word = f["trigger_word"];
    if (f["user_id"].empty() || f["channel_id"].empty()) bad_request("an outgoing webhook without user_id or channel_id");
    in.message = message_from(f["user_id"], f["user_name"], f["team_id"], f["post_id"]);
    if (!settings.bot_user_id.empty() && f["user_id"] == settings.bot_user_id) return ignored(std::move(in), "the bot's own post");
    in.message.text = question_text(f["text"], in.trigger_word, settings.bot_username);
    if (in.message.text.empty()) return ignored(std::move(in), "an empty message");
    ReplyAddress to;
    to.channel_id = f["channel_id"];
    to.root_id = f["post_id"];
    to.user_id = f["user_id"];
    to.team_id = f["team_id"];
    in.message.reply_address = format_reply_address(to);
    in.kind = Inbound::Kind::message;
    return in;
}

Inbound parse_slash_command(std::string_view content_type, std::string_view body, InboundSettings const& settings) {
    auto const f = read_fields(content_type, body);
    Inbound in;
    in.source = Inbound::Source::slash_command;
    in.token = f["token"];
    in.command = f["command"];
    if (f["user_id"].empty() || f["channel_id"].empty() || in.command.empty()) bad_request("a slash command without user_id, channel_id or command");
    in.message = message_from(f["user_id"], f["user_name"], f["team_id"], f["trigger_id"]);
    // The text after the command; an empty one is still a question (the bot may show its help).
    in.message.text = question_text(f["text"], {}, settings.bot_username);
    ReplyAddress to;
    to.channel_id = f["channel_id"];
    to.response_url = f["response_url"];
    to.trigger_id = f["trigger_id"];
    to.user_id = f["user_id"];
    to.team_id = f["team_id"];
    in.message.reply_address = format_reply_address(to);
    in.kind = Inbound::Kind::message;
    return in;
}

Inbound parse_action(std::string_view body, InboundSettings const& settings) {
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) bad_request("the Mattermost action body is not a JSON object");
    auto const user_id = string_member(j, "user_id");
    auto const& context = member(j, "context");
    if (user_id.empty() || !context.is_object()) bad_request("a Mattermost action without user_id or context");
    check_secret(string_member(context, context_secret), settings, "a button click");
    auto const command = string_member(context, context_command);
    Inbound in;
    in.source = Inbound::Source::action;
    in.message = message_from(user_id, string_member(j, "user_name"), string_member(j, "team_id"), string_member(j, "trigger_id"));
    ReplyAddress to;
    to.channel_id = string_member(j, "channel_id");
    // No root: the clicked post may itself be a reply, and the click's own answer is the HTTP
    // response (update / ephemeral_text) anyway.
    to.trigger_id = string_member(j, "trigger_id");
    to.user_id = user_id;
    to.team_id = string_member(j, "team_id");
    in.message.reply_address = format_reply_address(to);
    if (auto const& form = member(context, context_form); !form.is_null()) {
        in.form = form_from_json(form);
        if (!in.form) return ignored(std::move(in), "a form button whose context holds no form");
        in.kind = Inbound::Kind::open_form;
        return in;
    }
    if (command.empty()) return ignored(std::move(in), "a button click without a command");
    in.message.text = command;
    in.kind = Inbound::Kind::message;
    return in;
}

Inbound parse_dialog_submission(std::string_view body, InboundSettings const& settings) {
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) bad_request("the Mattermost dialog submission is not a JSON object");
    Inbound in;
    in.source = Inbound::Source::dialog_submission;
    auto const user_id = string_member(j, "user_id");
    if (user_id.empty()) bad_request("a dialog submission without user_id");
    in.message = message_from(user_id, string_member(j, "user_name"), string_member(j, "team_id"), {});
    if (string_member(j, "type") != "dialog_submission") return ignored(std::move(in), "dialog request type '" + string_member(j, "type") + "'");
    if (string_member(j, "callback_id") != dialog_callback_id) return ignored(std::move(in), "a submission of another dialog");
    auto const& cancelled = member(j, "cancelled");
    if (cancelled.is_boolean() && cancelled.get<bool>()) return ignored(std::move(in), "a cancelled dialog");

    auto const state = parse_untrusted_json(string_member(j, "state"));
    auto const command = string_member(state, "command");
    auto const address_text = string_member(state, "to");
    if (command.empty() || address_text.empty()) bad_request("a submission of our dialog without its state");
    check_secret(string_member(state, "secret"), settings, "a dialog submission");
    auto to = parse_reply_address(address_text);

    auto const& submission = member(j, "submission");
    if (submission.is_object()) {
        for (auto const& [name, value] : submission.items()) in.message.form_values[name] = value_text(value);
    }
    in.message.text = command;
    in.message.reply_address = format_reply_address(to);
    in.kind = Inbound::Kind::message;
    return in;
}

Inbound parse_request(std::string_view content_type, std::string_view body, InboundSettings const& settings) {
    if (!is_json(content_type)) {
        if (parse_form_body(body).contains("command")) return parse_slash_command(content_type, body, settings);
        return parse_outgoing_webhook(content_type, body, settings);
    }
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) bad_request("the Mattermost body is not a JSON object");
    if (j.contains("submission") || string_member(j, "type") == "dialog_submission") return parse_dialog_submission(body, settings);
    if (member(j, "context").is_object()) return parse_action(body, settings);
    if (!string_member(j, "command").empty()) return parse_slash_command(content_type, body, settings);
    return parse_outgoing_webhook(content_type, body, settings);
}

json action_context(std::string const& command, std::string const& secret) {
    return {{context_command, command}, {context_secret, secret}};
}

json open_form_context(Form const& form, std::string const& secret) {
    return {{context_form, form_to_json(form)}, {context_secret, secret}};
}

std::string dialog_state(std::string const& submit_command, std::string const& reply_address, std::string const& secret) {
    return json{{"command", submit_command}, {"to", reply_address}, {"secret", secret}}.dump();
}

}  // namespace superbruger::adapters::mattermost
