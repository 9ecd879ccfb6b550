// Block Kit rendering.
#include "adapters/slack/message_blocks.hpp"

#include "adapters/slack/block_ids.hpp"
#include "adapters/slack/form_codec.hpp"
#include "adapters/slack/slack_text.hpp"

namespace superbruger::adapters::slack {

namespace {

using nlohmann::json;

constexpr std::size_t max_modal_text = 24;
constexpr std::size_t max_label = 2000;
constexpr std::size_t max_input_length = 3000;
constexpr std::size_t max_options = 100;
constexpr std::size_t max_option_text = 75;
constexpr std::size_t max_option_value = 150;
constexpr std::size_t max_modal_blocks = 100;
constexpr std::size_t max_fallback_text = 3000;  ///< the notification text; Slack truncates at 40,000

json plain(std::string const& text, std::size_t limit) { return {{"type", "plain_text"}, {"text", shortened(text, limit)}, {"emoji", true}}; }

/// mrkdwn text escaped and within `limit` after escaping, ending in "…" when cut.
std::string escaped_within(std::string const& mrkdwn, std::size_t limit) {
    auto const cut = split_point(mrkdwn, limit);
    if (cut >= mrkdwn.size()) return escape_mrkdwn(mrkdwn);
    return escape_mrkdwn(mrkdwn.substr(0, split_point(mrkdwn, limit - 1))) + "…";
}

std::string trim_newlines(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == '\n') ++start;
    return s.substr(start);
}

/// The text as section texts, each within the limit once escaped.
std::vector<std::string> section_texts(std::string const& mrkdwn) {
    std::vector<std::string> out;
    std::string rest = trim_newlines(mrkdwn);
    while (!rest.empty()) {
        auto const cut = split_point(rest, max_section_text);
        auto head = trim_newlines(rest.substr(0, cut));
        rest = trim_newlines(rest.substr(cut));
        if (!head.empty()) out.push_back(std::move(head));
    }
    return out;
}

json section(std::string const& mrkdwn) {
    return {{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", escape_mrkdwn(mrkdwn)}}}};
}

std::string source_text(ChatReply const& reply) {
    if (!reply.footer.empty()) return markdown_light_to_mrkdwn(reply.footer);
    std::string out;
    for (auto const& c : reply.citations) {
        auto name = c.title.empty() ? c.document_id : c.title;
        if (!c.section.empty()) name += " – " + c.section;
        if (name.empty()) continue;
        out += (out.empty() ? "" : " · ") + name;
    }
    return out;
}

json button(std::string const& action_id, std::string const& label, std::string const& value) {
    return {{"type", "button"}, {"action_id", action_id}, {"text", plain(label, max_button_text)}, {"value", value}};
}

/// The blocks after the text: source, form button, action buttons (in rows of five).
std::vector<json> tail_blocks(ChatReply const& reply, RenderSettings const& settings) {
    std::vector<json> out;
    if (auto const source = source_text(reply); !source.empty()) {
        out.push_back({{"type", "context"}, {"elements", json::array({{{"type", "mrkdwn"}, {"text", escaped_within(source, max_section_text)}}})}});
    }
    std::vector<json> buttons;
    if (reply.form) {
        if (auto value = encode_form(*reply.form); !value.empty()) {
            auto b = button(open_form_action_id, settings.open_form_label, value);
            b["style"] = "primary";
            buttons.push_back(std::move(b));
        }
    }
    for (std::size_t i = 0; i < reply.actions.size() && buttons.size() < max_buttons; ++i) {
        auto const& a = reply.actions[i];
        // A value is a command: shortened it would say something else, so too long a one is left out.
        if (a.value.empty() || slack_length(a.value) > max_button_value) continue;
        buttons.push_back(button(action_id_prefix + std::to_string(i), a.label.empty() ? a.value : a.label, a.value));
    }
    for (std::size_t i = 0; i < buttons.size(); i += buttons_per_row) {
        json row = json::array();
        for (std::size_t k = i; k < buttons.size() && k < i + buttons_per_row; ++k) row.push_back(buttons[k]);
        out.push_back({{"type", "actions"}, {"elements", row}});
    }
    return out;
}

json message(std::vector<json> blocks, std::string const& fallback_mrkdwn) {
    auto text = escape_mrkdwn(shortened(fallback_mrkdwn, max_fallback_text));
    // Slack refuses a message without text and blocks (no_text); a space keeps the message valid.
    if (text.empty()) text = " ";
    return {{"text", text}, {"blocks", std::move(blocks)}};
}

json input_element(FormField const& f) {
    if (f.kind == FormField::Kind::choice && !f.choices.empty()) {
        json options = json::array();
        json initial;
        for (std::size_t i = 0; i < f.choices.size() && i < max_options; ++i) {
            auto const& [value, title] = f.choices[i];
            if (slack_length(value) > max_option_value) continue;  // a shortened value would be another answer
            json option = {{"text", plain(title.empty() ? value : title, max_option_text)}, {"value", value}};
            if (!f.value.empty() && value == f.value) initial = option;
            options.push_back(std::move(option));
        }
        if (!options.empty()) {
            json select = {{"type", "static_select"}, {"action_id", f.id}, {"options", options}};
            if (!initial.is_null()) select["initial_option"] = initial;
            return select;
        }
    }
    json input = {{"type", "plain_text_input"}, {"action_id", f.id}, {"multiline", f.kind == FormField::Kind::text}};
    std::size_t const limit = f.max_chars > 0 && f.max_chars < max_input_length ? f.max_chars : max_input_length;
    input["max_length"] = limit;
    // An initial value over max_length would make Slack refuse the whole view.
    if (!f.value.empty()) input["initial_value"] = shortened(f.value, limit);
    return input;
}

}  // namespace

std::vector<json> reply_messages(ChatReply const& reply, RenderSettings const& settings) {
    auto const mrkdwn = markdown_light_to_mrkdwn(reply.text);
    auto const texts = section_texts(mrkdwn);
    auto const tail = tail_blocks(reply, settings);

    std::vector<json> out;
    std::size_t next = 0;
    // Leading messages take 50 sections each while the rest and the tail would not fit one.
    while (texts.size() - next + tail.size() > max_message_blocks) {
        std::vector<json> blocks;
        std::string fallback;
        for (std::size_t k = 0; k < max_message_blocks && next < texts.size(); ++k, ++next) {
            blocks.push_back(section(texts[next]));
            if (fallback.size() < max_fallback_text * 4) fallback += (fallback.empty() ? "" : "\n\n") + texts[next];
        }
        out.push_back(message(std::move(blocks), fallback));
    }
    std::vector<json> blocks;
    std::string fallback;
    for (; next < texts.size(); ++next) {
        blocks.push_back(section(texts[next]));
        if (fallback.size() < max_fallback_text * 4) fallback += (fallback.empty() ? "" : "\n\n") + texts[next];
    }
    for (auto const& b : tail) blocks.push_back(b);
    if (fallback.empty()) fallback = source_text(reply);
    out.push_back(message(std::move(blocks), fallback));
    return out;
}

json post_message_body(json message, std::string const& channel, std::string const& thread_ts) {
    message["channel"] = channel;
    if (!thread_ts.empty()) message["thread_ts"] = thread_ts;
    // An answer's "Læs mere" link would otherwise unfold into a preview larger than the answer.
    message["unfurl_links"] = false;
    return message;
}

json command_response(json message, bool in_channel) {
    message["response_type"] = in_channel ? "in_channel" : "ephemeral";
    return message;
}

json modal_view(Form const& form, std::string const& private_metadata, RenderSettings const& settings, std::string const& intro) {
    json blocks = json::array();
    // The fields come first in the block budget: the intro gets the room they leave.
    for (auto const& text : section_texts(markdown_light_to_mrkdwn(intro))) {
        if (blocks.size() + form.fields.size() >= max_modal_blocks) break;
        blocks.push_back(section(text));
    }
    for (auto const& f : form.fields) {
        if (blocks.size() >= max_modal_blocks) break;
        // Every field is optional to Slack: which may stay empty is the bot's rule, and its answer
        // names what is missing.
        blocks.push_back({{"type", "input"},
                          {"block_id", f.id},
                          {"optional", true},
                          {"label", plain(f.label.empty() ? f.id : f.label, max_label)},
                          {"element", input_element(f)}});
    }
    return {{"type", "modal"},
            {"callback_id", form_callback_id},
            {"title", plain(settings.modal_title, max_modal_text)},
            {"submit", plain(form.submit_label.empty() ? "OK" : form.submit_label, max_modal_text)},
            {"close", plain(settings.cancel_label, max_modal_text)},
            {"private_metadata", private_metadata},
            {"blocks", blocks}};
}

json views_open_body(std::string const& trigger_id, json view) { return {{"trigger_id", trigger_id}, {"view", std::move(view)}}; }

json conversations_open_body(std::string const& user_id) { return {{"users", user_id}}; }

json view_errors_response(std::map<std::string, std::string> const& errors) {
    json e = json::object();
    for (auto const& [block_id, text] : errors) e[block_id] = text;
    return {{"response_action", "errors"}, {"errors", e}};
}

json view_update_response(json view) { return {{"response_action", "update"}, {"view", std::move(view)}}; }

json view_clear_response() { return {{"response_action", "clear"}}; }

}  // namespace superbruger::adapters::slack
