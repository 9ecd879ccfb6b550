// Base64 and base64url (RFC 4648): base64url as JWTs and JWKs use it, standard base64 for
// secrets and MACs shown to people (a Teams outgoing webhook's security token and its HMAC).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace superbruger::adapters::crypto {

/// Decodes base64url with or without '=' padding; nullopt for any character outside the alphabet.
std::optional<std::string> base64url_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);  ///< without padding, as JWTs are written

/// Decodes standard base64 (+ and /) with or without '=' padding; nullopt otherwise.
std::optional<std::string> base64_decode(std::string_view text);
std::string base64_encode(std::string_view bytes);  ///< with padding

}  // namespace superbruger::adapters::crypto
