// ConversationStore: SQL for the conversation and processed_activity tables.
#include "storage/conversation_store.hpp"

#include "storage/database.hpp"
#include "storage/error.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

namespace {

StoredConversation row_of(SQLite::Statement& q) {
    return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
            q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(6).getString(), q.getColumn(7).getString()};
}

constexpr char const* columns = "SELECT platform, conversation_id, kind, user_id, user_alias, tenant_id, address, updated_at FROM conversation ";

std::optional<StoredConversation> first(SQLite::Database& db, std::string const& sql, std::string const& a, std::string const& b,
                                        char const* doing) {
    try {
        SQLite::Statement q(db, std::string(columns) + sql);
        q.bind(1, a);
        q.bind(2, b);
        if (q.executeStep()) return row_of(q);
        return std::nullopt;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, doing);
    }
}

}  // namespace

void ConversationStore::remember(StoredConversation const& c) {
    if (c.platform.empty() || c.conversation_id.empty() || c.address.empty()) {
        throw StorageError(StorageError::Kind::conflict, "a conversation needs a platform, an id and an address");
    }
    try {
        SQLite::Statement upsert(db_.connection(),
                                 "INSERT INTO conversation (platform, conversation_id, kind, user_id, user_alias, tenant_id, address, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, conversation_id) DO UPDATE SET "
                                 "kind = excluded.kind, user_id = excluded.user_id, user_alias = excluded.user_alias, "
                                 "tenant_id = excluded.tenant_id, "
                                 "address = excluded.address, updated_at = excluded.updated_at");
        upsert.bind(1, c.platform);
        upsert.bind(2, c.conversation_id);
        upsert.bind(3, c.kind);
        upsert.bind(4, c.user_id);
        upsert.bind(5, c.user_alias);
        upsert.bind(6, c.tenant_id);
        upsert.bind(7, c.address);
        upsert.bind(8, c.updated_at);
        upsert.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "remember conversation");
    }
}

bool ConversationStore::forget(std::string const& platform, std::string const& conversation_id) {
    try {
        SQLite::Statement del(db_.connection(), "DELETE FROM conversation WHERE platform = ? AND conversation_id = ?");
        del.bind(1, platform);
        del.bind(2, conversation_id);
        return del.exec() > 0;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "forget conversation");
    }
}

std::optional<StoredConversation> ConversationStore::find(std::string const& platform, std::string const& conversation_id) const {
    return first(db_.connection(), "WHERE platform = ? AND conversation_id = ?", platform, conversation_id, "read conversation");
}

std::optional<StoredConversation> ConversationStore::personal_chat(std::string const& platform, std::string const& user) const {
    if (user.empty()) return std::nullopt;
    return first(db_.connection(),
                 "WHERE platform = ?1 AND kind = 'personal' AND (user_id = ?2 OR user_alias = ?2) ORDER BY updated_at DESC LIMIT 1",
                 platform, user, "read personal chat");
}

std::optional<StoredConversation> ConversationStore::any_in_tenant(std::string const& platform, std::string const& tenant_id) const {
    return first(db_.connection(), "WHERE platform = ? AND tenant_id = ? ORDER BY updated_at DESC LIMIT 1", platform, tenant_id,
                 "read tenant conversation");
}

std::vector<std::string> ConversationStore::recent_activities(std::string const& platform, std::string const& since, int limit) const {
    std::vector<std::string> out;
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT activity_id FROM processed_activity WHERE platform = ? AND received_at >= ? "
                            "ORDER BY received_at DESC LIMIT ?");
        q.bind(1, platform);
        q.bind(2, since);
        q.bind(3, limit);
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read activity ids");
    }
    return out;
}

void ConversationStore::record_activities(std::string const& platform, std::vector<std::pair<std::string, std::string>> const& ids,
                                          std::string const& forget_before) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        SQLite::Statement insert(db, "INSERT OR IGNORE INTO processed_activity (platform, activity_id, received_at) VALUES (?, ?, ?)");
        for (auto const& [id, at] : ids) {
            insert.bind(1, platform);
            insert.bind(2, id);
            insert.bind(3, at);
            insert.exec();
            insert.reset();
        }
        SQLite::Statement prune(db, "DELETE FROM processed_activity WHERE received_at < ?");
        prune.bind(1, forget_before);
        prune.exec();
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "record activity ids");
    }
}

}  // namespace superbruger::storage
