// CSV: what spreadsheets write, and what we write for them.
#include "bot/csv.hpp"
#include "bot/error.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;

TEST_CASE("quoted fields may hold separators, quotes and line breaks", "[bot][csv]") {
    auto rows = csv::parse("\xEF\xBB\xBF" "a,b,c\r\n\"x, y\",\"sagde \"\"hej\"\"\",\"to\nlinjer\"\r\n\r\nlast,,\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1].fields == std::vector<std::string>{"x, y", "sagde \"hej\"", "to\nlinjer"});
    CHECK(rows[2].line == 5);  // blank line 4 skipped; line numbers count the break inside quotes
    CHECK(rows[2].fields == std::vector<std::string>{"last", "", ""});
}

TEST_CASE("a semicolon file (Danish Excel) is read as such", "[bot][csv]") {
    auto rows = csv::parse("kommune;navn\nKorsbæk;Jensen, Mette\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == std::vector<std::string>{"Korsbæk", "Jensen, Mette"});
}

TEST_CASE("an unclosed quote is an error naming its line", "[bot][csv]") {
    try {
        csv::parse("a,b\n\"open,x\n");
        FAIL("parsed");
    } catch (BotError const& e) {
        CHECK_THAT(e.what(), Catch::Contains("line 2"));
    }
}

TEST_CASE("written rows quote what needs it and survive a round trip", "[bot][csv]") {
    std::vector<std::string> fields{"Ærø", "a,b", "sagde \"hej\"", "to\nlinjer", "plain"};
    auto const line = csv::format_row(fields);
    CHECK(line == "Ærø,\"a,b\",\"sagde \"\"hej\"\"\",\"to\nlinjer\",plain\r\n");
    auto rows = csv::parse(line);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].fields == fields);
    // A cell a spreadsheet would run as a formula is defused.
    CHECK(csv::format_row({"=HYPERLINK(\"x\")"}) == "\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    // … and reads back as it was, so an export can be imported again.
    CHECK(csv::parse(csv::format_row({"=SUM(A1)", "-Sagsbehandler", "'quoted"}))[0].fields ==
          std::vector<std::string>{"=SUM(A1)", "-Sagsbehandler", "'quoted"});
}

TEST_CASE("an export for Excel has a byte-order mark, semicolons and CRLF and reads back the same", "[bot][csv]") {
    auto const plain = csv::format_row({"kommune", "navn"}) + csv::format_row({"Næstved", "Sørensen, Anne"}) + csv::format_row({"Ærø", "-x"});
    auto const excel = csv::for_excel(plain);
    CHECK(excel == "\xEF\xBB\xBF" "kommune;navn\r\nNæstved;\"Sørensen, Anne\"\r\nÆrø;\"'-x\"\r\n");
    auto const a = csv::parse(plain);
    auto const b = csv::parse(excel);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].fields == b[i].fields);
}

TEST_CASE("a file that is not UTF-8 or holds a NUL is refused naming the line, other controls are dropped", "[bot][csv][hardening]") {
    try {
        csv::parse("a,b\nK\xf8" "ge,x\n");  // "Køge" saved as Latin-1
        FAIL("parsed");
    } catch (BotError const& e) {
        CHECK_THAT(e.what(), Catch::Contains("line 2") && Catch::Contains("UTF-8"));
    }
    CHECK_THROWS_WITH(csv::parse(std::string("a,b\n\0x,y\n", 9)), Catch::Contains("line 2") && Catch::Contains("NUL"));
    auto const rows = csv::parse("a,b\nx\x1b,\"y\x07z\"\n");
    CHECK(rows[1].fields == std::vector<std::string>{"x", "yz"});
}
