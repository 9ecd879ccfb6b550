// Percent-encoding and form bodies.
#include "adapters/percent_encoding.hpp"

#include "adapters/error.hpp"

namespace superbruger::adapters {

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::string percent_encode(std::string_view value) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (unsigned char c : value) {
        bool const unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                                c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

std::string form_decode(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        char const c = value[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < value.size() && hex_value(value[i + 1]) >= 0 &&
                   hex_value(value[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(value[i + 1]) * 16 + hex_value(value[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

/// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
bool well_formed_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            auto const b = static_cast<unsigned char>(s[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
        }
        i += len;
    }
    return true;
}

}  // namespace

std::map<std::string, std::string> parse_form_body(std::string_view body) {
    std::map<std::string, std::string> fields;
    while (!body.empty()) {
        auto const amp = body.find('&');
        auto const pair = body.substr(0, amp);
        body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
        if (pair.empty()) continue;
        auto const eq = pair.find('=');
        auto name = form_decode(pair.substr(0, eq));
        auto value = eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
        // Percent-encoding can carry any byte; what comes from a platform is UTF-8, and the ids
        // and texts read here go into JSON later, which cannot hold anything else.
        if (!well_formed_utf8(name) || !well_formed_utf8(value)) {
            throw AdapterError(AdapterError::Kind::bad_request, "a form field that is not UTF-8");
        }
        fields.emplace(std::move(name), std::move(value));
    }
    return fields;
}

}  // namespace superbruger::adapters
