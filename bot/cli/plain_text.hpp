// Rendering a ChatReply as plain terminal text (console chat and `ask`).
#pragma once

#include "adapters/chat_message.hpp"

#include <string>

namespace superbruger::bot::cli {

/// The reply text, then a blank line and the footer (source and "Læs mere") when there is one.
std::string render_plain(adapters::ChatReply const& reply);

}  // namespace superbruger::bot::cli
