// AnswerLog: SQL for the answer and answer_vote tables.
#include "storage/answer_log.hpp"

#include "storage/database.hpp"
#include "storage/prepared_statement.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

namespace {

/// FNV-1a (64 bit) over the fields that make two answers the same, each ended by a NUL: stable
/// across builds and platforms, unlike std::hash, because it is stored.
/// http://www.isthe.com/chongo/tech/comp/fnv/index.html
std::int64_t fingerprint(GivenAnswer const& a) {
    std::uint64_t hash = 14695981039346656037ull;
    for (auto const* part : {&a.platform, &a.language, &a.question, &a.document_id, &a.section}) {
        for (unsigned char c : *part) hash = (hash ^ c) * 1099511628211ull;
        hash *= 1099511628211ull;  // the NUL between fields
    }
    return static_cast<std::int64_t>(hash);
}

}  // namespace

std::optional<std::string> AnswerLog::question_of(std::int64_t id) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT question FROM answer WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return q.getColumn(0).getString();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read an answer's question");
    }
}

std::int64_t AnswerLog::record(GivenAnswer const& a) {
    // Runs for every answered message: its statements are the connection's prepared ones.
    try {
        auto const print = fingerprint(a);
        PreparedStatement same(db_,
                               "SELECT id, answered_at FROM answer WHERE fingerprint = ? AND question = ? AND document_id = ? "
                               "AND section = ? AND platform = ? AND language = ? ORDER BY id DESC LIMIT 1");
        same->bind(1, print);
        same->bind(2, a.question);
        same->bind(3, a.document_id);
        same->bind(4, a.section);
        same->bind(5, a.platform);
        same->bind(6, a.language);
        if (same->executeStep()) {
            auto const id = same->getColumn(0).getInt64();
            // ISO 8601 dates compare as text: a later day moves the date on, the same day writes nothing.
            if (std::string_view(same->getColumn(1).getText()).substr(0, 10) < std::string_view(a.answered_at).substr(0, 10)) {
                PreparedStatement refresh(db_, "UPDATE answer SET answered_at = ? WHERE id = ?");
                refresh->bind(1, a.answered_at);
                refresh->bind(2, id);
                refresh->exec();
            }
            return id;
        }
        PreparedStatement insert(db_,
                                 "INSERT INTO answer (answered_at, platform, language, question, document_id, section, "
                                 "confidence, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert->bind(1, a.answered_at);
        insert->bind(2, a.platform);
        insert->bind(3, a.language);
        insert->bind(4, a.question);
        insert->bind(5, a.document_id);
        insert->bind(6, a.section);
        insert->bind(7, a.confidence);
        insert->bind(8, print);
        insert->exec();
        return db_.connection().getLastInsertRowid();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "record answer");
    }
}

int AnswerLog::forget_before(std::string const& before) {
    try {
        // Votes go with their answer (ON DELETE CASCADE). An id is max(id)+1 when SQLite picks
        // it (https://www.sqlite.org/autoinc.html), so keeping the newest row keeps ids unique
        // for good, without AUTOINCREMENT's extra table.
        SQLite::Statement forget(db_.connection(), R"sql(
            DELETE FROM answer
             WHERE answered_at < ?1
               AND id < (SELECT max(id) FROM answer)
               AND NOT EXISTS (SELECT 1 FROM answer_vote v WHERE v.answer_id = answer.id AND v.voted_at >= ?1))sql");
        forget.bind(1, before);
        return forget.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "forget old answers");
    }
}

VoteOutcome AnswerLog::vote(Vote const& v) {
    try {
        auto& db = db_.connection();
        // One transaction, so a concurrent vote by the same voter cannot slip between the read
        // and the write and be reported wrongly.
        WriteTransaction tx(db_);  // a savepoint when the caller already holds a transaction
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
