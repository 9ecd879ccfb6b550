// QuestionLog: the questions the bot declined, kept for coordinators to review.
#pragma once

#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

struct UnansweredQuestion {
    std::string asked_at;  ///< UTC, ISO 8601
    std::string platform;
    std::string language;  ///< "da" or "en"
    std::string question;
    double best_score = 0;
};

/// Grouped view for the report: how often a question (case-folded text) was asked.
struct UnansweredSummary {
    std::string question;
    int times_asked = 0;
    std::string last_asked_at;
};

class QuestionLog {
public:
    explicit QuestionLog(Database& db) : db_(db) {}

    /// Stores one declined question. Throws StorageError{conflict} for an empty or oversized
    /// question or an unknown language.
    void record(UnansweredQuestion const& q);

    /// Distinct questions, most recently asked first.
    std::vector<UnansweredSummary> summary(int limit) const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
