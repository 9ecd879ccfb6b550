// JsonWriter: its text parses back to what was written, and its strings are byte for byte what
// nlohmann's dump() writes, for any bytes at all.
#include "adapters/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>

using superbruger::adapters::append_json_string;
using superbruger::adapters::JsonWriter;
using nlohmann::json;

namespace {
std::string as_nlohmann_dumps(std::string const& s) {
    return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}
std::string as_written(std::string const& s) {
    std::string out;
    append_json_string(out, s);
    return out;
}
}  // namespace

TEST_CASE("the writer's separators make the text nlohmann reads back", "[adapters][json]") {
    JsonWriter w;
    w.begin_object().member("type", "message").member("wrap", true).member("max", 120).key("none").null();
    w.key("empty").begin_object().end_object().key("list").begin_array().value("a").begin_object().member("n", -3).end_object().end_array();
    w.key("nested").begin_array().begin_array().end_array().value(false).end_array().end_object();
    CHECK(json::parse(w.text()) ==
          json{{"type", "message"}, {"wrap", true}, {"max", 120}, {"none", nullptr}, {"empty", json::object()},
               {"list", {"a", {{"n", -3}}}}, {"nested", {json::array(), false}}});
}

TEST_CASE("strings are escaped as nlohmann escapes them", "[adapters][json]") {
    for (std::string const& s : {std::string(), std::string("plain"), std::string("æøå € 😀"), std::string("\"quote\" \\ back"),
                                std::string("\b\f\n\r\t"), std::string("\x01\x1f\x7f", 3), std::string("nul\0in", 6)}) {
        CHECK(as_written(s) == as_nlohmann_dumps(s));
    }
}

TEST_CASE("malformed UTF-8 becomes U+FFFD exactly where nlohmann puts it", "[adapters][json][hardening]") {
    // Stray continuation, bad leads, overlong forms, surrogates, above U+10FFFF, cut sequences.
    for (std::string const s : {"\x80", "a\xbf" "b", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                "\xf5\x80", "\xff", "\xc3", "x\xe2\x82", "\xf0\x9f\x98", "\xe2\x28\xa1", "\xf0\x28\x8c\x28",
                                "\xc3\xa6\xe2\x82\xac\xf0\x9f\x98\x80"}) {
        CHECK(as_written(s) == as_nlohmann_dumps(s));
    }
    // And for random bytes, weighted towards the UTF-8 lead and continuation ranges.
    std::mt19937 random(20261203);
    std::uniform_int_distribution<int> length(0, 12), kind(0, 3), byte(0, 255), cont(0x80, 0xBF), lead(0xC0, 0xFF);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (int n = length(random); n > 0; --n) {
            switch (kind(random)) {
                case 0: s += static_cast<char>(byte(random)); break;
                case 1: s += static_cast<char>(cont(random)); break;
                case 2: s += static_cast<char>(lead(random)); break;
                default: s += 'a';
            }
        }
        INFO("round " << round);
        REQUIRE(as_written(s) == as_nlohmann_dumps(s));
    }
}
