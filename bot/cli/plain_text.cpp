// Plain-text rendering of replies.
#include "bot/cli/plain_text.hpp"

namespace superbruger::bot::cli {

std::string render_plain(adapters::ChatReply const& reply) {
    std::string out = reply.text;
    if (!reply.footer.empty()) out += "\n\n" + reply.footer;
    // Buttons become the text to type: their values are messages the bot understands.
    for (std::size_t i = 0; i < reply.actions.size(); ++i) {
        out += i == 0 ? "\n" : "  ";
        out += "[" + reply.actions[i].label + ": " + reply.actions[i].value + "]";
    }
    return out;
}

}  // namespace superbruger::bot::cli
