// The schema, as the list of steps that build it. Never edit a landed step: add a new one.
#include "storage/migrations.hpp"

#include <algorithm>

#include "storage/error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string>

namespace superbruger::storage {

namespace {

// Step N (1-based) takes the schema from version N-1 to N.
constexpr std::array<char const*, 16> steps = {
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
    // 3: the role directory. KLIK's rule "one systemansvarlig per municipality and system" is a
    //    partial unique index, so two concurrent writers cannot both succeed. The audit keeps the
    //    person's id apart from the before/after text, so erasure can scrub the text.
    R"sql(
    CREATE TABLE municipality (
        id            INTEGER PRIMARY KEY,
        name          TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),
        kommunenummer TEXT    NOT NULL UNIQUE CHECK (kommunenummer GLOB '[0-9][0-9][0-9]'),
        phase         INTEGER NOT NULL DEFAULT 4 CHECK (phase BETWEEN 1 AND 4)
    );
    CREATE TABLE municipality_tenant (
        municipality_id INTEGER NOT NULL REFERENCES municipality (id) ON DELETE CASCADE,
        platform        TEXT    NOT NULL,
        tenant_id       TEXT    NOT NULL,
        PRIMARY KEY (platform, tenant_id)
    );
    CREATE TABLE person (
        id              INTEGER PRIMARY KEY,
        name            TEXT    CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
        email           TEXT    UNIQUE COLLATE NOCASE CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
        title           TEXT    CHECK (title IS NULL OR length(title) <= 200),
        municipality_id INTEGER REFERENCES municipality (id),
        coordinator     INTEGER NOT NULL DEFAULT 0 CHECK (coordinator IN (0, 1)),
        erased_at       TEXT
    );
    CREATE TABLE person_identity (
        person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        platform  TEXT    NOT NULL,
        user_id   TEXT    NOT NULL,
        PRIMARY KEY (platform, user_id)
    );
    CREATE TABLE role_assignment (
        id              INTEGER PRIMARY KEY,
        person_id       INTEGER NOT NULL REFERENCES person (id),
        municipality_id INTEGER NOT NULL REFERENCES municipality (id),
        role            TEXT    NOT NULL CHECK (length(role) BETWEEN 1 AND 80),
        system          TEXT    NOT NULL DEFAULT 'DUBU',
        valid_from      TEXT    NOT NULL,
        valid_to        TEXT,
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX role_assignment_current ON role_assignment (municipality_id, role) WHERE valid_to IS NULL;
    CREATE INDEX role_assignment_person ON role_assignment (person_id);
    CREATE UNIQUE INDEX one_current_systemansvarlig ON role_assignment (municipality_id, system)
        WHERE role = 'systemansvarlig' AND valid_to IS NULL;
    CREATE TABLE directory_audit (
        id        INTEGER PRIMARY KEY,
        at        TEXT    NOT NULL,
        actor     TEXT    NOT NULL,
        action    TEXT    NOT NULL,
        person_id INTEGER,
        before    TEXT,
        after     TEXT
    );
    CREATE INDEX directory_audit_person ON directory_audit (person_id);
    -- "Hvilken kommune er du fra?": the answer of an asker the directory does not know.
    CREATE TABLE asker_municipality (
        platform        TEXT    NOT NULL,
        user_id         TEXT    NOT NULL,
        municipality_id INTEGER NOT NULL REFERENCES municipality (id) ON DELETE CASCADE,
        PRIMARY KEY (platform, user_id)
    );
    )sql",
    // 4: chat conversations the bot may write into later, and inbound activity ids already
    // handled (a platform's retry of the same activity is not applied twice).
    R"sql(
    CREATE TABLE conversation (
        platform        TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        kind            TEXT NOT NULL,  -- personal, groupChat, channel
        user_id         TEXT NOT NULL,  -- personal: the person; otherwise who last wrote
        user_alias      TEXT NOT NULL,  -- the same person's other id (Teams: Entra object id) or ''
        tenant_id       TEXT NOT NULL,
        address         TEXT NOT NULL,  -- the adapter's reference (JSON), opaque here
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (platform, conversation_id)
    );
    CREATE INDEX conversation_personal ON conversation (platform, user_id) WHERE kind = 'personal';
    CREATE INDEX conversation_personal_alias ON conversation (platform, user_alias) WHERE kind = 'personal';
    CREATE INDEX conversation_tenant ON conversation (platform, tenant_id);
    CREATE TABLE processed_activity (
        platform    TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (platform, activity_id)
    ) WITHOUT ROWID;
    CREATE INDEX processed_activity_age ON processed_activity (received_at);
    )sql",
    // 5: change requests (ændringsønsker) with supporters and status history, the intake dialog's
    // drafts, and the outbox of messages the bot sends on its own initiative.
    R"sql(
    CREATE TABLE change_request (
        id                 INTEGER PRIMARY KEY,
        ref                TEXT    NOT NULL UNIQUE,   -- ÆØ-2026-0042
        year               INTEGER NOT NULL,
        seq                INTEGER NOT NULL,
        title              TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        description        TEXT    NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
        area               TEXT    NOT NULL CHECK (length(area) BETWEEN 1 AND 100),
        benefit            TEXT    NOT NULL CHECK (length(benefit) BETWEEN 1 AND 2000),
        urgency            TEXT    NOT NULL CHECK (urgency IN ('lav', 'middel', 'høj')),
        workflow_effect    TEXT    NOT NULL CHECK (length(workflow_effect) BETWEEN 1 AND 2000),
        status             TEXT    NOT NULL CHECK (status IN ('ny', 'under vurdering', 'sendt til KOMBIT',
                                                            'prioriteret', 'afvist', 'implementeret')),
        release            TEXT    NOT NULL DEFAULT '',
        municipality_id    INTEGER NOT NULL REFERENCES municipality (id),
        submitter_platform TEXT    NOT NULL,
        submitter_user_id  TEXT    NOT NULL,
        submitter_tenant   TEXT    NOT NULL,
        submitter_name     TEXT    NOT NULL,
        submit_key         TEXT    NOT NULL UNIQUE,  -- a platform's retry of the same submit finds it
        created_at         TEXT    NOT NULL,
        updated_at         TEXT    NOT NULL,
        UNIQUE (year, seq)
    );
    CREATE INDEX change_request_municipality ON change_request (municipality_id);
    CREATE TABLE change_request_supporter (
        request_id      INTEGER NOT NULL REFERENCES change_request (id) ON DELETE CASCADE,
        municipality_id INTEGER NOT NULL REFERENCES municipality (id),
        platform        TEXT    NOT NULL,
        user_id         TEXT    NOT NULL,
        tenant          TEXT    NOT NULL,
        name            TEXT    NOT NULL,
        supported_at    TEXT    NOT NULL,
        PRIMARY KEY (request_id, municipality_id)
    );
    CREATE TABLE change_request_status (
        id          INTEGER PRIMARY KEY,
        request_id  INTEGER NOT NULL REFERENCES change_request (id) ON DELETE CASCADE,
        at          TEXT    NOT NULL,
        actor       TEXT    NOT NULL,
        from_status TEXT    NOT NULL,
        to_status   TEXT    NOT NULL,
        comment     TEXT    NOT NULL
    );
    CREATE INDEX change_request_status_request ON change_request_status (request_id);
    CREATE TABLE change_request_draft (
        platform   TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        step       TEXT NOT NULL,
        fields     TEXT NOT NULL,  -- JSON object of the answers so far
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, user_id)
    );
    CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        idempotency_key TEXT    NOT NULL UNIQUE,  -- one message per recipient and cause
        platform        TEXT    NOT NULL,
        recipient       TEXT    NOT NULL,
        tenant          TEXT    NOT NULL,
        message         TEXT    NOT NULL,  -- the reply, as JSON
        status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT    NOT NULL,
        last_error      TEXT    NOT NULL DEFAULT '',
        created_at      TEXT    NOT NULL,
        sent_at         TEXT    NOT NULL DEFAULT ''
    );
    CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
    )sql",
    // 6: DUBU releases and their release-note items.
    R"sql(
    CREATE TABLE release (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        folded_name  TEXT NOT NULL UNIQUE,  -- "dubu 3.4": one registration per release
        release_date TEXT NOT NULL CHECK (release_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        deadline     TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        notes        TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        CHECK (deadline >= release_date)
    );
    CREATE TABLE release_item (
        release_id INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
        number     INTEGER NOT NULL CHECK (number >= 1),
        title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body       TEXT    NOT NULL,
        PRIMARY KEY (release_id, number)
    );
    )sql",
    // 7: each municipality's review of each release-note item, and people who muted reminders.
    R"sql(
    CREATE TABLE release_review (
        release_id        INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
        municipality_id   INTEGER NOT NULL REFERENCES municipality (id),
        item_number       INTEGER NOT NULL,
        effect            TEXT    NOT NULL CHECK (effect IN ('ingen', 'lav', 'middel', 'høj')),
        local_config      INTEGER NOT NULL CHECK (local_config IN (0, 1)),
        local_config_what TEXT    NOT NULL,
        communication     INTEGER NOT NULL CHECK (communication IN (0, 1)),
        communication_how TEXT    NOT NULL,
        note              TEXT    NOT NULL,
        reviewed_by       TEXT    NOT NULL,
        reviewed_at       TEXT    NOT NULL,
        PRIMARY KEY (release_id, municipality_id, item_number),
        CHECK (local_config = 0 OR length(local_config_what) > 0),
        CHECK (communication = 0 OR length(communication_how) > 0)
    );
    CREATE TABLE reminder_mute (
        platform TEXT NOT NULL,
        user_id  TEXT NOT NULL,
        muted_at TEXT NOT NULL,
        PRIMARY KEY (platform, user_id)
    );
    )sql",
    // 8: outbox claims. A message is marked before its send starts and unmarked when the send
    // ends; a mark left behind by a killed process names a message whose delivery is in doubt.
    R"sql(
    ALTER TABLE outbox ADD COLUMN claimed_at TEXT NOT NULL DEFAULT '';
    )sql",
    // 9: Teams reminder mutes were stored under the chat id ("29:…"), but reminders are addressed
    // by the Entra object id the directory knows, so they were not found. Move each to the object
    // id the stored conversations pair with it.
    R"sql(
    INSERT OR IGNORE INTO reminder_mute (platform, user_id, muted_at)
        SELECT m.platform, c.user_alias, m.muted_at
        FROM reminder_mute m JOIN conversation c ON c.platform = m.platform AND c.user_id = m.user_id
        WHERE m.platform = 'teams' AND c.user_alias != '';
    DELETE FROM reminder_mute
        WHERE platform = 'teams'
          AND user_id IN (SELECT user_id FROM conversation WHERE platform = 'teams' AND user_alias != '');
    )sql",
    // 10: the same answer given again (same question text, platform, language, document and
    // section) reuses its row instead of adding one per message; the fingerprint (a hash of
    // those) finds it through a small index. Rows from before have none and are not reused.
    R"sql(
    ALTER TABLE answer ADD COLUMN fingerprint INTEGER;
    CREATE INDEX answer_fingerprint ON answer (fingerprint) WHERE fingerprint IS NOT NULL;
    )sql",
    // 11: a coordinator can withdraw queued messages ('cancelled': a wrong announcement) and
    // close parked ones ('dismissed'); both keep their key, so the same cause is not queued again.
    // SQLite cannot change a CHECK, so the table is rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter).
    R"sql(
    CREATE TABLE outbox_new (
        id              INTEGER PRIMARY KEY,
        idempotency_key TEXT    NOT NULL UNIQUE,
        platform        TEXT    NOT NULL,
        recipient       TEXT    NOT NULL,
        tenant          TEXT    NOT NULL,
        message         TEXT    NOT NULL,
        status          TEXT    NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'parked', 'cancelled', 'dismissed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT    NOT NULL,
        last_error      TEXT    NOT NULL DEFAULT '',
        created_at      TEXT    NOT NULL,
        sent_at         TEXT    NOT NULL DEFAULT '',
        claimed_at      TEXT    NOT NULL DEFAULT ''
    );
    INSERT INTO outbox_new (id, idempotency_key, platform, recipient, tenant, message, status, attempts, next_attempt_at,
                            last_error, created_at, sent_at, claimed_at)
        SELECT id, idempotency_key, platform, recipient, tenant, message, status, attempts, next_attempt_at,
               last_error, created_at, sent_at, claimed_at FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_new RENAME TO outbox;
    CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
    )sql",
    // 12: answers to release-note items that a corrected split removed. They are kept, with the
    // item's title as it was, so no municipality's work is lost by a correction.
    R"sql(
    CREATE TABLE release_review_removed (
        id                INTEGER PRIMARY KEY,
        release_id        INTEGER NOT NULL REFERENCES release (id) ON DELETE CASCADE,
        municipality_id   INTEGER NOT NULL REFERENCES municipality (id),
        item_number       INTEGER NOT NULL,
        item_title        TEXT    NOT NULL,
        effect            TEXT    NOT NULL,
        local_config      INTEGER NOT NULL,
        local_config_what TEXT    NOT NULL,
        communication     INTEGER NOT NULL,
        communication_how TEXT    NOT NULL,
        note              TEXT    NOT NULL,
        reviewed_by       TEXT    NOT NULL,
        reviewed_at       TEXT    NOT NULL,
        removed_at        TEXT    NOT NULL
    );
    )sql",
    // 13: a change request can be withdrawn by its municipality (status 'trukket tilbage'), and
    // its history holds every change, not only status moves: edits, support given and taken
    // back, withdrawals and a coordinator's corrections (kind). SQLite cannot change a CHECK, so
    // the table is rebuilt; dropping it would cascade to its supporters and history, which are
    // kept aside and put back.
    R"sql(
    CREATE TABLE change_request_new (
        id                 INTEGER PRIMARY KEY,
        ref                TEXT    NOT NULL UNIQUE,
        year               INTEGER NOT NULL,
        seq                INTEGER NOT NULL,
        title              TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        description        TEXT    NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
        area               TEXT    NOT NULL CHECK (length(area) BETWEEN 1 AND 100),
        benefit            TEXT    NOT NULL CHECK (length(benefit) BETWEEN 1 AND 2000),
        urgency            TEXT    NOT NULL CHECK (urgency IN ('lav', 'middel', 'høj')),
        workflow_effect    TEXT    NOT NULL CHECK (length(workflow_effect) BETWEEN 1 AND 2000),
        status             TEXT    NOT NULL CHECK (status IN ('ny', 'under vurdering', 'sendt til KOMBIT',
                                                            'prioriteret', 'afvist', 'implementeret', 'trukket tilbage')),
        release            TEXT    NOT NULL DEFAULT '',
        municipality_id    INTEGER NOT NULL REFERENCES municipality (id),
        submitter_platform TEXT    NOT NULL,
        submitter_user_id  TEXT    NOT NULL,
        submitter_tenant   TEXT    NOT NULL,
        submitter_name     TEXT    NOT NULL,
        submit_key         TEXT    NOT NULL UNIQUE,
        created_at         TEXT    NOT NULL,
        updated_at         TEXT    NOT NULL,
        UNIQUE (year, seq)
    );
    INSERT INTO change_request_new SELECT * FROM change_request;
    CREATE TEMP TABLE kept_supporter AS SELECT * FROM change_request_supporter;
    CREATE TEMP TABLE kept_status AS SELECT * FROM change_request_status;
    DROP TABLE change_request;
    ALTER TABLE change_request_new RENAME TO change_request;
    CREATE INDEX change_request_municipality ON change_request (municipality_id);
    -- Without foreign keys on, the drop cascaded nothing: the rows are still there.
    DELETE FROM change_request_supporter;
    DELETE FROM change_request_status;
    INSERT INTO change_request_supporter SELECT * FROM kept_supporter;
    INSERT INTO change_request_status SELECT * FROM kept_status;
    DROP TABLE kept_supporter;
    DROP TABLE kept_status;
    ALTER TABLE change_request_status ADD COLUMN kind TEXT NOT NULL DEFAULT 'status'
        CHECK (kind IN ('status', 'edit', 'support', 'support_removed', 'withdrawn', 'correction'));
    )sql",
    // 14: questions sent on to a person ("spørg en person") and whether they were answered.
    R"sql(
    CREATE TABLE hand_off (
        id              INTEGER PRIMARY KEY,
        asked_at        TEXT    NOT NULL,
        platform        TEXT    NOT NULL,
        asker_user_id   TEXT    NOT NULL,
        asker_tenant    TEXT    NOT NULL DEFAULT '',
        asker_name      TEXT    NOT NULL DEFAULT '',
        municipality_id INTEGER REFERENCES municipality (id),
        question        TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
        answered_at     TEXT    NOT NULL DEFAULT '',
        answered_by     TEXT    NOT NULL DEFAULT ''
    );
    CREATE INDEX hand_off_asked ON hand_off (asked_at);
    )sql",
    // 15: the latest answer to a question sent on, which a coordinator may add to the knowledge base.
    R"sql(
    ALTER TABLE hand_off ADD COLUMN latest_answer    TEXT NOT NULL DEFAULT '' CHECK (length(latest_answer) <= 8000);
    ALTER TABLE hand_off ADD COLUMN latest_answer_by TEXT NOT NULL DEFAULT '';
    )sql",
    // 16: a coordinator can stop a release's reminders (when it withdraws its messages).
    R"sql(
    ALTER TABLE release ADD COLUMN reminders_stopped_at TEXT NOT NULL DEFAULT '';
    )sql",
};

}  // namespace

int latest_schema_version() noexcept { return static_cast<int>(steps.size()); }

void migrate(SQLite::Database& db, int up_to) {
    try {
        int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > latest_schema_version()) {
            throw StorageError(StorageError::Kind::corrupt,
                               "database schema version " + std::to_string(version) +
                                   " is newer than this superbot knows (" +
                                   std::to_string(latest_schema_version()) + ")");
        }
        for (; version < std::min(up_to, latest_schema_version()); ++version) {
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
