// RoleDirectory: SQL for the directory tables. Audit texts are built by SQLite's json_object,
// so the storage layer needs no JSON library and the texts are always valid JSON.
#include "storage/role_directory.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace superbruger::storage {

namespace {

constexpr char const* assignment_select =
    "SELECT a.id, p.id, coalesce(p.name, ''), coalesce(p.email, ''), coalesce(p.title, ''), p.municipality_id, "
    "p.coordinator, m.id, m.name, m.kommunenummer, m.phase, a.role, a.system, a.valid_from, coalesce(a.valid_to, '') "
    "FROM role_assignment a JOIN person p ON p.id = a.person_id JOIN municipality m ON m.id = a.municipality_id ";

constexpr char const* person_select =
    "SELECT id, coalesce(name, ''), coalesce(email, ''), coalesce(title, ''), municipality_id, coordinator FROM person ";

constexpr char const* municipality_select = "SELECT id, name, kommunenummer, phase FROM municipality ";

Person person_at(SQLite::Statement& q, int col) {
    Person p;
    p.id = q.getColumn(col).getInt64();
    p.name = q.getColumn(col + 1).getString();
    p.email = q.getColumn(col + 2).getString();
    p.title = q.getColumn(col + 3).getString();
    if (!q.getColumn(col + 4).isNull()) p.municipality_id = q.getColumn(col + 4).getInt64();
    p.coordinator = q.getColumn(col + 5).getInt() != 0;
    return p;
}

Municipality municipality_at(SQLite::Statement& q, int col) {
    return {q.getColumn(col).getInt64(), q.getColumn(col + 1).getString(), q.getColumn(col + 2).getString(),
            q.getColumn(col + 3).getInt()};
}

Assignment assignment_at(SQLite::Statement& q) {
    Assignment a;
    a.id = q.getColumn(0).getInt64();
    a.person = person_at(q, 1);
    a.municipality = municipality_at(q, 7);
    a.role = q.getColumn(11).getString();
    a.system = q.getColumn(12).getString();
    a.valid_from = q.getColumn(13).getString();
    a.valid_to = q.getColumn(14).getString();
    return a;
}

std::vector<Assignment> assignments(SQLite::Statement& q) {
    std::vector<Assignment> out;
    while (q.executeStep()) out.push_back(assignment_at(q));
    return out;
}

/// One row as JSON text, or "" when the query finds none.
std::string json_row(SQLite::Database& db, char const* sql, std::int64_t id) {
    SQLite::Statement q(db, sql);
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::string assignment_json(SQLite::Database& db, std::int64_t id) {
    return json_row(db,
                    "SELECT json_object('assignment', a.id, 'person', a.person_id, 'name', p.name, 'municipality', m.name, "
                    "'role', a.role, 'system', a.system, 'from', a.valid_from, 'to', a.valid_to) "
                    "FROM role_assignment a JOIN person p ON p.id = a.person_id JOIN municipality m ON m.id = a.municipality_id "
                    "WHERE a.id = ?",
                    id);
}

std::string person_json(SQLite::Database& db, std::int64_t id) {
    return json_row(db,
                    "SELECT json_object('person', p.id, 'name', p.name, 'email', p.email, 'title', p.title, "
                    "'municipality', m.name, 'coordinator', p.coordinator) "
                    "FROM person p LEFT JOIN municipality m ON m.id = p.municipality_id WHERE p.id = ?",
                    id);
}

std::string municipality_json(SQLite::Database& db, std::int64_t id) {
    return json_row(db,
                    "SELECT json_object('municipality', id, 'name', name, 'kommunenummer', kommunenummer, 'phase', phase) "
                    "FROM municipality WHERE id = ?",
                    id);
}

void write_audit(SQLite::Database& db, Change const& change, char const* action, std::optional<std::int64_t> person_id,
                 std::string const& before, std::string const& after) {
    SQLite::Statement q(db, "INSERT INTO directory_audit (at, actor, action, person_id, before, after) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, change.at);
    q.bind(2, change.actor);
    q.bind(3, action);
    if (person_id) q.bind(4, *person_id);
    if (!before.empty()) q.bind(5, before);
    if (!after.empty()) q.bind(6, after);
    q.exec();
}

std::vector<AuditEntry> audit_entries(SQLite::Statement& q) {
    std::vector<AuditEntry> out;
    while (q.executeStep()) {
        AuditEntry e{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), std::nullopt,
                     q.getColumn(4).getString(), q.getColumn(5).getString()};
        if (!q.getColumn(3).isNull()) e.person_id = q.getColumn(3).getInt64();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

Municipality RoleDirectory::save_municipality(Municipality const& m, Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        SQLite::Statement find(db, "SELECT id FROM municipality WHERE kommunenummer = ?");
        find.bind(1, m.kommunenummer);
        std::optional<std::int64_t> id;
        if (find.executeStep()) id = find.getColumn(0).getInt64();
        auto const before = id ? municipality_json(db, *id) : std::string();
        if (id) {
            SQLite::Statement update(db, "UPDATE municipality SET name = ?, phase = ? WHERE id = ?");
            update.bind(1, m.name);
            update.bind(2, m.phase);
            update.bind(3, *id);
            update.exec();
        } else {
            SQLite::Statement insert(db, "INSERT INTO municipality (name, kommunenummer, phase) VALUES (?, ?, ?)");
            insert.bind(1, m.name);
            insert.bind(2, m.kommunenummer);
            insert.bind(3, m.phase);
            insert.exec();
            id = db.getLastInsertRowid();
        }
        auto const after = municipality_json(db, *id);
        if (before != after) write_audit(db, change, "save_municipality", std::nullopt, before, after);
        tx.commit();
        return {*id, m.name, m.kommunenummer, m.phase};
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "save municipality " + m.name);
    }
}

void RoleDirectory::set_phase(std::int64_t municipality_id, int phase, Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto const before = municipality_json(db, municipality_id);
        if (before.empty()) throw StorageError(StorageError::Kind::not_found, "no municipality with id " + std::to_string(municipality_id));
        SQLite::Statement update(db, "UPDATE municipality SET phase = ? WHERE id = ?");
        update.bind(1, phase);
        update.bind(2, municipality_id);
        update.exec();
        write_audit(db, change, "set_phase", std::nullopt, before, municipality_json(db, municipality_id));
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "set phase");
    }
}

