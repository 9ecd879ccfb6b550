// DeliveryClaims: which inbound delivery ids (Teams activity ids, Slack event ids, …) were already
// handled, so a platform's retry of the same delivery is not applied twice. Checked in memory; written to the database in batches (one
// transaction for every few hundred milliseconds of traffic instead of one per message) and read
// back at start-up, so a restart still recognises the retries of the last two days.
//
// Why not claim in the message's own transaction: if the process dies after handling a message
// but before its reply went out, a durable claim would make the platform's retry be ignored and
// the user would get no answer at all; with a claim that is not yet written, the retry is
// answered (at worst twice). An unanswered user is the worse failure.
//
// In memory an id is kept as a 64-bit hash, not as the string: the set of the last two days is
// bounded and small whatever the platform's ids look like, so memory stays flat under load. Two
// ids of one platform sharing a hash within the window (odds about n²/2⁶⁵, 10⁻¹⁰ for 50,000
// ids) would make the second look like a retry.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace superbruger::storage {
class ConversationStore;
}

namespace superbruger::bot::channels {

class DeliveryClaims {
public:
    using Clock = std::chrono::system_clock;

    /// Loads the ids of the last `keep` from the store.
    DeliveryClaims(storage::ConversationStore& store, std::string platform, std::chrono::hours keep = std::chrono::hours(48),
                   std::size_t max_ids = 50000);

    /// True the first time an id is seen; false for a retry.
    bool claim(std::string const& id, Clock::time_point now);
    /// Forgets a claim whose handling failed, so the platform's retry is handled.
    void release(std::string const& id);
    /// Writes the claims made since the last flush (one transaction). Throws StorageError; the
    /// claims then stay queued for the next flush.
    void flush(Clock::time_point now);

    std::size_t pending() const noexcept { return pending_.size(); }

private:
    storage::ConversationStore& store_;
    std::string platform_;
    std::chrono::hours keep_;
    std::size_t max_ids_;
    std::unordered_map<std::uint64_t, Clock::time_point> seen_;      ///< id hash → when claimed
    std::deque<std::pair<std::uint64_t, Clock::time_point>> order_;  ///< oldest first, for expiry
    std::vector<std::pair<std::string, std::string>> pending_;     ///< (id, received at) not yet written
};

}  // namespace superbruger::bot::channels
