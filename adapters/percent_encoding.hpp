// Percent-encoding (RFC 3986 §2.1) for URL path segments and form values, and the reading of
// application/x-www-form-urlencoded bodies (https://url.spec.whatwg.org/#application/x-www-form-urlencoded).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace superbruger::adapters {

/// Every byte except the unreserved characters (A–Z a–z 0–9 - . _ ~) as %XX, like JavaScript's
/// encodeURIComponent, which the Bot Framework SDK uses for conversation ids in URLs.
std::string percent_encode(std::string_view value);

/// A form value decoded: "+" is a space and %XX a byte. A "%" not followed by two hex digits
/// stays as it is (the WHATWG URL standard's rule), so no input is refused or lost.
std::string form_decode(std::string_view value);

/// The name=value pairs of a form body, decoded. The first of repeated names wins; a pair
/// without "=" has the empty value; empty pairs ("a=1&&b=2") are skipped. Throws
/// AdapterError{bad_request} when a decoded name or value is not well-formed UTF-8.
std::map<std::string, std::string> parse_form_body(std::string_view body);

}  // namespace superbruger::adapters
