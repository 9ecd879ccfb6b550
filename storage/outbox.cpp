// Outbox: SQL for the outbox table.
#include "storage/outbox.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

namespace {

constexpr char const* columns =
    "SELECT id, idempotency_key, platform, recipient, tenant, message, status, attempts, next_attempt_at, last_error, created_at, "
    "claimed_at "
    "FROM outbox ";

OutboxMessage message_of(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),  q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
            q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(), q.getColumn(7).getInt(),
            q.getColumn(8).getString(), q.getColumn(9).getString(), q.getColumn(10).getString(), q.getColumn(11).getString()};
}

}  // namespace

bool Outbox::enqueue(OutboxMessage const& m) {
    try {
        SQLite::Statement insert(db_.connection(),
                                 "INSERT OR IGNORE INTO outbox (idempotency_key, platform, recipient, tenant, message, next_attempt_at, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, m.idempotency_key);
        insert.bind(2, m.platform);
        insert.bind(3, m.recipient);
        insert.bind(4, m.tenant);
        insert.bind(5, m.message);
        insert.bind(6, m.next_attempt_at.empty() ? m.created_at : m.next_attempt_at);
        insert.bind(7, m.created_at);
        return insert.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "queue message");
    }
}

std::vector<OutboxMessage> Outbox::due(std::string const& now, int limit) const {
    std::vector<OutboxMessage> out;
    try {
        SQLite::Statement q(db_.connection(), std::string(columns) +
                                                  "WHERE status = 'pending' AND claimed_at = '' AND next_attempt_at <= ? "
                                                  "ORDER BY next_attempt_at, id LIMIT ?");
        q.bind(1, now);
        q.bind(2, limit);
        while (q.executeStep()) out.push_back(message_of(q));
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read due messages");
    }
    return out;
}

bool Outbox::claim(std::int64_t id, std::string const& at) {
    try {
        SQLite::Statement update(db_.connection(), "UPDATE outbox SET claimed_at = ? WHERE id = ? AND status = 'pending' AND claimed_at = ''");
        update.bind(1, at);
        update.bind(2, id);
        return update.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "claim message");
    }
}

std::vector<OutboxMessage> Outbox::release_in_doubt() {
    std::vector<OutboxMessage> out;
    try {
        WriteTransaction transaction(db_);
        SQLite::Statement q(db_.connection(), std::string(columns) + "WHERE status = 'pending' AND claimed_at != '' ORDER BY id");
        while (q.executeStep()) out.push_back(message_of(q));
        db_.connection().exec("UPDATE outbox SET claimed_at = '' WHERE claimed_at != ''");
        transaction.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "release claimed messages");
    }
    return out;
}

void Outbox::mark_sent(std::int64_t id, std::string const& at) {
    try {
        SQLite::Statement update(db_.connection(),
                                 "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_at = '' WHERE id = ?");
        update.bind(1, at);
        update.bind(2, id);
        update.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "mark message sent");
    }
}

void Outbox::mark_failed(std::int64_t id, std::string const& error, std::string const& retry_at, bool park) {
    try {
        SQLite::Statement update(db_.connection(),
                                 "UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, attempts = attempts + 1, claimed_at = '' "
                                 "WHERE id = ?");
        update.bind(1, park ? "parked" : "pending");
        update.bind(2, error);
        update.bind(3, retry_at);
        update.bind(4, id);
        update.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "mark message failed");
    }
}

bool Outbox::retry(std::int64_t id, std::string const& at) {
    try {
        SQLite::Statement update(db_.connection(),
                                 "UPDATE outbox SET status = 'pending', next_attempt_at = ?, attempts = 0 WHERE id = ? AND status = 'parked'");
        update.bind(1, at);
        update.bind(2, id);
        return update.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "retry message");
    }
}

bool Outbox::cancel(std::int64_t id, std::string const& at) {
    try {
        // sent_at is when the message was closed, which the retention counts from.
        SQLite::Statement update(db_.connection(),
                                 "UPDATE outbox SET status = 'cancelled', sent_at = ? WHERE id = ? AND status = 'pending' AND claimed_at = ''");
        update.bind(1, at);
        update.bind(2, id);
        return update.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "cancel message");
    }
}