void RoleDirectory::add_tenant(std::int64_t municipality_id, std::string const& platform, std::string const& tenant_id,
                               Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        SQLite::Statement held(db, "SELECT 1 FROM municipality_tenant WHERE municipality_id = ? AND platform = ? AND tenant_id = ?");
        held.bind(1, municipality_id);
        held.bind(2, platform);
        held.bind(3, tenant_id);
        if (held.executeStep()) return;
        SQLite::Statement insert(db,
                                 "INSERT INTO municipality_tenant (municipality_id, platform, tenant_id) VALUES (?, ?, ?) "
                                 "ON CONFLICT (platform, tenant_id) DO UPDATE SET municipality_id = excluded.municipality_id");
        insert.bind(1, municipality_id);
        insert.bind(2, platform);
        insert.bind(3, tenant_id);
        insert.exec();
        SQLite::Statement after(db, "SELECT json_object('municipality', id, 'name', name, 'platform', ?, 'tenant', ?) FROM municipality WHERE id = ?");
        after.bind(1, platform);
        after.bind(2, tenant_id);
        after.bind(3, municipality_id);
        after.executeStep();
        write_audit(db, change, "add_tenant", std::nullopt, "", after.getColumn(0).getString());
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "add tenant");
    }
}

std::optional<Municipality> RoleDirectory::municipality(std::int64_t id) const {
    try {
        SQLite::Statement q(db_.connection(), std::string(municipality_select) + "WHERE id = ?");
        q.bind(1, id);
        if (q.executeStep()) return municipality_at(q, 0);
        return std::nullopt;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read municipality");
    }
}

std::optional<Municipality> RoleDirectory::municipality_of_tenant(std::string const& platform, std::string const& tenant_id) const {
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT m.id, m.name, m.kommunenummer, m.phase FROM municipality m "
                            "JOIN municipality_tenant t ON t.municipality_id = m.id WHERE t.platform = ? AND t.tenant_id = ?");
        q.bind(1, platform);
        q.bind(2, tenant_id);
        if (q.executeStep()) return municipality_at(q, 0);
        return std::nullopt;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read municipality");
    }
}

std::vector<std::pair<std::string, std::string>> RoleDirectory::identities_of(std::int64_t person_id) const {
    std::vector<std::pair<std::string, std::string>> out;
    try {
        SQLite::Statement q(db_.connection(), "SELECT platform, user_id FROM person_identity WHERE person_id = ? ORDER BY platform, user_id");
        q.bind(1, person_id);
        while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read identities");
    }
    return out;
}

std::string RoleDirectory::tenant_of(std::int64_t municipality_id, std::string const& platform) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT tenant_id FROM municipality_tenant WHERE municipality_id = ? AND platform = ? LIMIT 1");
        q.bind(1, municipality_id);
        q.bind(2, platform);
        return q.executeStep() ? q.getColumn(0).getString() : std::string();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read tenant");
    }
}

