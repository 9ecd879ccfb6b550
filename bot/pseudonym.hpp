// Pseudonyms: a stable stand-in for a chat identity where the bot must tell people apart
// (one vote per person) but must not keep who they are.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::bot {

/// Hex SHA-256 of "platform:user_id". The same person on the same platform always gets the
/// same pseudonym; the stored value does not name them.
std::string pseudonym(std::string_view platform, std::string_view user_id);

}  // namespace superbruger::bot
