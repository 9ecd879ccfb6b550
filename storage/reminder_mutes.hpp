// ReminderMutes: people who said "stop påmindelser".
#pragma once

#include <string>

namespace superbruger::storage {

class Database;

class ReminderMutes {
public:
    explicit ReminderMutes(Database& db) : db_(db) {}
    /// True when it changed something (false: already so).
    bool mute(std::string const& platform, std::string const& user_id, std::string const& at);
    bool unmute(std::string const& platform, std::string const& user_id);
    bool muted(std::string const& platform, std::string const& user_id) const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
