// DeliveryClaims: memory first, database in batches.
#include "bot/channels/delivery_claims.hpp"

#include "bot/time_format.hpp"
#include "storage/conversation_store.hpp"

#include <algorithm>
#include <bit>
#include <functional>

namespace superbruger::bot::channels {

namespace {
/// 0 marks a released ring entry, so no id may hash to it.
std::uint64_t hash_of(std::string const& id) { return std::max<std::uint64_t>(std::hash<std::string>{}(id), 1); }
}  // namespace

DeliveryClaims::DeliveryClaims(storage::ConversationStore& store, std::string platform, std::chrono::hours keep, std::size_t max_ids)
    : store_(store),
      platform_(std::move(platform)),
      keep_(keep),
      capacity_(std::max<std::size_t>(max_ids, 1)),
      ring_(new Claim[capacity_]),
      table_size_(std::bit_ceil(capacity_ * 2)),
      table_(new std::uint32_t[table_size_]()) {
    auto const now = Clock::now();
    auto ids = store_.recent_activities(platform_, utc_timestamp(now - keep_), static_cast<int>(capacity_));
    std::reverse(ids.begin(), ids.end());  // oldest first
    for (auto const& id : ids) {
        auto const hash = hash_of(id);
        if (find(hash) == table_size_) add(hash, now);
    }
}

bool DeliveryClaims::claim(std::string const& id, Clock::time_point now) {
    expire(now);
    auto const hash = hash_of(id);
    if (find(hash) != table_size_) return false;
    add(hash, now);
    pending_.emplace_back(id, utc_timestamp(now));
    return true;
}

void DeliveryClaims::release(std::string const& id) {
    auto const position = find(hash_of(id));
    if (position != table_size_) {
        ring_[table_[position] - 1].hash = 0;  // its ring entry expires on its own
        erase_at(position);
    }
    std::erase_if(pending_, [&](auto const& p) { return p.first == id; });
}

void DeliveryClaims::flush(Clock::time_point now) {
    if (pending_.empty()) return;
    store_.record_activities(platform_, pending_, utc_timestamp(now - keep_));
    pending_.clear();
}

void DeliveryClaims::expire(Clock::time_point now) {
    while (count_ > 0 && (ring_[oldest_].at < now - keep_ || count_ >= capacity_)) drop_oldest();
}

void DeliveryClaims::drop_oldest() noexcept {
    if (auto const hash = ring_[oldest_].hash; hash != 0) {
        auto const ring_slot = static_cast<std::uint32_t>(oldest_ + 1);
        auto position = home(hash);
        while (table_[position] != ring_slot) position = (position + 1) & (table_size_ - 1);
        erase_at(position);
    }
    oldest_ = (oldest_ + 1) % capacity_;
    --count_;
}

void DeliveryClaims::add(std::uint64_t hash, Clock::time_point now) {
    if (count_ >= capacity_) drop_oldest();
    auto const ring_position = (oldest_ + count_) % capacity_;
    ring_[ring_position] = Claim{hash, now};
    ++count_;
    auto position = home(hash);
    while (table_[position] != empty_slot) position = (position + 1) & (table_size_ - 1);
    table_[position] = static_cast<std::uint32_t>(ring_position + 1);
}

std::size_t DeliveryClaims::find(std::uint64_t hash) const noexcept {
    for (auto position = home(hash);; position = (position + 1) & (table_size_ - 1)) {
        if (table_[position] == empty_slot) return table_size_;
        if (ring_[table_[position] - 1].hash == hash) return position;
    }
}

void DeliveryClaims::erase_at(std::size_t position) noexcept {
    // Backward-shift deletion for linear probing (Knuth, TAOCP 3, algorithm 6.4R): an entry after
    // the hole moves into it unless its home lies cyclically in (hole, entry].
    auto const mask = table_size_ - 1;
    for (auto next = (position + 1) & mask; table_[next] != empty_slot; next = (next + 1) & mask) {
        auto const wanted = home(ring_[table_[next] - 1].hash);
        bool const stays = position <= next ? (position < wanted && wanted <= next) : (position < wanted || wanted <= next);
        if (!stays) {
            table_[position] = table_[next];
            position = next;
        }
    }
    table_[position] = empty_slot;
}

}  // namespace superbruger::bot::channels
