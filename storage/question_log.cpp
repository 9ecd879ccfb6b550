// QuestionLog: SQL for the unanswered_question table.
#include "storage/question_log.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

void QuestionLog::record(UnansweredQuestion const& q) {
    try {
        SQLite::Statement insert(db_.connection(),
                                 "INSERT INTO unanswered_question (asked_at, platform, language, question, best_score) "
                                 "VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, q.asked_at);
        insert.bind(2, q.platform);
        insert.bind(3, q.language);
        insert.bind(4, q.question);
        insert.bind(5, q.best_score);
        insert.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "record question");
    }
}

std::vector<UnansweredSummary> QuestionLog::summary(int limit) const {
    std::vector<UnansweredSummary> out;
    try {
        SQLite::Statement query(db_.connection(),
                                "SELECT lower(question), count(*), max(asked_at) FROM unanswered_question "
                                "GROUP BY lower(question) ORDER BY max(asked_at) DESC LIMIT ?");
        query.bind(1, limit);
        while (query.executeStep()) {
            out.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt(),
                           query.getColumn(2).getString()});
        }
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read questions");
    }
    return out;
}

}  // namespace superbruger::storage
