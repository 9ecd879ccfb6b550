// The depth limit on JSON from outside: deep nesting is refused before any value is built.
#include "adapters/untrusted_json.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace superbruger::adapters;

namespace {
std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

TEST_CASE("nesting is counted outside strings only", "[adapters][json]") {
    CHECK_FALSE(nests_deeper_than(nested(3), 3));
    CHECK(nests_deeper_than(nested(4), 3));
    CHECK_FALSE(nests_deeper_than(R"({"a": "[[[[[[", "b": "\"{{{{"})", 1));
    CHECK(nests_deeper_than(R"({"a": {"b": [1]}})", 2));
    CHECK_FALSE(nests_deeper_than("]]]]{", 1));  // unbalanced text is the parser's business
    CHECK_FALSE(nests_deeper_than("", 0));
}

TEST_CASE("untrusted JSON within the limit parses, deeper or broken text is discarded", "[adapters][json]") {
    CHECK(parse_untrusted_json(R"({"type": "message", "value": {"x": [1, 2]}})")["value"]["x"][1] == 2);
    CHECK(parse_untrusted_json(nested(untrusted_json_max_depth)).is_array());
    CHECK(parse_untrusted_json(nested(untrusted_json_max_depth + 1)).is_discarded());
    CHECK(parse_untrusted_json(nested(100'000)).is_discarded());
    CHECK(parse_untrusted_json(R"({"a": 1,})").is_discarded());
    CHECK(parse_untrusted_json("{\"a\": \"\\").is_discarded());
}
