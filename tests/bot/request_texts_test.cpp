// The change-request desk's texts where the number of something changes the words.
#include "bot/change_requests/request_texts.hpp"

#include <catch2/catch.hpp>

namespace texts = superbruger::bot::change_requests::texts;
using superbruger::knowledge::Language;

TEST_CASE("a withdrawal says how many supporting municipalities hear of it, in the right number", "[bot][change_requests]") {
    CHECK(texts::withdrawn(Language::en, "ÆØ-2026-0001", 0) == "ÆØ-2026-0001 is withdrawn (status \"trukket tilbage\").");
    CHECK_THAT(texts::withdrawn(Language::en, "ÆØ-2026-0001", 1), Catch::EndsWith("The supporting municipality is told."));
    CHECK_THAT(texts::withdrawn(Language::en, "ÆØ-2026-0001", 3), Catch::EndsWith("The 3 supporting municipalities are told."));
    CHECK_THAT(texts::withdrawn(Language::da, "ÆØ-2026-0001", 1), Catch::EndsWith("Kommunen, der støttede det, får besked."));
    CHECK_THAT(texts::withdrawn(Language::da, "ÆØ-2026-0001", 2), Catch::EndsWith("De 2 kommuner, der støttede det, får besked."));
}
