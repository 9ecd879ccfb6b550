// JSON-lines log writer.
#include "bot/log.hpp"

#include "bot/error.hpp"
#include "bot/time_format.hpp"

#include <iostream>
#include <mutex>

namespace superbruger::bot::log {

namespace {
Level lowest_level = Level::info;
std::ostream* sink = &std::cerr;
std::mutex sink_mutex;  // admin commands and tests may log from helper threads

char const* name_of(Level level) {
    switch (level) {
        case Level::debug: return "debug";
        case Level::info: return "info";
        case Level::warn: return "warn";
        case Level::error: return "error";
    }
    return "info";
}
}  // namespace

Level parse_level(std::string_view name) {
    for (auto level : {Level::debug, Level::info, Level::warn, Level::error}) {
        if (name == name_of(level)) return level;
    }
    throw BotError(BotError::Kind::config, "log level must be debug, info, warn or error");
}

void configure(Level lowest, std::ostream* out) {
    lowest_level = lowest;
    if (out != nullptr) sink = out;
}

bool enabled(Level level) noexcept { return level >= lowest_level; }

void write(Level level, std::string_view event, nlohmann::json fields) {
    if (!enabled(level)) return;
    nlohmann::json line = {{"ts", utc_timestamp_millis()}, {"level", name_of(level)}, {"event", event}};
    if (fields.is_object()) line.update(fields);
    // Replace invalid UTF-8 instead of throwing: a log line must never take the process down.
    auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(sink_mutex);
    *sink << text << '\n';
    sink->flush();
}

}  // namespace superbruger::bot::log
