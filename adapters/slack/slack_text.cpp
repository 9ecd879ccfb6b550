// Slack text conversions.
#include "adapters/slack/slack_text.hpp"

namespace superbruger::adapters::slack {

namespace {

/// Bytes in the UTF-8 sequence at text[i], or 1 for a malformed one, so a walk always moves on.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    auto const c = static_cast<unsigned char>(text[i]);
    std::size_t const len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) return 1;
    for (std::size_t k = 1; k < len; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
    }
    return len;
}

/// What one character at text[i] (of `len` bytes) costs once escaped.
std::size_t escaped_cost(char c, std::size_t len) {
    if (c == '&') return 5;            // &amp;
    if (c == '<' || c == '>') return 4;  // &lt; &gt;
    return len == 4 ? 2 : 1;
}

/// &lt; &gt; &amp; decoded in one pass, so "&amp;lt;" stays "&lt;". Built anew rather than with
/// string::replace, which GCC 12 at -O2 flags with a false -Wrestrict.
std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto const rest = s.substr(i);
        if (rest.starts_with("&lt;")) {
            out += '<';
            i += 3;
        } else if (rest.starts_with("&gt;")) {
            out += '>';
            i += 3;
        } else if (rest.starts_with("&amp;")) {
            out += '&';
            i += 4;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string trimmed(std::string s) {
    auto const blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (!s.empty() && blank(s.back())) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && blank(s[start])) ++start;
    return s.substr(start);
}

/// The visible text of one `<…>` entity's inside.
std::string entity_text(std::string_view inside) {
    auto const bar = inside.find('|');
    auto const target = inside.substr(0, bar);
    auto const label = bar == std::string_view::npos ? std::string_view{} : inside.substr(bar + 1);
    if (target.starts_with("@")) return label.empty() ? std::string(target) : (label.starts_with("@") ? "" : "@") + std::string(label);
    if (target.starts_with("#")) return label.empty() ? std::string(target) : "#" + std::string(label);
    if (target.starts_with("!")) {
        if (!label.empty()) return std::string(label);
        auto const name = target.substr(1, target.find('^') == std::string_view::npos ? std::string_view::npos : target.find('^') - 1);
        return "@" + std::string(name);
    }
    if (!label.empty()) return std::string(label);
    if (target.starts_with("mailto:")) return std::string(target.substr(7));
    return std::string(target);
}

}  // namespace

std::string mrkdwn_to_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') {
            auto const close = text.find('>', i + 1);
            if (close != std::string_view::npos) {
                out += entity_text(text.substr(i + 1, close - i - 1));
                i = close;
                continue;
            }
        }
        out += text[i];
    }
    // Entities last, so an escaped "&lt;" typed by the user never starts a link.
    return trimmed(decode_entities(out));
}

std::string strip_mention(std::string_view text, std::string_view bot_user_id) {
    if (bot_user_id.empty()) return std::string(text);
    std::string out(text);
    std::string const open = "<@" + std::string(bot_user_id);
    for (std::size_t at = out.find(open); at != std::string::npos; at = out.find(open, at)) {
        auto const after = at + open.size();
        if (after < out.size() && (out[after] == '>' || out[after] == '|')) {
            auto const close = out.find('>', after);
            if (close == std::string::npos) break;
            out.erase(at, close - at + 1);
        } else {
            at = after;  // another user whose id starts with the bot's
        }
    }
    return out;
}

std::string escape_mrkdwn(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

std::string markdown_light_to_mrkdwn(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (line_start && text.substr(i).starts_with("- ")) {
            out += "• ";
            ++i;
            line_start = false;
            continue;
        }
        if (text.substr(i).starts_with("**")) {
            out += '*';
            ++i;
            line_start = false;
            continue;
        }
        out += text[i];
        line_start = text[i] == '\n';
    }
    return out;
}

std::size_t slack_length(std::string_view utf8) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        auto const len = sequence_length(utf8, i);
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return units;
}

std::string shortened(std::string_view text, std::size_t limit) {
    if (slack_length(text) <= limit) return std::string(text);
    if (limit == 0) return {};
    std::size_t units = 0, end = 0;
    while (end < text.size()) {
        auto const len = sequence_length(text, end);
        std::size_t const u = len == 4 ? 2 : 1;
        if (units + u + 1 > limit) break;  // one unit stays for the ellipsis
        units += u;
        end += len;
    }
    return std::string(text.substr(0, end)) + "…";
}

std::size_t split_point(std::string_view text, std::size_t limit) {
    std::size_t cost = 0, last_char = 0, last_space = 0, last_line = 0, last_para = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto const len = sequence_length(text, i);
        auto const c = escaped_cost(text[i], len);
        if (cost + c > limit && i > 0) break;
        cost += c;
        i += len;
        last_char = i;
        if (text[i - 1] == ' ') last_space = i;
        if (text[i - 1] == '\n') {
            last_line = i;
            if (i >= 2 && text[i - 2] == '\n') last_para = i;
        }
        if (cost >= limit) break;
    }
    if (last_char == text.size()) return last_char;
    if (last_para > 0) return last_para;
    if (last_line > 0) return last_line;
    if (last_space > 0) return last_space;
    return last_char;
}

}  // namespace superbruger::adapters::slack
