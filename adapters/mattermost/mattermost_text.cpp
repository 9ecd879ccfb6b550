// UTF-8-safe cuts for Mattermost's limits.
#include "adapters/mattermost/mattermost_text.hpp"

namespace superbruger::adapters::mattermost {

namespace {

constexpr std::string_view ellipsis = "…";

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

}  // namespace

std::size_t rune_count(std::string_view utf8) {
    std::size_t runes = 0;
    for (std::size_t i = 0; i < utf8.size(); i += sequence_length(utf8, i)) ++runes;
    return runes;
}

std::string within_runes(std::string_view text, std::size_t limit) {
    if (rune_count(text) <= limit) return std::string(text);
    if (limit == 0) return {};
    std::size_t end = 0;
    for (std::size_t runes = 0; runes + 1 < limit && end < text.size(); ++runes) end += sequence_length(text, end);
    return std::string(text.substr(0, end)) + std::string(ellipsis);
}

std::string within_bytes(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    bool const mark = limit > ellipsis.size();
    auto const room = mark ? limit - ellipsis.size() : limit;
    std::size_t end = 0;
    while (end < text.size()) {
        auto const len = sequence_length(text, end);
        if (end + len > room) break;
        end += len;
    }
    return std::string(text.substr(0, end)) + (mark ? std::string(ellipsis) : std::string());
}

}  // namespace superbruger::adapters::mattermost
