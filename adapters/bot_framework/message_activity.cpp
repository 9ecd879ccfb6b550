// Outgoing message activities and Adaptive Cards.
#include "adapters/bot_framework/message_activity.hpp"

#include <algorithm>

namespace superbruger::adapters::bot_framework {

namespace {

using nlohmann::json;

constexpr std::size_t envelope_allowance = 2048;  ///< ids, names and card structure around the text

// Members are assigned rather than listed in braces: nlohmann copies every value of an
// initializer list, and a reply is built for every message.
json account_json(ChannelAccount const& a) {
    json j = json::object();
    j["id"] = a.id;
    if (!a.name.empty()) j["name"] = a.name;
    return j;
}

json envelope(ConversationReference const& to, std::string const& reply_to_id) {
    json a = json::object();
    a["type"] = "message";
    a["from"] = account_json(to.bot);
    a["conversation"]["id"] = to.conversation_id;
    if (!to.user.id.empty()) a["recipient"] = account_json(to.user);
    if (!reply_to_id.empty()) a["replyToId"] = reply_to_id;
    return a;
}

json text_block(std::string text) {
    json block = json::object();
    block["type"] = "TextBlock";
    block["text"] = std::move(text);
    block["wrap"] = true;
    return block;
}

json submit_action(std::string const& title, std::string const& command) {
    json action = json::object();
    action["type"] = "Action.Submit";
    action["title"] = title;
    action["data"]["command"] = command;
    return action;
}

std::vector<std::string> paragraphs(std::string const& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find("\n\n", start);
        auto part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty()) out.push_back(std::move(part));
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return out;
}

/// Bytes in the UTF-8 sequence at text[i], or 1 for a malformed one (a stray continuation
/// byte, a bad lead byte, a sequence cut short), so a walk over the text always moves on and
/// never reads past its end.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    auto const c = static_cast<unsigned char>(text[i]);
    std::size_t const len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) return 1;
    for (std::size_t k = 1; k < len; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
    }
    return len;
}

/// The longest prefix of `text` within `limit` UTF-16 units, ending at a paragraph, else a line,
/// else a UTF-8 character boundary; at least one character, so every cut makes progress.
std::size_t split_point(std::string_view text, std::size_t limit) {
    std::size_t units = 0, last_char = 0, last_line = 0, last_para = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t const len = sequence_length(text, i);
        std::size_t const u = len == 4 ? 2 : 1;
        if (units + u > limit && i > 0) break;
        units += u;
        i += len;
        last_char = i;
        if (text[i - 1] == '\n') {
            last_line = i;
            if (i >= 2 && text[i - 2] == '\n') last_para = i;
        }
        if (units >= limit) break;
    }
    if (last_para > 0) return last_para;
    if (last_line > 0) return last_line;
    return last_char;
}

std::string trim_newlines(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    while (!s.empty() && s.front() == '\n') s.erase(0, 1);
    return s;
}

}  // namespace

std::size_t utf16_units(std::string_view utf8) {
    std::size_t units = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        units += c >= 0xF0 ? 2 : 1;        // 4-byte sequences are surrogate pairs
    }
    return units;
}

std::string shortened(std::string const& text, std::size_t limit) {
    if (utf16_units(text) <= limit) return text;
    std::size_t units = 0, end = 0;
    while (end < text.size()) {
        std::size_t const len = sequence_length(text, end);
        std::size_t const u = len == 4 ? 2 : 1;
        if (units + u + 1 > limit) break;  // one unit stays for the ellipsis
        units += u;
        end += len;
    }
    return text.substr(0, end) + "…";
}

json adaptive_card(ChatReply const& reply) {
    json body = json::array();
    for (auto& p : paragraphs(reply.text)) body.push_back(text_block(std::move(p)));
    if (!reply.footer.empty()) {
        auto footer = text_block(reply.footer);
        footer["isSubtle"] = true;
        footer["size"] = "Small";
        footer["separator"] = true;
        body.push_back(std::move(footer));
    }
    json actions = json::array();
    if (reply.form) {
        for (auto const& f : reply.form->fields) {
            json input = {{"id", f.id}, {"label", f.label}, {"isRequired", true}};
            if (f.kind == FormField::Kind::choice) {
                input["type"] = "Input.ChoiceSet";
                input["style"] = "compact";
                input["choices"] = json::array();
                for (auto const& [value, title] : f.choices) input["choices"].push_back({{"title", title}, {"value", value}});
            } else {
                input["type"] = "Input.Text";
                input["isMultiline"] = f.kind == FormField::Kind::text;
                if (f.max_chars > 0) input["maxLength"] = f.max_chars;
            }
            if (!f.value.empty()) input["value"] = f.value;
            body.push_back(std::move(input));
        }
        // Teams merges the inputs' values into the submit's data (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions).
        actions.push_back(submit_action(reply.form->submit_label, reply.form->submit_command));
    }
    for (auto const& a : reply.actions) actions.push_back(submit_action(a.label, a.value));
    std::string fallback = reply.text;
    if (!reply.footer.empty()) fallback += "\n\n" + reply.footer;
    json card = json::object();
    card["type"] = "AdaptiveCard";
    card["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json";
    card["version"] = "1.4";
    card["fallbackText"] = std::move(fallback);
    card["body"] = std::move(body);
    if (!actions.empty()) card["actions"] = std::move(actions);
    return card;
}

std::vector<json> message_activities(ChatReply const& reply, ConversationReference const& to, std::string const& reply_to_id,
                                     std::size_t max_utf16_units) {
    bool const as_card = !reply.actions.empty() || !reply.citations.empty() || !reply.footer.empty() || reply.form.has_value();
    // The card repeats the text in fallbackText, so its text gets half of the room.
    std::size_t const room = max_utf16_units > envelope_allowance ? max_utf16_units - envelope_allowance : max_utf16_units / 2;
    // The footer (a source line, which a local document's header can make any length) is shown
    // twice in a card (its block and fallbackText); it gets at most a quarter of the room each
    // time, so the text always keeps room and the split below always makes progress.
    auto const footer = shortened(reply.footer, room / 4);
    std::size_t const text_room =
        std::max<std::size_t>(2, as_card ? (room - std::min(room, utf16_units(footer) * 2)) / 2 : room);

    std::vector<json> out;
    std::string rest = reply.text;
    while (utf16_units(rest) > text_room) {
        auto const cut = split_point(rest, text_room);
        auto head = trim_newlines(rest.substr(0, cut));
        rest = trim_newlines(rest.substr(cut));
        auto a = envelope(to, reply_to_id);
        a["text"] = head;
        a["textFormat"] = "markdown";
        out.push_back(std::move(a));
    }
    auto last = envelope(to, reply_to_id);
    if (as_card) {
        ChatReply tail = reply;
        tail.text = std::move(rest);
        tail.footer = footer;
        json attachment = json::object();
        attachment["contentType"] = "application/vnd.microsoft.card.adaptive";
        attachment["content"] = adaptive_card(tail);
        last["attachments"] = json::array();
        last["attachments"].push_back(std::move(attachment));
    } else {
        last["text"] = rest;
        last["textFormat"] = "markdown";
    }
    out.push_back(std::move(last));
    return out;
}

}  // namespace superbruger::adapters::bot_framework
