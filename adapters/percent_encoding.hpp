// Percent-encoding (RFC 3986 §2.1) for URL path segments and form values.
#pragma once

#include <string>
#include <string_view>

namespace superbruger::adapters {

/// Every byte except the unreserved characters (A–Z a–z 0–9 - . _ ~) as %XX, like JavaScript's
/// encodeURIComponent, which the Bot Framework SDK uses for conversation ids in URLs.
std::string percent_encode(std::string_view value);

}  // namespace superbruger::adapters
