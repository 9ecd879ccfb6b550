// UTF-8 helpers: counting characters, and cutting text to a byte budget without splitting one.
#include "knowledge/utf8.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

TEST_CASE("cut keeps whole characters and marks what it cut", "[knowledge][utf8]") {
    CHECK(utf8::cut("Næstved", 20) == "Næstved");
    CHECK(utf8::cut("Næstved", 8) == "Næstved");  // 8 bytes: æ is two
    CHECK(utf8::cut("Næstved", 2) == "N…");        // not half of æ
    CHECK(utf8::cut("Næstved", 3) == "Næ…");
    CHECK(utf8::cut("ææ", 0) == "…");
    CHECK(utf8::length(utf8::cut(std::string(5000, 'x') + "ø", 100)) == 101);
}
