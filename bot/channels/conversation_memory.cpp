// ConversationMemory: the store behind a small cache of what was last written.
#include "bot/channels/conversation_memory.hpp"

namespace superbruger::bot::channels {

void ConversationMemory::remember(std::string const& platform, storage::StoredConversation const& conversation, std::string const& now) {
    if (conversation.conversation_id.empty() || conversation.address.empty()) return;
    auto& known = stored_[platform];
    auto const it = known.find(conversation.conversation_id);
    if (it != known.end() && it->second == conversation.address) return;
    auto stored = conversation;
    stored.platform = platform;
    if (stored.kind.empty()) stored.kind = "unknown";
    stored.updated_at = now;
    store_.remember(stored);
    // Bounded: a busy network has a few thousand conversations; forgetting only costs a write.
    if (stored_count_ >= 10000) {
        for (auto& [name, ids] : stored_) ids.clear();
        stored_count_ = 0;
    }
    auto [entry, added] = stored_[platform].insert_or_assign(conversation.conversation_id, conversation.address);
    if (added) ++stored_count_;
}

void ConversationMemory::forget(std::string const& platform, std::string const& conversation_id) {
    forget_cached(platform, conversation_id);
    store_.forget(platform, conversation_id);
}

void ConversationMemory::forget_cached(std::string const& platform, std::string const& conversation_id) {
    auto const known = stored_.find(platform);
    if (known != stored_.end() && known->second.erase(conversation_id) > 0) --stored_count_;
}

}  // namespace superbruger::bot::channels
