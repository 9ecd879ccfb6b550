// Strict UTF-8 validation and Windows-1252 conversion.
#include "bot/text_encoding.hpp"

#include "bot/error.hpp"

#include <algorithm>
#include <cerrno>
#include <iconv.h>
#include <memory>

namespace superbruger::bot {

namespace {

int line_at(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// Length of the well-formed UTF-8 sequence at `i`, or 0 when it is not one (RFC 3629 §4).
std::size_t sequence_length(std::string_view s, std::size_t i) {
    auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto const c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) low = 0xA0;   // no overlong forms
        if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return n;
}

}  // namespace

std::optional<int> first_invalid_utf8_line(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto const n = sequence_length(text, i);
        if (n == 0) return line_at(text, i);
        i += n;
    }
    return std::nullopt;
}

std::optional<std::string> cp1252_to_utf8(std::string_view text, int& bad_line) {
    // https://man7.org/linux/man-pages/man3/iconv.3.html: EILSEQ stops at the byte it cannot
    // convert; E2BIG asks for more room, which we give and go on.
    iconv_t const cd = ::iconv_open("UTF-8", "CP1252");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw BotError(BotError::Kind::user_facing, "iconv cannot convert from CP1252 on this system");
    std::unique_ptr<void, int (*)(iconv_t)> const closer(cd, ::iconv_close);
    std::string out(text.size() * 3 + 4, '\0');  // a Windows-1252 byte is at most three UTF-8 bytes
    auto* in = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    char* to = out.data();
    std::size_t out_left = out.size();
    while (in_left > 0) {
        if (::iconv(cd, &in, &in_left, &to, &out_left) != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            auto const used = static_cast<std::size_t>(to - out.data());
            out.resize(out.size() * 2);
            to = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        bad_line = line_at(text, static_cast<std::size_t>(in - text.data()));
        return std::nullopt;
    }
    out.resize(static_cast<std::size_t>(to - out.data()));
    return out;
}

}  // namespace superbruger::bot