std::vector<std::pair<std::string, std::string>> RoleDirectory::tenants_of(std::int64_t municipality_id) const {
    std::vector<std::pair<std::string, std::string>> out;
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT platform, tenant_id FROM municipality_tenant WHERE municipality_id = ? ORDER BY platform, tenant_id");
        q.bind(1, municipality_id);
        while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read tenants");
    }
    return out;
}

std::vector<Municipality> RoleDirectory::municipalities() const {
    try {
        SQLite::Statement q(db_.connection(), std::string(municipality_select) + "ORDER BY name");
        std::vector<Municipality> out;
        while (q.executeStep()) out.push_back(municipality_at(q, 0));
        return out;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read municipalities");
    }
}

Person RoleDirectory::save_person(Person const& p, Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto existing = person_with_email(p.email);
        auto const before = existing ? person_json(db, existing->id) : std::string();
        std::int64_t id = 0;
        if (existing) {
            id = existing->id;
            SQLite::Statement update(db, "UPDATE person SET name = ?, title = ?, municipality_id = ?, coordinator = ? WHERE id = ?");
            update.bind(1, p.name);
            update.bind(2, p.title);
            if (p.municipality_id) update.bind(3, *p.municipality_id);
            update.bind(4, p.coordinator ? 1 : 0);
            update.bind(5, id);
            update.exec();
        } else {
            SQLite::Statement insert(db, "INSERT INTO person (name, email, title, municipality_id, coordinator) VALUES (?, ?, ?, ?, ?)");
            insert.bind(1, p.name);
            insert.bind(2, p.email);
            insert.bind(3, p.title);
            if (p.municipality_id) insert.bind(4, *p.municipality_id);
            insert.bind(5, p.coordinator ? 1 : 0);
            insert.exec();
            id = db.getLastInsertRowid();
        }
        auto const after = person_json(db, id);
        if (before != after) write_audit(db, change, "save_person", id, before, after);
        tx.commit();
        auto saved = p;
        saved.id = id;
        return saved;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "save person " + p.email);
    }
}

void RoleDirectory::add_identity(std::int64_t person_id, std::string const& platform, std::string const& user_id,
                                 Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        SQLite::Statement held(db, "SELECT 1 FROM person_identity WHERE person_id = ? AND platform = ? AND user_id = ?");
        held.bind(1, person_id);
        held.bind(2, platform);
        held.bind(3, user_id);
        if (held.executeStep()) return;
        SQLite::Statement insert(db,
                                 "INSERT INTO person_identity (person_id, platform, user_id) VALUES (?, ?, ?) "
                                 "ON CONFLICT (platform, user_id) DO UPDATE SET person_id = excluded.person_id");
        SQLite::Statement previous(db, "SELECT json_object('person', person_id) FROM person_identity WHERE platform = ? AND user_id = ?");
        previous.bind(1, platform);
        previous.bind(2, user_id);
        auto const before = previous.executeStep() ? previous.getColumn(0).getString() : std::string();
        insert.bind(1, person_id);
        insert.bind(2, platform);
        insert.bind(3, user_id);
        insert.exec();
        SQLite::Statement after(db,
                                "SELECT json_object('person', p.id, 'name', p.name, 'municipality', m.name, 'platform', ?, 'user_id', ?) "
                                "FROM person p LEFT JOIN municipality m ON m.id = p.municipality_id WHERE p.id = ?");
        after.bind(1, platform);
        after.bind(2, user_id);
        after.bind(3, person_id);
        after.executeStep();
        write_audit(db, change, "add_identity", person_id, before, after.getColumn(0).getString());
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "add chat identity");
    }
}

std::optional<Person> RoleDirectory::person_with_email(std::string const& email) const {
    try {
        SQLite::Statement q(db_.connection(), std::string(person_select) + "WHERE email = ? COLLATE NOCASE");
        q.bind(1, email);
        if (q.executeStep()) return person_at(q, 0);
        return std::nullopt;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read person");
    }
}

std::optional<Person> RoleDirectory::person_with_identity(std::string const& platform, std::string const& user_id) const {
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT p.id, coalesce(p.name, ''), coalesce(p.email, ''), coalesce(p.title, ''), p.municipality_id, "
                            "p.coordinator FROM person p JOIN person_identity i ON i.person_id = p.id "
                            "WHERE i.platform = ? AND i.user_id = ?");
        q.bind(1, platform);
        q.bind(2, user_id);
        if (q.executeStep()) return person_at(q, 0);
        return std::nullopt;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read person");
    }
}

