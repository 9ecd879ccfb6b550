// Outbox: messages the bot sends on its own initiative (notifications, reminders), stored before
// they are sent so that none is lost on a restart and none is sent twice.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace superbruger::storage {

class Database;

struct OutboxMessage {
    std::int64_t id = 0;
    std::string idempotency_key;  ///< one message per recipient and cause
    std::string platform;
    std::string recipient;  ///< the platform's user id
    std::string tenant;
    std::string message;  ///< the reply, as JSON
    std::string status = "pending";
    int attempts = 0;
    std::string next_attempt_at;
    std::string last_error;
    std::string created_at;
};

class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) {}

    /// Queues a message; false when one with the same key is already queued or sent.
    bool enqueue(OutboxMessage const& message);
    /// Pending messages due at `now` (ISO 8601), oldest first.
    std::vector<OutboxMessage> due(std::string const& now, int limit) const;
    void mark_sent(std::int64_t id, std::string const& at);
    /// Records a failed attempt: back to pending until `retry_at`, or parked when `park`.
    void mark_failed(std::int64_t id, std::string const& error, std::string const& retry_at, bool park);
    std::vector<OutboxMessage> with_status(std::string const& status) const;
    /// Puts a parked message back in the queue, due at `at`; false when no parked message has that id.
    bool retry(std::int64_t id, std::string const& at);

private:
    Database& db_;
};

}  // namespace superbruger::storage
