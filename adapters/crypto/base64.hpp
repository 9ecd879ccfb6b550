// Base64 and base64url (RFC 4648), as JWTs and JWKs use them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace superbruger::adapters::crypto {

/// Decodes base64url with or without '=' padding; nullopt for any character outside the alphabet.
std::optional<std::string> base64url_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);  ///< without padding, as JWTs are written

}  // namespace superbruger::adapters::crypto
