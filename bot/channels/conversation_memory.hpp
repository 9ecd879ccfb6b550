// ConversationMemory: the conversations the bot may write into later, as every channel stores
// and forgets them. A conversation whose address is unchanged since this process last stored it
// is not written again, so a busy chat costs no write per message.
#pragma once

#include "storage/conversation_store.hpp"

#include <string>
#include <unordered_map>

namespace superbruger::bot::channels {

class ConversationMemory {
public:
    explicit ConversationMemory(storage::ConversationStore& store) : store_(store) {}

    /// Stores the conversation (`updated_at` set to `now`) unless it is unchanged; ignores one
    /// without an id or address.
    void remember(storage::StoredConversation conversation, std::string const& now);
    /// The bot was removed from it, or the platform says it is gone.
    void forget(std::string const& platform, std::string const& conversation_id);
    /// Drops this process's note that it is stored (its write was rolled back).
    void forget_cached(std::string const& platform, std::string const& conversation_id);

    /// For reading (a person's chat, a conversation in a tenant) and the delivery claims.
    storage::ConversationStore& store() noexcept { return store_; }

private:
    storage::ConversationStore& store_;
    std::unordered_map<std::string, std::string> stored_;  ///< platform + id → address last written
};

}  // namespace superbruger::bot::channels
