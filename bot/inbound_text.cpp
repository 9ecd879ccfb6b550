// InboundText: UTF-8 repair and control characters, on the code points.
#include "bot/inbound_text.hpp"

#include "knowledge/utf8.hpp"

namespace superbruger::bot {

std::optional<std::string> clean_inbound_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto const cp = knowledge::utf8::next(text, i);
        if (cp == 0) return std::nullopt;
        bool const control = (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
        if (!control) knowledge::utf8::append(out, cp);
    }
    return out;
}

bool clean_inbound_message(adapters::ChatMessage& message) {
    bool ok = true;
    auto clean = [&ok](std::string& s) {
        if (auto c = clean_inbound_text(s)) s = std::move(*c);
        else ok = false;
    };
    clean(message.text);
    clean(message.sender.display_name);
    for (auto& [key, value] : message.form_values) clean(value);
    return ok;
}

}  // namespace superbruger::bot
