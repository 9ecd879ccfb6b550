// The reminder window: weekdays 08:00–16:00 Copenhagen time, across winter and summer time.
#include "bot/releases/reminder_schedule.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::bot::releases;
using namespace std::chrono;

namespace {
TimePoint utc(int y, unsigned m, unsigned d, int h, int min = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours(h) + minutes(min);
}
}  // namespace

TEST_CASE("the window is weekdays from 08:00 to 16:00 Copenhagen time", "[bot][releases][schedule]") {
    // Winter: Copenhagen is UTC+1. 2026-11-23 is a Monday.
    CHECK(in_send_window(utc(2026, 11, 23, 7, 0)));        // 08:00
    CHECK_FALSE(in_send_window(utc(2026, 11, 23, 6, 59)));  // 07:59
    CHECK(in_send_window(utc(2026, 11, 23, 14, 59)));       // 15:59
    CHECK_FALSE(in_send_window(utc(2026, 11, 23, 15, 0)));  // 16:00
    CHECK_FALSE(in_send_window(utc(2026, 11, 28, 10, 0)));  // Saturday
    CHECK_FALSE(in_send_window(utc(2026, 11, 29, 10, 0)));  // Sunday
    // Summer: UTC+2. 2026-06-01 is a Monday.
    CHECK(in_send_window(utc(2026, 6, 1, 6, 0)));
    CHECK_FALSE(in_send_window(utc(2026, 6, 1, 5, 59)));
    CHECK_FALSE(in_send_window(utc(2026, 6, 1, 14, 0)));
}

TEST_CASE("a reminder due outside the window waits for the next opening", "[bot][releases][schedule]") {
    CHECK(next_send_time(utc(2026, 11, 23, 9, 30)) == utc(2026, 11, 23, 9, 30));  // inside: at once
    CHECK(next_send_time(utc(2026, 11, 23, 5, 0)) == utc(2026, 11, 23, 7, 0));    // early Monday: 08:00 that day
    CHECK(next_send_time(utc(2026, 11, 23, 15, 0)) == utc(2026, 11, 24, 7, 0));   // Monday 16:00: Tuesday 08:00
    CHECK(next_send_time(utc(2026, 11, 27, 15, 30)) == utc(2026, 11, 30, 7, 0));  // Friday evening: Monday
    CHECK(next_send_time(utc(2026, 11, 28, 12, 0)) == utc(2026, 11, 30, 7, 0));   // Saturday: Monday
    // Across the switch to summer time (Sunday 2026-03-29): Monday 08:00 is 06:00 UTC.
    CHECK(next_send_time(utc(2026, 3, 28, 12, 0)) == utc(2026, 3, 30, 6, 0));
    // And back to winter time (Sunday 2026-10-25): Monday 08:00 is 07:00 UTC.
    CHECK(next_send_time(utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 26, 7, 0));
}

TEST_CASE("reminders fall 14 7 and 2 days before the deadline inside the window", "[bot][releases][schedule]") {
    // Deadline Tuesday 2026-12-15: Tue 1/12, Tue 8/12, and Sunday 13/12 moved to Monday 14/12.
    CHECK(reminder_times("2026-12-15", {14, 7, 2}) ==
          std::vector<TimePoint>{utc(2026, 12, 1, 7), utc(2026, 12, 8, 7), utc(2026, 12, 14, 7)});
    // A reminder that the window would push past the deadline is dropped.
    CHECK(reminder_times("2026-12-12", {0}).empty());  // a Saturday deadline
    CHECK(reminder_times("2026-12-14", {2}) == std::vector<TimePoint>{utc(2026, 12, 14, 7)});
    CHECK_THROWS(reminder_times("15/12", {2}));
}
