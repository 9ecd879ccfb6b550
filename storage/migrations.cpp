// The schema, as the list of steps that build it. Never edit a landed step: add a new one.
#include "storage/migrations.hpp"

#include "storage/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string>

namespace superbruger::storage {

namespace {

// Step N (1-based) takes the schema from version N-1 to N.
constexpr std::array<char const*, 2> steps = {
    // 1: questions the bot could not answer, for coordinators to turn into knowledge. No user
    //    identity is kept with them (privacy: the question is what the maintainers need).
    R"sql(
    CREATE TABLE unanswered_question (
        id          INTEGER PRIMARY KEY,
        asked_at    TEXT    NOT NULL,
        platform    TEXT    NOT NULL,
        language    TEXT    NOT NULL CHECK (language IN ('da', 'en')),
        question    TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
        best_score  REAL    NOT NULL
    );
    CREATE INDEX unanswered_question_asked_at ON unanswered_question (asked_at);
    )sql",
    // 2: answers given, so that "helpful / not helpful" votes can point at one, and the votes.
    //    A voter is a pseudonym made by the bot: one vote per person and answer, no identity.
    R"sql(
    CREATE TABLE answer (
        id          INTEGER PRIMARY KEY,
        answered_at TEXT    NOT NULL,
        platform    TEXT    NOT NULL,
        language    TEXT    NOT NULL CHECK (language IN ('da', 'en')),
        question    TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
        document_id TEXT    NOT NULL,
        section     TEXT    NOT NULL,
        confidence  REAL    NOT NULL
    );
    CREATE INDEX answer_answered_at ON answer (answered_at);
    CREATE TABLE answer_vote (
        answer_id   INTEGER NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
        voter       TEXT    NOT NULL CHECK (length(voter) BETWEEN 1 AND 128),
        helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        voted_at    TEXT    NOT NULL,
        PRIMARY KEY (answer_id, voter)
    );
    )sql",
};

}  // namespace

int latest_schema_version() noexcept { return static_cast<int>(steps.size()); }

void migrate(SQLite::Database& db) {
    try {
        int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > latest_schema_version()) {
            throw StorageError(StorageError::Kind::corrupt,
                               "database schema version " + std::to_string(version) +
                                   " is newer than this superbot knows (" +
                                   std::to_string(latest_schema_version()) + ")");
        }
        for (; version < latest_schema_version(); ++version) {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            db.exec(steps[static_cast<std::size_t>(version)]);
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            tx.commit();
        }
    } catch (SQLite::Exception const& e) {
        throw StorageError(StorageError::Kind::unavailable, std::string("migration failed: ") + e.what());
    }
}

}  // namespace superbruger::storage
