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
    std::string claimed_at;  ///< set while a send is under way; left set by a crash

    /// A new message to one recipient because of `cause` ("release-announce:7"): the key is the
    /// cause plus the recipient, so one cause reaches each person once.
    static OutboxMessage to(std::string const& cause, std::string platform, std::string recipient, std::string tenant,
                            std::string message, std::string due_at, std::string now) {
        OutboxMessage m;
        m.idempotency_key = cause + ":" + platform + ":" + recipient;
        m.platform = std::move(platform);
        m.recipient = std::move(recipient);
        m.tenant = std::move(tenant);
        m.message = std::move(message);
        m.next_attempt_at = std::move(due_at);
        m.created_at = std::move(now);
        return m;
    }
};

class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) {}

    /// Queues a message; false when one with the same key is already queued or sent.
    bool enqueue(OutboxMessage const& message);
    /// Pending, unclaimed messages due at `now` (ISO 8601), oldest first.
    std::vector<OutboxMessage> due(std::string const& now, int limit) const;
    /// Marks a pending message as being sent, committed before the send starts; false when it is
    /// not pending or already claimed.
    bool claim(std::int64_t id, std::string const& at);
    /// Ends the claim: sent.
    void mark_sent(std::int64_t id, std::string const& at);
    /// Ends the claim with a failed attempt: back to pending until `retry_at`, or parked when `park`.
    void mark_failed(std::int64_t id, std::string const& error, std::string const& retry_at, bool park);
    /// Claims a process left behind when it died: those messages may or may not have reached
    /// the platform. Returns them (with their claim time) and makes them due again, with the same
    /// key, so a receiver that honours the key shows them once. Call before the first claim.
    std::vector<OutboxMessage> release_in_doubt();
    std::vector<OutboxMessage> with_status(std::string const& status) const;
    /// Deletes sent, cancelled and dismissed messages closed before `before`; returns how many. Their keys are free again,
    /// so the retention must outlast every cause that could queue the same message again.
    std::size_t forget_sent_before(std::string const& before);
    /// How many messages have `status`.
    std::size_t count(std::string const& status) const;
    /// Puts a parked message back in the queue, due at `at`; false when no parked message has that id.
    bool retry(std::int64_t id, std::string const& at);
    /// Withdraws a queued message that is not being sent right now (status 'cancelled', its key
    /// kept so the cause does not queue it again); false when there is no such message.
    bool cancel(std::int64_t id, std::string const& at);
    /// Withdraws every queued message whose key starts with one of `key_prefixes`; returns how many.
    std::size_t cancel_by_cause(std::vector<std::string> const& key_prefixes, std::string const& at);
    /// Deletes every message, in any status, whose key starts with one of `key_prefixes` (their
    /// cause is gone, and its keys may be given out again); returns how many.
    std::size_t forget_by_cause(std::vector<std::string> const& key_prefixes);
    /// How many queued (pending) messages have a key starting with one of `key_prefixes`.
    std::size_t pending_by_cause(std::vector<std::string> const& key_prefixes) const;
    /// Closes a parked message a coordinator has dealt with (status 'dismissed'); false when no
    /// parked message has that id.
    bool dismiss(std::int64_t id, std::string const& at);
    /// Closes a queued message that has nowhere to go and needs no one's attention (status
    /// 'dismissed', with `reason` as its last error), so it raises no parked-messages alert.
    void close_undeliverable(std::int64_t id, std::string const& reason, std::string const& at);
    /// Status of one message, "" when there is none with that id.
    std::string status_of(std::int64_t id) const;

private:
    Database& db_;
};

}  // namespace superbruger::storage
