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
//
// The claims sit in a fixed ring (oldest first, for expiry) and an open-addressing table of ring
// positions (for lookup): 16 + 8 bytes per id at most, where a node-based map and a deque took
// about 56. At the default bound that is 1.2 MB instead of 2.8 MB of a 40 MB budget.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
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
    struct Claim {
        std::uint64_t hash;  ///< 0: given back by release()
        Clock::time_point at;
    };
    static constexpr std::uint32_t empty_slot = 0;

    void expire(Clock::time_point now);
    void drop_oldest() noexcept;
    void add(std::uint64_t hash, Clock::time_point now);
    /// The table position holding this hash, or the table's size.
    std::size_t find(std::uint64_t hash) const noexcept;
    /// Empties a table position, shifting later entries of its probe run back (no tombstones).
    void erase_at(std::size_t position) noexcept;
    std::size_t home(std::uint64_t hash) const noexcept { return static_cast<std::size_t>(hash) & (table_size_ - 1); }

    std::size_t capacity_;                  ///< max_ids, at least 1
    std::unique_ptr<Claim[]> ring_;         ///< uninitialised: pages become resident as the ring fills
    std::size_t oldest_ = 0, count_ = 0;
    std::size_t table_size_;                ///< a power of two, at least twice the capacity
    std::unique_ptr<std::uint32_t[]> table_; ///< ring position + 1, or empty_slot
    std::vector<std::pair<std::string, std::string>> pending_;     ///< (id, received at) not yet written
};

}  // namespace superbruger::bot::channels
