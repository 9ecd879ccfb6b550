// Times as the network reads them.
#include "bot/time_format.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot;

TEST_CASE("stored UTC times are shown as Copenhagen wall-clock time, summer and winter", "[bot][time]") {
    CHECK(copenhagen_time("2026-11-22T10:15:30Z") == "2026-11-22 11:15");       // CET, UTC+1
    CHECK(copenhagen_time("2026-07-01T22:30:00.123Z") == "2026-07-02 00:30");   // CEST, UTC+2, the next day
    CHECK(copenhagen_time("2026-03-29T00:59:59Z") == "2026-03-29 01:59");       // just before summer time
    CHECK(copenhagen_time("2026-03-29T01:00:00Z") == "2026-03-29 03:00");       // summer time began
    CHECK(copenhagen_time("2026-10-25T01:00:00Z") == "2026-10-25 02:00");       // winter time again
    CHECK(copenhagen_time("not a time") == "not a time");
}
