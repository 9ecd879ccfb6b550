// Teams text reduction. Teams sends message text with HTML markup (formatting, <at> mentions)
// and escapes a literal "<" as &lt;, so a "<" followed by a letter, "/" or "!" starts a tag.
#include "adapters/bot_framework/teams_text.hpp"

#include "adapters/untrusted_json.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace superbruger::adapters::bot_framework {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Decodes the entity starting at html[i] ('&'); returns how many bytes it used, 0 if none.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
    auto const end = html.find(';', i);
    if (end == std::string_view::npos || end - i > 10) return 0;
    auto const name = html.substr(i + 1, end - i - 1);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> named{
        {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}}};
    for (auto const& [n, v] : named) {
        if (name == n) {
            out += v;
            return end - i + 1;
        }
    }
    if (name.size() >= 2 && name[0] == '#') {
        bool const hex = name[1] == 'x' || name[1] == 'X';
        auto const digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 7) return 0;
        std::uint32_t cp = 0;
        for (char c : digits) {
            auto const u = static_cast<unsigned char>(c);
            if (hex ? !std::isxdigit(u) : !std::isdigit(u)) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(std::isdigit(u) ? u - '0' : (std::tolower(u) - 'a' + 10));
        }
        append_utf8(out, cp);
        return end - i + 1;
    }
    return 0;
}

std::string lower_tag_name(std::string_view tag) {
    std::size_t p = tag.starts_with('/') ? 1 : 0;
    std::string name;
    while (p < tag.size() && std::isalnum(static_cast<unsigned char>(tag[p]))) name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[p++])));
    return name;
}

std::string tidy(std::string const& raw) {
    std::string out;
    bool space = false;
    int newlines = 0;
    for (char c : raw) {
        if (c == '\r') continue;
        if (c == '\n') {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            if (!out.empty() && newlines < 2) out += '\n';
            ++newlines;
            space = false;
            continue;
        }
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty() && out.back() != '\n') out += ' ';
        space = false;
        newlines = 0;
        out += c;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

}  // namespace

std::string html_to_text(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        char const c = html[i];
        if (c == '<' && i + 1 < html.size() &&
            (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' || html[i + 1] == '!')) {
            auto const close = html.find('>', i);
            if (close == std::string_view::npos) break;  // an unfinished tag: drop the rest of it
            auto const name = lower_tag_name(html.substr(i + 1, close - i - 1));
            if (name == "br" || name == "p" || name == "div" || name == "tr" || name == "h1" || name == "h2" || name == "h3") {
                out += '\n';
            } else if (name == "li") {
                if (html[i + 1] != '/') out += "\n- ";
            }
            i = close + 1;
        } else if (c == '&') {
            auto const used = decode_entity(html, i, out);
            if (used == 0) out += '&';
            i += used == 0 ? 1 : used;
        } else {
            out += c;
            ++i;
        }
    }
    return tidy(out);
}

std::string strip_bot_mentions(std::string_view text, nlohmann::json const& entities, std::string_view bot_id) {
    std::string out(text);
    if (!entities.is_array()) return out;
    auto erase_all = [&out](std::string const& needle) {
        if (needle.empty()) return;
        for (auto pos = out.find(needle); pos != std::string::npos; pos = out.find(needle, pos)) out.erase(pos, needle.size());
    };
    for (auto const& e : entities) {
        if (!e.is_object() || string_member(e, "type") != "mention") continue;
        auto const mentioned = e.find("mentioned");
        if (mentioned == e.end() || !mentioned->is_object() || string_member(*mentioned, "id") != bot_id) continue;
        erase_all(string_member(e, "text"));
        auto const name = string_member(*mentioned, "name");
        if (!name.empty()) {
            erase_all("<at>" + name + "</at>");
            erase_all("<at>@" + name + "</at>");
        }
    }
    return out;
}

}  // namespace superbruger::adapters::bot_framework
