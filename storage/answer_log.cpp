// AnswerLog: SQL for the answer and answer_vote tables.
#include "storage/answer_log.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

std::int64_t AnswerLog::record(GivenAnswer const& a) {
    try {
        SQLite::Statement insert(db_.connection(),
                                 "INSERT INTO answer (answered_at, platform, language, question, document_id, section, "
                                 "confidence) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, a.answered_at);
        insert.bind(2, a.platform);
        insert.bind(3, a.language);
        insert.bind(4, a.question);
        insert.bind(5, a.document_id);
        insert.bind(6, a.section);
        insert.bind(7, a.confidence);
        insert.exec();
        return db_.connection().getLastInsertRowid();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "record answer");
    }
}

VoteOutcome AnswerLog::vote(Vote const& v) {
    try {
        auto& db = db_.connection();
        // One transaction, so a concurrent vote by the same voter cannot slip between the read
        // and the write and be reported wrongly.
        WriteTransaction tx(db);  // a savepoint when the caller already holds a transaction
        SQLite::Statement exists(db, "SELECT 1 FROM answer WHERE id = ?");
        exists.bind(1, v.answer_id);
        if (!exists.executeStep()) return VoteOutcome::unknown_answer;

        SQLite::Statement earlier(db, "SELECT helpful FROM answer_vote WHERE answer_id = ? AND voter = ?");
        earlier.bind(1, v.answer_id);
        earlier.bind(2, v.voter);
        auto outcome = VoteOutcome::recorded;
        if (earlier.executeStep()) {
            if ((earlier.getColumn(0).getInt() != 0) == v.helpful) return VoteOutcome::unchanged;
            outcome = VoteOutcome::changed;
        }
        SQLite::Statement upsert(db,
                                 "INSERT INTO answer_vote (answer_id, voter, helpful, voted_at) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (answer_id, voter) DO UPDATE SET helpful = excluded.helpful, "
                                 "voted_at = excluded.voted_at");
        upsert.bind(1, v.answer_id);
        upsert.bind(2, v.voter);
        upsert.bind(3, v.helpful ? 1 : 0);
        upsert.bind(4, v.voted_at);
        upsert.exec();
        tx.commit();
        return outcome;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "record vote");
    }
}

std::vector<DownVotedSummary> AnswerLog::down_voted(int limit) const {
    std::vector<DownVotedSummary> out;
    try {
        SQLite::Statement query(db_.connection(), R"sql(
            SELECT lower(a.question),
                   (SELECT a2.document_id FROM answer a2 JOIN answer_vote v2 ON v2.answer_id = a2.id
                     WHERE lower(a2.question) = lower(a.question) AND v2.helpful = 0
                     ORDER BY v2.voted_at DESC LIMIT 1),
                   sum(v.helpful = 0), sum(v.helpful = 1), max(v.voted_at)
              FROM answer a JOIN answer_vote v ON v.answer_id = a.id
             GROUP BY lower(a.question)
            HAVING sum(v.helpful = 0) > 0
             ORDER BY max(v.voted_at) DESC
             LIMIT ?)sql");
        query.bind(1, limit);
        while (query.executeStep()) {
            out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(), query.getColumn(2).getInt(),
                           query.getColumn(3).getInt(), query.getColumn(4).getString()});
        }
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read votes");
    }
    return out;
}

}  // namespace superbruger::storage
