// HandOffs: questions the bot could not answer, sent on to a person ("spørg en person"), and
// whether that person has answered. The asker's chat identity is kept so the answer reaches them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace superbruger::storage {

class Database;

struct HandOff {
    std::int64_t id = 0;
    std::string asked_at;  ///< UTC, ISO 8601
    std::string platform;  ///< the asker's chat identity: platform, user id, tenant
    std::string asker_user_id;
    std::string asker_tenant;
    std::string asker_name;
    std::optional<std::int64_t> municipality_id;  ///< the asker's, when the directory knows it
    std::string question;
    std::string answered_at;  ///< empty while nobody has answered
    std::string answered_by;  ///< who answered first
    std::string latest_answer;  ///< the last answer given (a correction replaces an earlier one)
    std::string latest_answer_by;
};

class HandOffs {
public:
    explicit HandOffs(Database& db) : db_(db) {}
    /// Stores a new one; returns its id (the number people answer by).
    std::int64_t add(HandOff const& hand_off);
    std::optional<HandOff> find(std::int64_t id) const;
    /// Longest answer kept, in characters (what the table's CHECK counts).
    static constexpr std::size_t max_answer_chars = 8000;
    /// Records an answer: the first one's time and author stay, the text is the latest (at most
    /// max_answer_chars). True when this was the first.
    bool record_answer(std::int64_t id, std::string const& by, std::string const& at, std::string const& answer);
    /// Deletes those asked before `at` (UTC, ISO 8601); returns how many. They hold personal data.
    int delete_asked_before(std::string const& at);

private:
    Database& db_;
};

}  // namespace superbruger::storage
