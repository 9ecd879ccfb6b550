// UTC timestamps in ISO 8601, the one format the bot writes (logs, database rows).
#pragma once

#include <chrono>
#include <string>

namespace superbruger::bot {

/// "2026-11-22T10:15:30.123Z"
std::string utc_timestamp_millis(std::chrono::system_clock::time_point t = std::chrono::system_clock::now());

/// "2026-11-22T10:15:30Z"
std::string utc_timestamp(std::chrono::system_clock::time_point t = std::chrono::system_clock::now());

}  // namespace superbruger::bot