std::vector<Person> RoleDirectory::people() const {
    try {
        SQLite::Statement q(db_.connection(), std::string(person_select) + "WHERE erased_at IS NULL ORDER BY name, id");
        std::vector<Person> out;
        while (q.executeStep()) out.push_back(person_at(q, 0));
        return out;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read people");
    }
}

Assignment RoleDirectory::assign(std::int64_t person_id, std::int64_t municipality_id, std::string const& role,
                                 std::string const& system, AssignMode mode, Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        for (auto const& held : current_holders(municipality_id, role, system)) {
            if (held.person.id == person_id) {
                throw StorageError(StorageError::Kind::conflict, held.person.name + " is already " + role + " in " +
                                                                     held.municipality.name);
            }
            if (mode == AssignMode::replace_current_holder && role == "systemansvarlig") {
                end_assignment(held.id, change);
            }
        }
        SQLite::Statement insert(db,
                                 "INSERT INTO role_assignment (person_id, municipality_id, role, system, valid_from) "
                                 "VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, person_id);
        insert.bind(2, municipality_id);
        insert.bind(3, role);
        insert.bind(4, system);
        insert.bind(5, change.date);
        insert.exec();
        auto const id = db.getLastInsertRowid();
        write_audit(db, change, "assign", person_id, "", assignment_json(db, id));
        SQLite::Statement q(db, std::string(assignment_select) + "WHERE a.id = ?");
        q.bind(1, id);
        q.executeStep();
        auto result = assignment_at(q);
        tx.commit();
        return result;
    } catch (SQLite::Exception const& e) {
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
            throw StorageError(StorageError::Kind::conflict, "the municipality already has a systemansvarlig for " + system);
        }
        throw from_sqlite(e, "assign role " + role);
    }
}

void RoleDirectory::end_assignment(std::int64_t assignment_id, Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto const before = assignment_json(db, assignment_id);
        SQLite::Statement update(db, "UPDATE role_assignment SET valid_to = max(valid_from, ?) WHERE id = ? AND valid_to IS NULL");
        update.bind(1, change.date);
        update.bind(2, assignment_id);
        if (update.exec() == 0) {
            throw StorageError(StorageError::Kind::not_found, "no current assignment with id " + std::to_string(assignment_id));
        }
        SQLite::Statement who(db, "SELECT person_id FROM role_assignment WHERE id = ?");
        who.bind(1, assignment_id);
        who.executeStep();
        write_audit(db, change, "end_assignment", who.getColumn(0).getInt64(), before, assignment_json(db, assignment_id));
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "end assignment");
    }
}

std::vector<Assignment> RoleDirectory::current_holders(std::int64_t municipality_id, std::string const& role,
                                                       std::string const& system) const {
    try {
        SQLite::Statement q(db_.connection(), std::string(assignment_select) +
                                                  "WHERE a.municipality_id = ? AND a.role = ? AND a.system = ? AND a.valid_to IS NULL "
                                                  "ORDER BY a.valid_from, a.id");
        q.bind(1, municipality_id);
        q.bind(2, role);
        q.bind(3, system);
        return assignments(q);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read role holders");
    }
}

std::vector<Assignment> RoleDirectory::current_assignments(std::int64_t municipality_id) const {
    try {
        SQLite::Statement q(db_.connection(), std::string(assignment_select) +
                                                  "WHERE a.municipality_id = ? AND a.valid_to IS NULL ORDER BY a.role, a.id");
        q.bind(1, municipality_id);
        return assignments(q);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read assignments");
    }
}

std::vector<Assignment> RoleDirectory::assignments_of(std::int64_t person_id) const {
    try {
        SQLite::Statement q(db_.connection(), std::string(assignment_select) +
                                                  "WHERE a.person_id = ? ORDER BY a.valid_to IS NOT NULL, a.valid_from DESC, a.id DESC");
        q.bind(1, person_id);
        return assignments(q);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read assignments");
    }
}

void RoleDirectory::remember_asker(std::string const& platform, std::string const& user_id, std::int64_t municipality_id) {
    try {
        SQLite::Statement q(db_.connection(),
                            "INSERT INTO asker_municipality (platform, user_id, municipality_id) VALUES (?, ?, ?) "
                            "ON CONFLICT (platform, user_id) DO UPDATE SET municipality_id = excluded.municipality_id");
        q.bind(1, platform);
        q.bind(2, user_id);
        q.bind(3, municipality_id);
        q.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "remember municipality");
    }
}

std::optional<std::int64_t> RoleDirectory::asker_municipality(std::string const& platform, std::string const& user_id) const {
    try {
        SQLite::Statement q(db_.connection(), "SELECT municipality_id FROM asker_municipality WHERE platform = ? AND user_id = ?");
        q.bind(1, platform);
        q.bind(2, user_id);
        if (q.executeStep()) return q.getColumn(0).getInt64();
        return std::nullopt;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read municipality");
    }
}

