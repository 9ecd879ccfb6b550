// UTC timestamps in ISO 8601, the one format the bot writes (logs, database rows), and the
// same instants as people in the network read them: Copenhagen time.
#pragma once

#include <chrono>
#include <string>

namespace superbruger::bot {

/// "2026-11-22T10:15:30.123Z"
std::string utc_timestamp_millis(std::chrono::system_clock::time_point t = std::chrono::system_clock::now());

/// "2026-11-22T10:15:30Z"
std::string utc_timestamp(std::chrono::system_clock::time_point t = std::chrono::system_clock::now());

/// Europe/Copenhagen as a POSIX TZ rule (CET, and CEST from the last Sunday of March 02:00 to the
/// last Sunday of October 03:00, the EU rule of Directive 2000/84/EC), for Boost.DateTime's
/// posix_time_zone: libstdc++ 12 has no std::chrono time zone database.
extern char const* const copenhagen_posix_tz;

/// A stored UTC timestamp ("2026-11-22T10:15:30Z", with or without milliseconds) as Copenhagen
/// wall-clock time, "2026-11-22 11:15"; text that is not such a timestamp is returned unchanged.
std::string copenhagen_time(std::string const& utc_iso);

}  // namespace superbruger::bot
