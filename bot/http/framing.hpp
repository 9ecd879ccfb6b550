// Framing checks on a request's header before its body is read (RFC 9112). A request whose
// length two parsers could read differently (a proxy in front of us, and Beast) is refused, so
// nobody can smuggle a second request inside the first one's body.
#pragma once

#include "bot/http/types.hpp"

namespace superbruger::bot::http {

/// bhttp::status::unknown when the header frames its request unambiguously; otherwise the
/// status to answer with (and then close): 400 for faulty framing or Host, 501 for a transfer
/// coding other than chunked.
bhttp::status framing_problem(bhttp::fields const& fields, unsigned version);

}  // namespace superbruger::bot::http
