// ActivityClaims: memory first, database in batches.
#include "bot/teams/activity_claims.hpp"

#include "bot/time_format.hpp"
#include "storage/conversation_store.hpp"

#include <algorithm>

namespace superbruger::bot::teams {

ActivityClaims::ActivityClaims(storage::ConversationStore& store, std::string platform, std::chrono::hours keep, std::size_t max_ids)
    : store_(store), platform_(std::move(platform)), keep_(keep), max_ids_(max_ids) {
    auto const now = Clock::now();
    auto ids = store_.recent_activities(platform_, utc_timestamp(now - keep_), static_cast<int>(max_ids_));
    std::reverse(ids.begin(), ids.end());  // oldest first
    for (auto& id : ids) {
        seen_.emplace(id, now);
        order_.emplace_back(std::move(id), now);
    }
}

bool ActivityClaims::claim(std::string const& id, Clock::time_point now) {
    while (!order_.empty() && (order_.front().second < now - keep_ || order_.size() > max_ids_)) {
        auto it = seen_.find(order_.front().first);
        if (it != seen_.end() && it->second == order_.front().second) seen_.erase(it);
        order_.pop_front();
    }
    if (!seen_.emplace(id, now).second) return false;
    order_.emplace_back(id, now);
    pending_.emplace_back(id, utc_timestamp(now));
    return true;
}

void ActivityClaims::release(std::string const& id) {
    seen_.erase(id);
    std::erase_if(pending_, [&](auto const& p) { return p.first == id; });
}

void ActivityClaims::flush(Clock::time_point now) {
    if (pending_.empty()) return;
    store_.record_activities(platform_, pending_, utc_timestamp(now - keep_));
    pending_.clear();
}

}  // namespace superbruger::bot::teams
