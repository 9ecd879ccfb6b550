// RFC 9112 framing rules, https://www.rfc-editor.org/rfc/rfc9112 (§3.2 Host, §6.1 Transfer-
// Encoding, §6.3 message body length).
#include "bot/http/framing.hpp"

#include <boost/algorithm/string/predicate.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::http {

namespace {

std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// The transfer codings of every Transfer-Encoding field line, in order (empty list elements
/// are skipped, as the list rule of RFC 9110 §5.6.1 allows).
std::vector<std::string> transfer_codings(bhttp::fields const& fields) {
    std::vector<std::string> out;
    auto const [first, last] = fields.equal_range(bhttp::field::transfer_encoding);
    for (auto f = first; f != last; ++f) {
        std::string_view rest(f->value().data(), f->value().size());
        for (;;) {
            auto const comma = rest.find(',');
            auto const item = trim_ows(rest.substr(0, comma));
            if (!item.empty()) out.emplace_back(item);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    return out;
}

}  // namespace

bhttp::status framing_problem(bhttp::fields const& fields, unsigned version) {
    // §3.2: an HTTP/1.1 request needs exactly one Host; no request may carry two.
    auto const hosts = fields.count(bhttp::field::host);
    if (hosts > 1 || (version >= 11 && hosts == 0)) return bhttp::status::bad_request;

    // §6.3: several Content-Length lines, or a list in one, cannot be trusted to agree.
    auto const lengths = fields.count(bhttp::field::content_length);
    if (lengths > 1) return bhttp::status::bad_request;
    if (lengths == 1 && fields[bhttp::field::content_length].find(',') != boost::beast::string_view::npos) {
        return bhttp::status::bad_request;
    }

    if (fields.count(bhttp::field::transfer_encoding) == 0) return bhttp::status::unknown;
    // §6.1: Transfer-Encoding in HTTP/1.0, or next to Content-Length, is faulty framing.
    if (version < 11 || lengths > 0) return bhttp::status::bad_request;
    auto const codings = transfer_codings(fields);
    // §6.3: chunked must be the final coding, else the body's length is unknowable.
    if (codings.empty() || !boost::iequals(codings.back(), "chunked")) return bhttp::status::bad_request;
    for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
        if (boost::iequals(codings[i], "chunked")) return bhttp::status::bad_request;  // chunked twice
        return bhttp::status::not_implemented;  // gzip, deflate…: we decode none (§6.1)
    }
    return bhttp::status::unknown;
}

}  // namespace superbruger::bot::http