namespace {
constexpr char const* with_prefix = "substr(idempotency_key, 1, length(?)) = ?";
}  // namespace

std::size_t Outbox::cancel_by_cause(std::vector<std::string> const& key_prefixes, std::string const& at) {
    std::size_t n = 0;
    try {
        WriteTransaction transaction(db_);
        for (auto const& prefix : key_prefixes) {
            SQLite::Statement update(db_.connection(), std::string("UPDATE outbox SET status = 'cancelled', sent_at = ? "
                                                                   "WHERE status = 'pending' AND claimed_at = '' AND ") + with_prefix);
            update.bind(1, at);
            update.bind(2, prefix);
            update.bind(3, prefix);
            n += static_cast<std::size_t>(update.exec());
        }
        transaction.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "cancel messages");
    }
    return n;
}

std::size_t Outbox::forget_by_cause(std::vector<std::string> const& key_prefixes) {
    std::size_t n = 0;
    try {
        WriteTransaction transaction(db_);
        for (auto const& prefix : key_prefixes) {
            SQLite::Statement del(db_.connection(), std::string("DELETE FROM outbox WHERE ") + with_prefix);
            del.bind(1, prefix);
            del.bind(2, prefix);
            n += static_cast<std::size_t>(del.exec());
        }
        transaction.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "forget messages");
    }
    return n;
}

std::size_t Outbox::pending_by_cause(std::vector<std::string> const& key_prefixes) const {
    std::size_t n = 0;
    try {
        for (auto const& prefix : key_prefixes) {
            SQLite::Statement q(db_.connection(), std::string("SELECT count(*) FROM outbox WHERE status = 'pending' AND ") + with_prefix);
            q.bind(1, prefix);
            q.bind(2, prefix);
            q.executeStep();
            n += static_cast<std::size_t>(q.getColumn(0).getInt64());
        }
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "count messages");
    }
    return n;
}

bool Outbox::dismiss(std::int64_t id, std::string const& at) {
    try {
        SQLite::Statement update(db_.connection(), "UPDATE outbox SET status = 'dismissed', sent_at = ? WHERE id = ? AND status = 'parked'");
        update.bind(1, at);
        update.bind(2, id);
        return update.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "dismiss message");
    }
}

void Outbox::close_undeliverable(std::int64_t id, std::string const& reason, std::string const& at) {
    try {
        SQLite::Statement update(db_.connection(),
                                 "UPDATE outbox SET status = 'dismissed', last_error = ?, sent_at = ?, claimed_at = '' WHERE id = ? AND status = 'pending'");
        update.bind(1, reason);
        update.bind(2, at);
        update.bind(3, id);
        update.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "close message");
    }
}

std::string Outbox::status_of(std::int64_t id) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT status FROM outbox WHERE id = ?");
        q.bind(1, id);
        return q.executeStep() ? q.getColumn(0).getString() : std::string();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read message");
    }
}

std::vector<OutboxMessage> Outbox::with_status(std::string const& status) const {
    std::vector<OutboxMessage> out;
    try {
        SQLite::Statement q(db_.connection(), std::string(columns) + "WHERE status = ? ORDER BY id");
        q.bind(1, status);
        while (q.executeStep()) out.push_back(message_of(q));
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read messages");
    }
    return out;
}

std::size_t Outbox::forget_sent_before(std::string const& before) {
    try {
        SQLite::Statement del(db_.connection(), "DELETE FROM outbox WHERE status IN ('sent', 'cancelled', 'dismissed') AND sent_at < ?");
        del.bind(1, before);
        return static_cast<std::size_t>(del.exec());
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "forget sent messages");
    }
}

std::size_t Outbox::count(std::string const& status) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT count(*) FROM outbox WHERE status = ?");
        q.bind(1, status);
        q.executeStep();
        return static_cast<std::size_t>(q.getColumn(0).getInt64());
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "count messages");
    }
}

}  // namespace superbruger::storage
