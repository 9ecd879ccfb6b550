// Outgoing message activities and Adaptive Cards.
#include "adapters/bot_framework/message_activity.hpp"

#include "adapters/json_writer.hpp"

#include <algorithm>

namespace superbruger::adapters::bot_framework {

namespace {

constexpr std::size_t envelope_allowance = 2048;  ///< ids, names and card structure around the text

void write_account(JsonWriter& w, std::string_view name, ChannelAccount const& a) {
    w.key(name).begin_object().member("id", a.id);
    if (!a.name.empty()) w.member("name", a.name);
    w.end_object();
}

/// Opens an activity object with its envelope; the caller adds the content and closes it.
void open_envelope(JsonWriter& w, ConversationReference const& to, std::string const& reply_to_id) {
    w.begin_object().member("type", "message");
    write_account(w, "from", to.bot);
    w.key("conversation").begin_object().member("id", to.conversation_id).end_object();
    if (!to.user.id.empty()) write_account(w, "recipient", to.user);
    if (!reply_to_id.empty()) w.member("replyToId", reply_to_id);
}

enum class Shade { normal, note, footer };

void write_text_block(JsonWriter& w, std::string_view text, Shade shade = Shade::normal) {
    w.begin_object().member("type", "TextBlock").member("text", text).member("wrap", true);
    if (shade != Shade::normal) w.member("isSubtle", true);
    if (shade == Shade::footer) w.member("size", "Small").member("separator", true);
    w.end_object();
}

void write_submit_action(JsonWriter& w, std::string const& title, std::string const& command) {
    w.begin_object().member("type", "Action.Submit").member("title", title);
    w.key("data").begin_object().member("command", command).end_object();
    w.end_object();
}

void write_input(JsonWriter& w, FormField const& f) {
    w.begin_object().member("id", f.id).member("label", f.label).member("isRequired", true);
    if (f.kind == FormField::Kind::choice) {
        w.member("type", "Input.ChoiceSet").member("style", "compact").key("choices").begin_array();
        for (auto const& [value, title] : f.choices) w.begin_object().member("title", title).member("value", value).end_object();
        w.end_array();
    } else {
        w.member("type", "Input.Text").member("isMultiline", f.kind == FormField::Kind::text);
        if (f.max_chars > 0) w.member("maxLength", f.max_chars);
    }
    if (!f.value.empty()) w.member("value", f.value);
    w.end_object();
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

void write_adaptive_card(JsonWriter& w, ChatReply const& reply, std::string_view note) {
    w.begin_object().member("type", "AdaptiveCard").member("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").member("version", "1.4");
    std::string fallback = reply.text;
    if (!reply.footer.empty()) fallback += "\n\n" + reply.footer;
    w.member("fallbackText", fallback);
    w.key("body").begin_array();
    for (auto const& p : paragraphs(reply.text)) write_text_block(w, p);
    if (!reply.footer.empty()) write_text_block(w, reply.footer, Shade::footer);
    if (reply.form) {
        for (auto const& f : reply.form->fields) write_input(w, f);
    }
    if (!note.empty()) write_text_block(w, note, Shade::note);
    w.end_array();
    if (reply.form || !reply.actions.empty()) {
        w.key("actions").begin_array();
        // Teams merges the inputs' values into the submit's data (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions).
        if (reply.form) write_submit_action(w, reply.form->submit_label, reply.form->submit_command);
        for (auto const& a : reply.actions) write_submit_action(w, a.label, a.value);
        w.end_array();
    }
    w.end_object();
}

std::vector<std::string> message_activities(ChatReply const& reply, ConversationReference const& to, std::string const& reply_to_id,
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

    std::vector<std::string> out;
    std::string rest = reply.text;
    auto plain = [&](std::string_view text) {
        JsonWriter w;
        open_envelope(w, to, reply_to_id);
        w.member("text", text).member("textFormat", "markdown").end_object();
        out.push_back(w.take());
    };
    while (utf16_units(rest) > text_room) {
        auto const cut = split_point(rest, text_room);
        plain(trim_newlines(rest.substr(0, cut)));
        rest = trim_newlines(rest.substr(cut));
    }
    if (!as_card) {
        plain(rest);
        return out;
    }
    ChatReply tail = reply;
    tail.text = std::move(rest);
    tail.footer = footer;
    JsonWriter w;
    open_envelope(w, to, reply_to_id);
    w.key("attachments").begin_array().begin_object().member("contentType", "application/vnd.microsoft.card.adaptive").key("content");
    write_adaptive_card(w, tail);
    w.end_object().end_array().end_object();
    out.push_back(w.take());
    return out;
}

}  // namespace superbruger::adapters::bot_framework
