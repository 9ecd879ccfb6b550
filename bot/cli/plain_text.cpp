// Plain-text rendering of replies.
#include "bot/cli/plain_text.hpp"

namespace superbruger::bot::cli {

std::string render_plain(adapters::ChatReply const& reply) {
    std::string out = reply.text;
    if (!reply.footer.empty()) out += "\n\n" + reply.footer;
    return out;
}

}  // namespace superbruger::bot::cli
