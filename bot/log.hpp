// Structured logging: one JSON object per line on stderr. Never log secrets or message text at
// info; the text of a question may appear at debug only.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string_view>

namespace superbruger::bot::log {

enum class Level { debug, info, warn, error };

/// Throws BotError{config} for a name other than debug, info, warn, error.
Level parse_level(std::string_view name);

/// Sets the lowest level written and the stream (stderr by default). Call before threads start.
void configure(Level lowest, std::ostream* out = nullptr);

bool enabled(Level level) noexcept;

/// Writes {"ts","level","event",…fields}. `fields` must be a JSON object (or null).
void write(Level level, std::string_view event, nlohmann::json fields = nullptr);

inline void debug(std::string_view e, nlohmann::json f = nullptr) { write(Level::debug, e, std::move(f)); }
inline void info(std::string_view e, nlohmann::json f = nullptr) { write(Level::info, e, std::move(f)); }
inline void warn(std::string_view e, nlohmann::json f = nullptr) { write(Level::warn, e, std::move(f)); }
inline void error(std::string_view e, nlohmann::json f = nullptr) { write(Level::error, e, std::move(f)); }

}  // namespace superbruger::bot::log
