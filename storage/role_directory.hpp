// RoleDirectory: municipalities, people, their chat identities and role assignments, with an
// audit of every change. KLIK's rules that the data itself must keep (one current
// systemansvarlig per municipality and system) are enforced here; policy (who may change what,
// which roles are mandatory in a phase) lives in bot/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

struct Municipality {
    std::int64_t id = 0;
    std::string name;
    std::string kommunenummer;  ///< three digits, e.g. "370"
    int phase = 4;              ///< KOMBIT's implementation phase 1..4 for DUBU
};

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::string title;
    std::optional<std::int64_t> municipality_id;  ///< where the person works
    bool coordinator = false;                     ///< a coordinator of the superbruger network
};

struct Assignment {
    std::int64_t id = 0;
    Person person;
    Municipality municipality;
    std::string role;        ///< a role id of the role gallery, e.g. "systemansvarlig"
    std::string system = "DUBU";
    std::string valid_from;  ///< YYYY-MM-DD
    std::string valid_to;    ///< empty while current
};

/// Who changed the directory and when; every write takes one.
struct Change {
    std::string actor;  ///< e-mail of the person, or "cli:<user>" for the command line
    std::string at;     ///< UTC, ISO 8601
    std::string date;   ///< YYYY-MM-DD, the day assignments start or end
};

struct AuditEntry {
    std::string at;
    std::string actor;
    std::string action;
    std::optional<std::int64_t> person_id;
    std::string before;  ///< JSON text, empty when none
    std::string after;
};

class RoleDirectory {
public:
    explicit RoleDirectory(Database& db) : db_(db) {}

    /// Adds a municipality, or updates the one with the same kommunenummer. Returns it with its id.
    Municipality save_municipality(Municipality const& m, Change const& change);
    void set_phase(std::int64_t municipality_id, int phase, Change const& change);
    /// Links a chat tenant (Teams tenant, Slack workspace, …) to a municipality; a link that is
    /// already there changes nothing and is not audited again.
    void add_tenant(std::int64_t municipality_id, std::string const& platform, std::string const& tenant_id,
                    Change const& change);
    std::optional<Municipality> municipality(std::int64_t id) const;
    std::optional<Municipality> municipality_of_tenant(std::string const& platform, std::string const& tenant_id) const;
    /// All municipalities by name. Matching a name a person typed ("ærø", "Aeroe") is the
    /// caller's job: SQLite's NOCASE folds ASCII only.
    std::vector<Municipality> municipalities() const;

    /// Adds a person, or updates the one with the same e-mail. Returns it with its id.
    Person save_person(Person const& p, Change const& change);
    /// Links a chat identity to a person (moving it from anyone else); no-op when already linked.
    void add_identity(std::int64_t person_id, std::string const& platform, std::string const& user_id, Change const& change);
    std::optional<Person> person_with_email(std::string const& email) const;  ///< case-insensitive
    std::optional<Person> person_with_identity(std::string const& platform, std::string const& user_id) const;
    /// The person's chat identities as (platform, user id), for writing to them first.
    std::vector<std::pair<std::string, std::string>> identities_of(std::int64_t person_id) const;
    /// The municipality's tenant on a platform, or "" when none is registered.
    std::string tenant_of(std::int64_t municipality_id, std::string const& platform) const;
    /// Every tenant of the municipality as (platform, tenant id), by platform and id.
    std::vector<std::pair<std::string, std::string>> tenants_of(std::int64_t municipality_id) const;
    /// Everyone not erased, by name. As for municipalities, matching typed names is the caller's.
    std::vector<Person> people() const;

    enum class AssignMode {
        add,                    ///< StorageError{conflict} if the role allows one holder and has one
        replace_current_holder  ///< ends the current systemansvarlig's term on change.date first
    };
    /// Gives a person a role in a municipality from change.date. StorageError{conflict} when the
    /// person holds it already, or (mode add) when the municipality has its systemansvarlig.
    Assignment assign(std::int64_t person_id, std::int64_t municipality_id, std::string const& role,
                      std::string const& system, AssignMode mode, Change const& change);
    /// Ends a current assignment on change.date. StorageError{not_found} when there is none.
    void end_assignment(std::int64_t assignment_id, Change const& change);

    std::vector<Assignment> current_holders(std::int64_t municipality_id, std::string const& role,
                                            std::string const& system = "DUBU") const;
    std::vector<Assignment> current_assignments(std::int64_t municipality_id) const;
    std::vector<Assignment> assignments_of(std::int64_t person_id) const;  ///< current and ended, newest first

    /// The municipality an asker the directory does not know has told the bot they are from.
    void remember_asker(std::string const& platform, std::string const& user_id, std::int64_t municipality_id);
    std::optional<std::int64_t> asker_municipality(std::string const& platform, std::string const& user_id) const;

    /// Erasure: ends the person's assignments, removes name, e-mail, title and chat identities,
    /// and scrubs personal data from the audit, which keeps only the person's id. False when
    /// no person has that e-mail.
    bool forget(std::string const& email, Change const& change);

    std::vector<AuditEntry> audit(int limit) const;  ///< newest first
    /// The id of the newest audit entry (0 when none), and the entries after one, oldest first:
    /// what one import did, for its report.
    std::int64_t last_audit_id() const;
    std::vector<AuditEntry> audit_after(std::int64_t id) const;
    std::vector<AuditEntry> audit_of(std::int64_t person_id) const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
