// The boundary check on inbound text: UTF-8 repaired, control characters dropped, NUL refused.
#include "bot/inbound_text.hpp"

#include <catch2/catch.hpp>

using superbruger::bot::clean_inbound_message;
using superbruger::bot::clean_inbound_text;

TEST_CASE("inbound text keeps letters, tabs and newlines and drops other controls", "[bot][inbound_text]") {
    CHECK(clean_inbound_text("Hej æøå\tfra\nNæstved") == "Hej æøå\tfra\nNæstved");
    CHECK(clean_inbound_text("a\rb\x1b[31mc\x7f") == "ab[31mc");
    CHECK(clean_inbound_text("x\xc2\x85y") == "xy");  // U+0085, a C1 control
}

TEST_CASE("inbound text repairs malformed UTF-8 and refuses NUL", "[bot][inbound_text]") {
    CHECK(clean_inbound_text("a\xff" "b") == "a\xef\xbf\xbd" "b");
    CHECK(clean_inbound_text("\xc3") == "\xef\xbf\xbd");                       // cut short
    CHECK(clean_inbound_text("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
    CHECK_FALSE(clean_inbound_text(std::string("\0titel", 6)).has_value());
    CHECK(clean_inbound_text("\xc0\x80") != std::string(1, '\0'));            // an overlong NUL is no NUL
}

TEST_CASE("a message is cleaned in its text, name and form values", "[bot][inbound_text]") {
    superbruger::adapters::ChatMessage m;
    m.text = "hej\x01";
    m.sender.display_name = "Anne\x1b";
    m.form_values["title"] = "Titel\r";
    CHECK(clean_inbound_message(m));
    CHECK(m.text == "hej");
    CHECK(m.sender.display_name == "Anne");
    CHECK(m.form_values["title"] == "Titel");
    m.form_values["title"] = std::string("\0x", 2);
    CHECK_FALSE(clean_inbound_message(m));
}
