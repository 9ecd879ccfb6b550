// JsonWriter: JSON text appended straight into one string, for the payloads built for every
// message (a reply activity), where a nlohmann tree of the reply allocated every node and string
// only to be dumped and freed: a knowledge reply costs about 3 µs written directly against about
// 9 µs for an equal tree's copy and dump (bench_json_writer, which prints the ratio). Everything
// else, and every parse, stays with nlohmann/json.
#pragma once

#include <concepts>
#include <string>
#include <string_view>

namespace superbruger::adapters {

class JsonWriter {
public:
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }

    /// An object member's name; the next call writes its value.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(char const* text) { return value(std::string_view(text)); }  // not bool
    JsonWriter& value(bool b);
    JsonWriter& value(std::integral auto n)
        requires(!std::same_as<decltype(n), bool>)
    {
        separate();
        out_ += std::to_string(n);
        return *this;
    }
    JsonWriter& null();

    template <typename T>
    JsonWriter& member(std::string_view name, T const& v) {
        return key(name).value(v);
    }

    std::string const& text() const noexcept { return out_; }
    std::string take() { return std::move(out_); }

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void separate();
    std::string out_;
};

/// `text` as a JSON string literal appended to `out`, byte for byte as nlohmann's dump() with
/// ensure_ascii off and error_handler_t::replace writes it: malformed UTF-8 becomes U+FFFD, so
/// one bad byte never makes a message unsendable.
void append_json_string(std::string& out, std::string_view text);

}  // namespace superbruger::adapters
