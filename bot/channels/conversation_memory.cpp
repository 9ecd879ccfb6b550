// ConversationMemory: the store behind a small cache of what was last written.
#include "bot/channels/conversation_memory.hpp"

namespace superbruger::bot::channels {

namespace {
std::string key_of(std::string const& platform, std::string const& conversation_id) { return platform + '\n' + conversation_id; }
}  // namespace

void ConversationMemory::remember(storage::StoredConversation conversation, std::string const& now) {
    if (conversation.conversation_id.empty() || conversation.address.empty()) return;
    auto key = key_of(conversation.platform, conversation.conversation_id);
    auto const known = stored_.find(key);
    if (known != stored_.end() && known->second == conversation.address) return;
    if (conversation.kind.empty()) conversation.kind = "unknown";
    conversation.updated_at = now;
    store_.remember(conversation);
    // Bounded: a busy network has a few thousand conversations; forgetting only costs a write.
    if (stored_.size() >= 10000) stored_.clear();
    stored_[std::move(key)] = std::move(conversation.address);
}

void ConversationMemory::forget(std::string const& platform, std::string const& conversation_id) {
    stored_.erase(key_of(platform, conversation_id));
    store_.forget(platform, conversation_id);
}

void ConversationMemory::forget_cached(std::string const& platform, std::string const& conversation_id) {
    stored_.erase(key_of(platform, conversation_id));
}

}  // namespace superbruger::bot::channels
