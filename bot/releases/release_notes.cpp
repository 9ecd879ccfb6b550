// Release-note splitting.
#include "bot/releases/release_notes.hpp"

#include "bot/trim.hpp"
#include "knowledge/utf8.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace superbruger::bot::releases {

namespace {

constexpr std::size_t max_title_chars = 200;

std::string cut_title(std::string title) {
    if (knowledge::utf8::length(title) < max_title_chars) return title;
    auto chars = knowledge::utf8::decode(title);
    chars.resize(max_title_chars - 1);
    return knowledge::utf8::encode(chars) + "…";
}

/// The text after a top-level bullet marker, or nullopt when the line is no bullet.
std::optional<std::string> bullet_text(std::string_view line) {
    for (std::string_view marker : {"- ", "* ", "• "}) {
        if (line.starts_with(marker)) return trim_space(line.substr(marker.size()));
    }
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ') {
        return trim_space(line.substr(digits + 2));
    }
    return std::nullopt;
}

std::optional<std::string> heading_text(std::string_view line) {
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return std::nullopt;
    return trim_space(line.substr(hashes + 1));
}

}  // namespace

std::vector<storage::ReleaseItem> split_items(std::string_view notes) {
    std::vector<storage::ReleaseItem> items;
    std::string section;
    std::optional<storage::ReleaseItem> current;
    bool current_is_heading = false;
    bool any_marker = false;
    auto flush = [&] {
        if (current) {
            auto body = trim_space(current->body);
            // A heading is an item only when it says something itself.
            if (!current_is_heading || !body.empty()) {
                current->body = body;
                current->number = static_cast<int>(items.size()) + 1;
                items.push_back(std::move(*current));
            }
        }
        current.reset();
    };
    std::size_t start = 0;
    while (start <= notes.size()) {
        auto const end = notes.find('\n', start);
        auto const line = notes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        start = end == std::string_view::npos ? notes.size() + 1 : end + 1;
        if (auto heading = heading_text(line)) {
            any_marker = true;
            flush();
            section = *heading;
            current = storage::ReleaseItem{0, cut_title(*heading), ""};
            current_is_heading = true;
        } else if (auto bullet = bullet_text(line)) {
            any_marker = true;
            flush();
            current = storage::ReleaseItem{0, cut_title(section.empty() ? *bullet : section + ": " + *bullet), ""};
            current_is_heading = false;
        } else if (current) {
            auto const text = trim_space(line);
            if (!text.empty() || !current->body.empty()) current->body += text + "\n";
        }
    }
    flush();
    if (!any_marker) {
        auto const text = trim_space(notes);
        if (text.empty()) return items;
        auto const first_line = trim_space(text.substr(0, text.find('\n')));
        items.push_back({1, cut_title(first_line), text.find('\n') == std::string::npos ? "" : trim_space(text.substr(text.find('\n') + 1))});
    }
    return items;
}

}  // namespace superbruger::bot::releases