namespace {

/// Everything kept under the person's chat ids: the ids in the directory, and the other ids
/// their stored 1:1 chats pair with those (Teams: "29:…" beside the Entra object id).
void forget_chat_traces(SQLite::Database& db, std::int64_t person_id) {
    db.exec("DROP TABLE IF EXISTS temp.forget_ids");
    SQLite::Statement ids(db,
                          "CREATE TEMP TABLE forget_ids AS "
                          "SELECT platform, user_id FROM person_identity WHERE person_id = ?1 "
                          "UNION SELECT c.platform, c.user_id FROM conversation c JOIN person_identity i "
                          "  ON c.platform = i.platform AND c.user_alias = i.user_id WHERE i.person_id = ?1 AND c.kind = 'personal' "
                          "UNION SELECT c.platform, c.user_alias FROM conversation c JOIN person_identity i "
                          "  ON c.platform = i.platform AND c.user_id = i.user_id WHERE i.person_id = ?1 AND c.kind = 'personal' "
                          "  AND c.user_alias != ''");
    ids.bind(1, person_id);
    ids.exec();
    for (auto const* sql : {"DELETE FROM asker_municipality WHERE (platform, user_id) IN (SELECT platform, user_id FROM forget_ids)",
                            "DELETE FROM reminder_mute WHERE (platform, user_id) IN (SELECT platform, user_id FROM forget_ids)",
                            "DELETE FROM change_request_draft WHERE (platform, user_id) IN (SELECT platform, user_id FROM forget_ids)",
                            "DELETE FROM hand_off WHERE (platform, asker_user_id) IN (SELECT platform, user_id FROM forget_ids)",
                            "DELETE FROM outbox WHERE (platform, recipient) IN (SELECT platform, user_id FROM forget_ids)",
                            "DELETE FROM conversation WHERE kind = 'personal' AND ((platform, user_id) IN (SELECT platform, user_id FROM forget_ids) "
                            "  OR (platform, user_alias) IN (SELECT platform, user_id FROM forget_ids))",
                            "DROP TABLE forget_ids"}) {
        db.exec(sql);
    }
}

}  // namespace

bool RoleDirectory::forget(std::string const& email, Change const& change) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto const person = person_with_email(email);
        if (!person) return false;
        for (auto const& a : assignments_of(person->id)) {
            if (a.valid_to.empty()) end_assignment(a.id, change);
        }
        forget_chat_traces(db, person->id);
        SQLite::Statement identities(db, "DELETE FROM person_identity WHERE person_id = ?");
        identities.bind(1, person->id);
        identities.exec();
        SQLite::Statement erase(db, "UPDATE person SET name = NULL, email = NULL, title = NULL, coordinator = 0, erased_at = ? WHERE id = ?");
        erase.bind(1, change.at);
        erase.bind(2, person->id);
        erase.exec();
        // The audit keeps that something happened to person N, not what it said about them.
        SQLite::Statement scrub(db, "UPDATE directory_audit SET before = NULL, after = NULL WHERE person_id = ?");
        scrub.bind(1, person->id);
        scrub.exec();
        write_audit(db, change, "forget", person->id, "", "");
        tx.commit();
        return true;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "forget person");
    }
}

std::vector<AuditEntry> RoleDirectory::audit(int limit) const {
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT at, actor, action, person_id, coalesce(before, ''), coalesce(after, '') FROM directory_audit "
                            "ORDER BY id DESC LIMIT ?");
        q.bind(1, limit);
        return audit_entries(q);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read audit");
    }
}

std::int64_t RoleDirectory::last_audit_id() const {
    try {
        return db_.connection().execAndGet("SELECT coalesce(max(id), 0) FROM directory_audit").getInt64();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read audit");
    }
}

std::vector<AuditEntry> RoleDirectory::audit_after(std::int64_t id) const {
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT at, actor, action, person_id, coalesce(before, ''), coalesce(after, '') FROM directory_audit "
                            "WHERE id > ? ORDER BY id");
        q.bind(1, id);
        return audit_entries(q);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read audit");
    }
}

std::vector<AuditEntry> RoleDirectory::audit_of(std::int64_t person_id) const {
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT at, actor, action, person_id, coalesce(before, ''), coalesce(after, '') FROM directory_audit "
                            "WHERE person_id = ? ORDER BY id");
        q.bind(1, person_id);
        return audit_entries(q);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read audit");
    }
}

}  // namespace superbruger::storage
