// Folding, splitting, stop words and stemming.
#include "knowledge/danish_text.hpp"
#include "knowledge/language.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

TEST_CASE("case folding handles æ, ø, å, accents and the old aa", "[knowledge][text]") {
    CHECK(fold_case("ÆNDRINGSØNSKE Åbenrå") == "ændringsønske åbenrå");
    CHECK(fold_case("Aabenraa") == "åbenrå");
    CHECK(fold_case("Café Müller") == "cafe myller");
    CHECK(fold_case("ok\xff\xfe") == "ok  ");  // invalid UTF-8 becomes spaces, never a crash
}

TEST_CASE("words split on punctuation, hyphens and apostrophes", "[knowledge][text]") {
    CHECK(split_words("dubu-superbruger, netcompany's servicedesk (2. level)") ==
          std::vector<std::string>{"dubu", "superbruger", "netcompany", "s", "servicedesk", "2", "level"});
}

TEST_CASE("stop words go and stems meet across inflections", "[knowledge][text]") {
    Stemmer danish(StemLanguage::danish);
    auto tokens = analyze("Hvem er vores superbrugere?", danish);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].stem == danish.stem("superbruger"));
    CHECK(danish.stem("ændringsønsker") == danish.stem("ændringsønske"));
    CHECK(danish.stem("systemansvarlige") == danish.stem("systemansvarlig"));
    Stemmer english(StemLanguage::english);
    CHECK(english.stem("requests") == english.stem("request"));
}

TEST_CASE("English function words and prepositions are stop words, not topics", "[knowledge][text]") {
    for (auto w : {"while", "being", "before", "because", "across", "within", "during", "between"}) {
        INFO(w);
        CHECK(is_stop_word(w));
    }
    // "through" stays a word: the glossary's "go through" needs it.
    CHECK_FALSE(is_stop_word("through"));
}

TEST_CASE("language is guessed from function words", "[knowledge][text]") {
    CHECK(detect_language("hvem er vores systemansvarlige?") == Language::da);
    CHECK(detect_language("who may contact the servicedesk?") == Language::en);
    CHECK(detect_language("superbruger") == Language::da);
    CHECK(detect_language("what does a superbruger do") == Language::en);
}
