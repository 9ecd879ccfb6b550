// JsonWriter: separators and string escaping.
#include "adapters/json_writer.hpp"

namespace superbruger::adapters {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

/// How many continuation bytes follow `lead`, and the range the first of them must lie in
/// (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF); -1 for
/// a byte that cannot start a sequence.
struct Lead {
    int continuations;
    unsigned char low, high;
};

Lead lead_of(unsigned char c) {
    if (c >= 0xC2 && c <= 0xDF) return {1, 0x80, 0xBF};
    if (c == 0xE0) return {2, 0xA0, 0xBF};
    if (c == 0xED) return {2, 0x80, 0x9F};
    if (c >= 0xE1 && c <= 0xEF) return {2, 0x80, 0xBF};
    if (c == 0xF0) return {3, 0x90, 0xBF};
    if (c >= 0xF1 && c <= 0xF3) return {3, 0x80, 0xBF};
    if (c == 0xF4) return {3, 0x80, 0x8F};
    return {-1, 0, 0};
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    // Bytes that go out as they are (almost all of a reply) are appended a run at a time.
    std::size_t run = 0;
    auto flush = [&](std::size_t upto) {
        out.append(text.data() + run, upto - run);
    };
    std::size_t i = 0;
    while (i < text.size()) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            auto const lead = lead_of(c);
            // As nlohmann: the bytes read so far of a broken sequence become one U+FFFD, and the
            // byte that broke it is read again as a start of its own.
            std::size_t k = 1;
            for (; lead.continuations > 0 && k <= static_cast<std::size_t>(lead.continuations) && i + k < text.size(); ++k) {
                auto const next = static_cast<unsigned char>(text[i + k]);
                bool const fits = k == 1 ? next >= lead.low && next <= lead.high : (next & 0xC0) == 0x80;
                if (!fits) break;
            }
            if (lead.continuations > 0 && k == static_cast<std::size_t>(lead.continuations) + 1) {
                i += k;  // a whole sequence: part of the run
                continue;
            }
            flush(i);
            out += replacement;
            i += k;
            run = i;
            continue;
        }
        flush(i);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
        }
        run = ++i;
    }
    flush(text.size());
    out += '"';
}

void JsonWriter::separate() {
    if (out_.empty()) return;
    auto const last = out_.back();
    if (last != '{' && last != '[' && last != ':') out_ += ',';
}

JsonWriter& JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    append_json_string(out_, name);
    out_ += ':';
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

}  // namespace superbruger::adapters
