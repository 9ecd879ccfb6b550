// ChangeRequests: ændringsønsker with a human-friendly id (ÆØ-2026-0042), the municipalities
// supporting them, their status history, and the intake dialog's drafts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

/// Someone in chat, as far as notifications need to reach them again.
struct ChatIdentity {
    std::string platform;
    std::string user_id;
    std::string tenant;
    std::string name;
};

struct ChangeRequest {
    std::int64_t id = 0;
    std::string ref;  ///< ÆØ-YYYY-NNNN
    std::string title;
    std::string description;
    std::string area;
    std::string benefit;
    std::string urgency;  ///< lav, middel, høj
    std::string workflow_effect;
    std::string status = "ny";
    std::string release;  ///< set when implemented
    std::int64_t municipality_id = 0;
    ChatIdentity submitter;
    std::string created_at;
    std::string updated_at;
};

struct Supporter {
    std::int64_t municipality_id = 0;
    ChatIdentity person;
    std::string supported_at;
};

/// One line of a request's history. `kind` says what happened: "status" (a move), "edit" (a
/// field changed; the comment says which and how), "support" / "support_removed" (the comment
/// names the municipality), "withdrawn", "correction" (a coordinator put a move right; the
/// comment is the reason). `from` and `to` are the statuses before and after.
struct StatusChange {
    std::string at;
    std::string actor;
    std::string from;
    std::string to;
    std::string comment;
    std::string kind = "status";
};

struct RequestFilter {
    std::optional<std::int64_t> municipality_id;   ///< submitted by it or supported by it
    std::optional<std::string> submitter_user_id;  ///< with submitter_platform
    std::string submitter_platform;
    std::optional<std::string> status;
};

struct Draft {
    std::string platform;
    std::string user_id;
    std::string step;
    std::string fields;  ///< JSON object
    std::string updated_at;
};

class ChangeRequests {
public:
    explicit ChangeRequests(Database& db) : db_(db) {}

    /// Files a request: numbers it within the year of `request.created_at`, records the
    /// "ny" status, and returns it. A second call with the same `submit_key` (a platform retry)
    /// returns the request the first call filed, unchanged. Throws StorageError{conflict} for
    /// fields the schema refuses (empty, too long, unknown urgency or municipality).
    ChangeRequest submit(ChangeRequest request, std::string const& submit_key);

    std::optional<ChangeRequest> find(std::string const& ref) const;
    std::vector<ChangeRequest> list(RequestFilter const& filter) const;
    std::vector<ChangeRequest> all() const { return list({}); }

    /// Adds the municipality as a supporter; false when it already supports the request.
    bool support(std::int64_t request_id, Supporter const& supporter);
    std::vector<Supporter> supporters(std::int64_t request_id) const;

    /// Moves the request to `to` and appends the history line; `release` is stored when given.
    void set_status(std::int64_t request_id, std::string const& to, std::string const& actor, std::string const& comment,
                    std::string const& release, std::string const& at, std::string const& kind = "status");
    /// A coordinator's correction: the status and the release exactly as given (an empty release
    /// clears it), with the reason in the history.
    void correct_status(std::int64_t request_id, std::string const& to, std::string const& release, std::string const& actor,
                        std::string const& reason, std::string const& at);
    /// Changes one field ("title", "description", "area", "benefit", "urgency", "workflow_effect")
    /// and records the edit in the history. Throws StorageError{conflict} for a value the schema
    /// refuses and for an unknown field.
    void edit_field(std::int64_t request_id, std::string const& field, std::string const& value, std::string const& actor,
                    std::string const& comment, std::string const& at);
    /// Takes the municipality's support away; false when it did not support the request.
    bool remove_support(std::int64_t request_id, std::int64_t municipality_id);
    /// Adds a line to the history without changing the request (support given or taken back).
    void note(std::int64_t request_id, StatusChange const& line);
    std::vector<StatusChange> history(std::int64_t request_id) const;

    void save_draft(Draft const& draft);
    std::optional<Draft> draft(std::string const& platform, std::string const& user_id) const;
    void delete_draft(std::string const& platform, std::string const& user_id);

private:
    Database& db_;
};

}  // namespace superbruger::storage
