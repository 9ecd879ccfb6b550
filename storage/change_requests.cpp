// ChangeRequests: SQL for the change_request tables.
#include "storage/change_requests.hpp"

#include "storage/database.hpp"
#include "storage/prepared_statement.hpp"
#include "storage/error.hpp"
#include "storage/sqlite_error.hpp"
#include "storage/write_transaction.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdio>

namespace superbruger::storage {

namespace {

constexpr char const* request_columns =
    "SELECT id, ref, title, description, area, benefit, urgency, workflow_effect, status, release, municipality_id, "
    "submitter_platform, submitter_user_id, submitter_tenant, submitter_name, created_at, updated_at FROM change_request ";

ChangeRequest request_of(SQLite::Statement& q) {
    ChangeRequest r;
    r.id = q.getColumn(0).getInt64();
    r.ref = q.getColumn(1).getString();
    r.title = q.getColumn(2).getString();
    r.description = q.getColumn(3).getString();
    r.area = q.getColumn(4).getString();
    r.benefit = q.getColumn(5).getString();
    r.urgency = q.getColumn(6).getString();
    r.workflow_effect = q.getColumn(7).getString();
    r.status = q.getColumn(8).getString();
    r.release = q.getColumn(9).getString();
    r.municipality_id = q.getColumn(10).getInt64();
    r.submitter = {q.getColumn(11).getString(), q.getColumn(12).getString(), q.getColumn(13).getString(), q.getColumn(14).getString()};
    r.created_at = q.getColumn(15).getString();
    r.updated_at = q.getColumn(16).getString();
    return r;
}

std::optional<ChangeRequest> find_where(SQLite::Database& db, std::string const& where, std::string const& value) {
    SQLite::Statement q(db, std::string(request_columns) + where);
    q.bind(1, value);
    if (q.executeStep()) return request_of(q);
    return std::nullopt;
}

}  // namespace

ChangeRequest ChangeRequests::submit(ChangeRequest request, std::string const& submit_key) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        // A retry of the same submit: the request filed the first time, not a second one.
        if (auto earlier = find_where(db, "WHERE submit_key = ?", submit_key)) {
            tx.commit();
            return *earlier;
        }
        int const year = std::stoi(request.created_at.substr(0, 4));
        SQLite::Statement next(db, "SELECT coalesce(max(seq), 0) + 1 FROM change_request WHERE year = ?");
        next.bind(1, year);
        next.executeStep();
        int const seq = next.getColumn(0).getInt();
        char ref[32];
        std::snprintf(ref, sizeof ref, "ÆØ-%04d-%04d", year, seq);
        request.ref = ref;
        request.status = "ny";
        request.updated_at = request.created_at;
        SQLite::Statement insert(db,
                                 "INSERT INTO change_request (ref, year, seq, title, description, area, benefit, urgency, "
                                 "workflow_effect, status, municipality_id, submitter_platform, submitter_user_id, "
                                 "submitter_tenant, submitter_name, submit_key, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ny', ?, ?, ?, ?, ?, ?, ?, ?)");
        int i = 1;
        insert.bind(i++, request.ref);
        insert.bind(i++, year);
        insert.bind(i++, seq);
        insert.bind(i++, request.title);
        insert.bind(i++, request.description);
        insert.bind(i++, request.area);
        insert.bind(i++, request.benefit);
        insert.bind(i++, request.urgency);
        insert.bind(i++, request.workflow_effect);
        insert.bind(i++, request.municipality_id);
        insert.bind(i++, request.submitter.platform);
        insert.bind(i++, request.submitter.user_id);
        insert.bind(i++, request.submitter.tenant);
        insert.bind(i++, request.submitter.name);
        insert.bind(i++, submit_key);
        insert.bind(i++, request.created_at);
        insert.bind(i++, request.created_at);
        insert.exec();
        request.id = db.getLastInsertRowid();
        SQLite::Statement history(db,
                                  "INSERT INTO change_request_status (request_id, at, actor, from_status, to_status, comment) "
                                  "VALUES (?, ?, ?, '', 'ny', '')");
        history.bind(1, request.id);
        history.bind(2, request.created_at);
        history.bind(3, request.submitter.name);
        history.exec();
        tx.commit();
        return request;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "file change request");
    }
}

