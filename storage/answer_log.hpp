// AnswerLog: the answers the bot gave and the helpful / not-helpful votes on them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

struct GivenAnswer {
    std::string answered_at;  ///< UTC, ISO 8601
    std::string platform;
    std::string language;     ///< "da" or "en"
    std::string question;
    std::string document_id;  ///< where the answer came from
    std::string section;
    double confidence = 0;
};

struct Vote {
    std::int64_t answer_id = 0;
    std::string voter;        ///< a pseudonym, never a platform identity
    bool helpful = false;
    std::string voted_at;
};

enum class VoteOutcome { recorded, changed, unchanged, unknown_answer };

/// Grouped view for the report: a question (case-folded text) whose answers were voted down.
struct DownVotedSummary {
    std::string question;
    std::string document_id;  ///< of the most recent down-voted answer
    int not_helpful = 0;
    int helpful = 0;
    std::string last_voted_at;
};

class AnswerLog {
public:
    explicit AnswerLog(Database& db) : db_(db) {}

    /// Stores an answer and returns its id, the handle the vote buttons carry. The same answer
    /// given again (same question text, platform, language, document and section) gets the id
    /// it got before and writes nothing, except that its date moves on once a (UTC) day, so the
    /// retention counts from the last time it was given; votes stay one per person and answer.
    /// Throws StorageError{conflict} for an empty or oversized question or an unknown language.
    std::int64_t record(GivenAnswer const& answer);
    /// The question answer `id` answered; nullopt once it is gone (retention) or never was.
    std::optional<std::string> question_of(std::int64_t id) const;

    /// Retention: deletes the answers last given before `before` (ISO 8601, UTC) that nobody
    /// voted on since, with their votes; returns how many answers went. The newest answer is
    /// always kept, so SQLite never hands out an id again that an old card's button still carries.
    int forget_before(std::string const& before);

    /// One vote per voter and answer; voting again replaces the earlier vote.
    VoteOutcome vote(Vote const& vote);

    /// Questions with at least one "not helpful" vote, most recently voted first.
    std::vector<DownVotedSummary> down_voted(int limit) const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
