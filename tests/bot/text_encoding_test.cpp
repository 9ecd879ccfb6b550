// Files from people: strict UTF-8, and Windows-1252 as Danish Excel saves "CSV".
#include "bot/text_encoding.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;

TEST_CASE("UTF-8 is checked strictly and the first bad byte's line is named", "[bot][encoding]") {
    CHECK_FALSE(first_invalid_utf8_line("kommune;navn\nNæstved;Søren Ærø 😀\n"));
    CHECK(first_invalid_utf8_line("kommune;navn\nNæstved;S\xF8ren\n") == 2);  // Windows-1252 ø
    CHECK(first_invalid_utf8_line("a\nb\nc\xC3") == 3);                        // cut off
    CHECK(first_invalid_utf8_line("\xC0\xAF") == 1);                            // overlong '/'
    CHECK(first_invalid_utf8_line("\xED\xA0\x80") == 1);                        // a surrogate
    CHECK(first_invalid_utf8_line("\xF4\x90\x80\x80") == 1);                    // above U+10FFFF
}

TEST_CASE("Windows-1252 becomes UTF-8 and an undefined byte names its line", "[bot][encoding]") {
    int bad_line = 0;
    auto const converted = cp1252_to_utf8("kommune;navn\nN\xE6stved;S\xF8ren \x80 \x96 \xC5\n", bad_line);
    REQUIRE(converted);
    CHECK(*converted == "kommune;navn\nNæstved;Søren € – Å\n");
    CHECK_FALSE(first_invalid_utf8_line(*converted));
    CHECK_FALSE(cp1252_to_utf8("a\nb\x81\n", bad_line));
    CHECK(bad_line == 2);
}
