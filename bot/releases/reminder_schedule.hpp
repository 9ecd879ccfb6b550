// When reminders may go out: on weekdays between 08:00 and 16:00 Copenhagen time, at set
// offsets before a review deadline. A reminder due outside that window waits for the next one.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace superbruger::bot::releases {

using TimePoint = std::chrono::system_clock::time_point;

/// True on Monday–Friday from 08:00 to before 16:00 in Europe/Copenhagen (CET/CEST).
bool in_send_window(TimePoint utc);

/// `due` when it is inside the window, else the next window's opening (08:00 on the next
/// weekday, Copenhagen time).
TimePoint next_send_time(TimePoint due);

/// The send times of the reminders for a deadline (YYYY-MM-DD, Copenhagen date): 08:00 on the
/// day `offset` days before, moved into the window, for each offset (days); in time order, and
/// only those that are not after the deadline's end.
std::vector<TimePoint> reminder_times(std::string const& deadline, std::vector<int> const& offsets_days);

}  // namespace superbruger::bot::releases
