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
    // Written straight into one string rather than merged into a json map first: two lines per
    // message make the log a visible share of a request's CPU. Invalid UTF-8 is replaced, never
    // thrown: a log line must never take the process down.
    auto const replace = nlohmann::json::error_handler_t::replace;
    std::string text = R"({"ts":")" + utc_timestamp_millis() + R"(","level":")" + name_of(level) + R"(","event":)";
    text += nlohmann::json(event).dump(-1, ' ', false, replace);
    if (fields.is_object()) {
        for (auto const* own : {"ts", "level", "event"}) fields.erase(own);
    }
    if (fields.is_object() && !fields.empty()) {
        auto const members = fields.dump(-1, ' ', false, replace);
        text += ',';
        text.append(members, 1);  // its members and closing brace, without the opening one
    } else {
        text += '}';
    }
    text += '\n';
    std::lock_guard lock(sink_mutex);
    sink->write(text.data(), static_cast<std::streamsize>(text.size()));  // one write: stderr is unit-buffered
    sink->flush();
}

}  // namespace superbruger::bot::log
