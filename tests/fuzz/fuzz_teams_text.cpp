// Teams text: HTML reduction, mention stripping against any entities, and the message splitter
// at any size limit, never cutting a UTF-8 sequence and always ending.
#include "adapters/bot_framework/message_activity.hpp"
#include "adapters/bot_framework/teams_text.hpp"
#include "adapters/untrusted_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace superbruger::adapters;
using namespace superbruger::adapters::bot_framework;

namespace {

/// Replaces malformed UTF-8 by '?', so the strict dump below tests the splitter, not the input.
std::string valid_utf8(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t const len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok && len > 1) {
            // nlohmann refuses overlong forms and surrogates as well.
            auto const n = nlohmann::json::parse("\"" + std::string(s.substr(i, len)) + "\"", nullptr, false);
            ok = !n.is_discarded();
        }
        out += ok ? s.substr(i, len) : "?";
        i += ok ? len : 1;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    auto const [first, second] = superbruger::fuzz::two_parts(superbruger::fuzz::as_text(data, size));
    auto const text = html_to_text(first);
    auto const entities = superbruger::adapters::parse_untrusted_json(second);
    (void)strip_bot_mentions(first, entities.is_discarded() ? nlohmann::json::array() : entities, "28:bot");

    std::size_t const limit = size == 0 ? 1 : 1 + data[0] * 64;  // 1 … 16321 units
    ChatReply reply{valid_utf8(text), {}, valid_utf8(second), {}, true, {}};
    ConversationReference to;
    to.conversation_id = "a:chat";
    for (auto const& a : message_activities(reply, to, "m1", limit)) (void)nlohmann::json::parse(a);  // must be JSON
    return 0;
}
