// The depth scan: one pass over the bytes, tracking strings and escapes only.
#include "adapters/untrusted_json.hpp"

namespace superbruger::adapters {

bool nests_deeper_than(std::string_view text, std::size_t max_depth) noexcept {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (char const c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        switch (c) {
        case '"': in_string = true; break;
        case '[':
        case '{':
            if (++depth > max_depth) return true;
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;
            break;
        default: break;
        }
    }
    return false;
}

nlohmann::json parse_untrusted_json(std::string_view text, std::size_t max_depth) {
    if (nests_deeper_than(text, max_depth)) return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

std::string string_member(nlohmann::json const& j, char const* key) {
    if (!j.is_object()) return {};
    auto const it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

nlohmann::json const& member(nlohmann::json const& j, char const* key) {
    static nlohmann::json const null;
    if (!j.is_object()) return null;
    auto const it = j.find(key);
    return it == j.end() ? null : *it;
}

}  // namespace superbruger::adapters