std::optional<ChangeRequest> ChangeRequests::find(std::string const& ref) const {
    try {
        return find_where(db_.connection(), "WHERE ref = ?", ref);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read change request");
    }
}

std::vector<ChangeRequest> ChangeRequests::list(RequestFilter const& f) const {
    std::vector<ChangeRequest> out;
    try {
        std::string where = "WHERE 1 = 1";
        if (f.municipality_id) {
            where += " AND (municipality_id = :m OR id IN (SELECT request_id FROM change_request_supporter WHERE municipality_id = :m))";
        }
        if (f.submitter_user_id) where += " AND submitter_platform = :p AND submitter_user_id = :u";
        if (f.status) where += " AND status = :s";
        SQLite::Statement q(db_.connection(), std::string(request_columns) + where + " ORDER BY year, seq");
        if (f.municipality_id) q.bind(":m", *f.municipality_id);
        if (f.submitter_user_id) {
            q.bind(":p", f.submitter_platform);
            q.bind(":u", *f.submitter_user_id);
        }
        if (f.status) q.bind(":s", *f.status);
        while (q.executeStep()) out.push_back(request_of(q));
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "list change requests");
    }
    return out;
}

bool ChangeRequests::support(std::int64_t request_id, Supporter const& s) {
    try {
        SQLite::Statement insert(db_.connection(),
                                 "INSERT OR IGNORE INTO change_request_supporter (request_id, municipality_id, platform, user_id, "
                                 "tenant, name, supported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, request_id);
        insert.bind(2, s.municipality_id);
        insert.bind(3, s.person.platform);
        insert.bind(4, s.person.user_id);
        insert.bind(5, s.person.tenant);
        insert.bind(6, s.person.name);
        insert.bind(7, s.supported_at);
        return insert.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "support change request");
    }
}

std::vector<Supporter> ChangeRequests::supporters(std::int64_t request_id) const {
    std::vector<Supporter> out;
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT municipality_id, platform, user_id, tenant, name, supported_at FROM change_request_supporter "
                            "WHERE request_id = ? ORDER BY supported_at");
        q.bind(1, request_id);
        while (q.executeStep()) {
            out.push_back({q.getColumn(0).getInt64(),
                           {q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(), q.getColumn(4).getString()},
                           q.getColumn(5).getString()});
        }
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read supporters");
    }
    return out;
}

namespace {

void insert_history(SQLite::Database& db, std::int64_t request_id, StatusChange const& line) {
    SQLite::Statement history(db,
                              "INSERT INTO change_request_status (request_id, at, actor, from_status, to_status, comment, kind) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)");
    history.bind(1, request_id);
    history.bind(2, line.at);
    history.bind(3, line.actor);
    history.bind(4, line.from);
    history.bind(5, line.to);
    history.bind(6, line.comment);
    history.bind(7, line.kind);
    history.exec();
}

std::string status_of(SQLite::Database& db, std::int64_t request_id) {
    SQLite::Statement current(db, "SELECT status FROM change_request WHERE id = ?");
    current.bind(1, request_id);
    if (!current.executeStep()) throw StorageError(StorageError::Kind::not_found, "no change request with id " + std::to_string(request_id));
    return current.getColumn(0).getString();
}

}  // namespace

void ChangeRequests::set_status(std::int64_t request_id, std::string const& to, std::string const& actor, std::string const& comment,
                                std::string const& release, std::string const& at, std::string const& kind) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto const from = status_of(db, request_id);
        SQLite::Statement update(db, "UPDATE change_request SET status = ?, release = CASE WHEN ? = '' THEN release ELSE ? END, "
                                     "updated_at = ? WHERE id = ?");
        update.bind(1, to);
        update.bind(2, release);
        update.bind(3, release);
        update.bind(4, at);
        update.bind(5, request_id);
        update.exec();
        insert_history(db, request_id, {at, actor, from, to, comment, kind});
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "change request status");
    }
}

