// DeliveryClaims: memory first, database in batches.
#include "bot/channels/delivery_claims.hpp"

#include "bot/time_format.hpp"
#include "storage/conversation_store.hpp"

#include <algorithm>
#include <functional>

namespace superbruger::bot::channels {

namespace {
std::uint64_t hash_of(std::string const& id) { return std::hash<std::string>{}(id); }
}  // namespace

DeliveryClaims::DeliveryClaims(storage::ConversationStore& store, std::string platform, std::chrono::hours keep, std::size_t max_ids)
    : store_(store), platform_(std::move(platform)), keep_(keep), max_ids_(max_ids) {
    auto const now = Clock::now();
    auto ids = store_.recent_activities(platform_, utc_timestamp(now - keep_), static_cast<int>(max_ids_));
    std::reverse(ids.begin(), ids.end());  // oldest first
    seen_.reserve(std::min(max_ids_, std::max<std::size_t>(ids.size(), 1024)));
    for (auto const& id : ids) {
        auto const hash = hash_of(id);
        if (seen_.emplace(hash, now).second) order_.emplace_back(hash, now);
    }
}

bool DeliveryClaims::claim(std::string const& id, Clock::time_point now) {
    while (!order_.empty() && (order_.front().second < now - keep_ || order_.size() > max_ids_)) {
        auto it = seen_.find(order_.front().first);
        if (it != seen_.end() && it->second == order_.front().second) seen_.erase(it);
        order_.pop_front();
    }
    auto const hash = hash_of(id);
    if (!seen_.emplace(hash, now).second) return false;
    order_.emplace_back(hash, now);
    pending_.emplace_back(id, utc_timestamp(now));
    return true;
}

void DeliveryClaims::release(std::string const& id) {
    seen_.erase(hash_of(id));  // its entry in order_ expires on its own
    std::erase_if(pending_, [&](auto const& p) { return p.first == id; });
}

void DeliveryClaims::flush(Clock::time_point now) {
    if (pending_.empty()) return;
    store_.record_activities(platform_, pending_, utc_timestamp(now - keep_));
    pending_.clear();
}

}  // namespace superbruger::bot::channels