void ChangeRequests::correct_status(std::int64_t request_id, std::string const& to, std::string const& release, std::string const& actor,
                                    std::string const& reason, std::string const& at) {
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto const from = status_of(db, request_id);
        SQLite::Statement update(db, "UPDATE change_request SET status = ?, release = ?, updated_at = ? WHERE id = ?");
        update.bind(1, to);
        update.bind(2, release);
        update.bind(3, at);
        update.bind(4, request_id);
        update.exec();
        insert_history(db, request_id, {at, actor, from, to, reason, "correction"});
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "correct change request status");
    }
}

void ChangeRequests::edit_field(std::int64_t request_id, std::string const& field, std::string const& value, std::string const& actor,
                                std::string const& comment, std::string const& at) {
    static std::vector<std::string> const editable = {"title", "description", "area", "benefit", "urgency", "workflow_effect"};
    if (std::find(editable.begin(), editable.end(), field) == editable.end()) {
        throw StorageError(StorageError::Kind::conflict, "change request field " + field + " cannot be edited");
    }
    auto& db = db_.connection();
    try {
        WriteTransaction tx(db_);
        auto const status = status_of(db, request_id);
        // The column name comes from the list above, never from the user.
        SQLite::Statement update(db, "UPDATE change_request SET " + field + " = ?, updated_at = ? WHERE id = ?");
        update.bind(1, value);
        update.bind(2, at);
        update.bind(3, request_id);
        update.exec();
        insert_history(db, request_id, {at, actor, status, status, comment, "edit"});
        tx.commit();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "edit change request");
    }
}

bool ChangeRequests::remove_support(std::int64_t request_id, std::int64_t municipality_id) {
    try {
        SQLite::Statement remove(db_.connection(), "DELETE FROM change_request_supporter WHERE request_id = ? AND municipality_id = ?");
        remove.bind(1, request_id);
        remove.bind(2, municipality_id);
        return remove.exec() == 1;
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "remove change request support");
    }
}

void ChangeRequests::note(std::int64_t request_id, StatusChange const& line) {
    try {
        insert_history(db_.connection(), request_id, line);
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "change request history");
    }
}

std::vector<StatusChange> ChangeRequests::history(std::int64_t request_id) const {
    std::vector<StatusChange> out;
    try {
        SQLite::Statement q(db_.connection(),
                            "SELECT at, actor, from_status, to_status, comment, kind FROM change_request_status WHERE request_id = ? ORDER BY id");
        q.bind(1, request_id);
        while (q.executeStep()) {
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
        }
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read status history");
    }
    return out;
}

void ChangeRequests::save_draft(Draft const& d) {
    try {
        SQLite::Statement upsert(db_.connection(),
                                 "INSERT INTO change_request_draft (platform, user_id, step, fields, updated_at) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (platform, user_id) DO UPDATE SET step = excluded.step, fields = excluded.fields, "
                                 "updated_at = excluded.updated_at");
        upsert.bind(1, d.platform);
        upsert.bind(2, d.user_id);
        upsert.bind(3, d.step);
        upsert.bind(4, d.fields);
        upsert.bind(5, d.updated_at);
        upsert.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "save draft");
    }
}

std::optional<Draft> ChangeRequests::draft(std::string const& platform, std::string const& user_id) const {
    try {
        // Read for every message (is a dialog under way?): a prepared statement.
        PreparedStatement q(db_, "SELECT step, fields, updated_at FROM change_request_draft WHERE platform = ? AND user_id = ?");
        q->bind(1, platform);
        q->bind(2, user_id);
        if (!q->executeStep()) return std::nullopt;
        return Draft{platform, user_id, q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString()};
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "read draft");
    }
}

void ChangeRequests::delete_draft(std::string const& platform, std::string const& user_id) {
    try {
        SQLite::Statement del(db_.connection(), "DELETE FROM change_request_draft WHERE platform = ? AND user_id = ?");
        del.bind(1, platform);
        del.bind(2, user_id);
        del.exec();
    } catch (SQLite::Exception const& e) {
        throw from_sqlite(e, "delete draft");
    }
}

}  // namespace superbruger::storage
