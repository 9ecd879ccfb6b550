// ConversationMemory: the conversations the bot may write into later, as every channel stores
// and forgets them. A conversation whose address is unchanged since this process last stored it
// is not written again, so a busy chat costs no write per message.
#pragma once

#include "storage/conversation_store.hpp"

#include <map>
#include <string>
#include <unordered_map>

namespace superbruger::bot::channels {

class ConversationMemory {
public:
    explicit ConversationMemory(storage::ConversationStore& store) : store_(store) {}

    /// Stores the conversation on `platform` (`updated_at` set to `now`) unless it is unchanged;
    /// ignores one without an id or address. Copies nothing when it is unchanged (every message
    /// of a busy chat).
    void remember(std::string const& platform, storage::StoredConversation const& conversation, std::string const& now);
    /// The bot was removed from it, or the platform says it is gone.
    void forget(std::string const& platform, std::string const& conversation_id);
    /// Drops this process's note that it is stored (its write was rolled back).
    void forget_cached(std::string const& platform, std::string const& conversation_id);

    /// For reading (a person's chat, a conversation in a tenant) and the delivery claims.
    storage::ConversationStore& store() noexcept { return store_; }

private:
    storage::ConversationStore& store_;
    /// platform → conversation id → address last written; looked up without building a key.
    std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> stored_;
    std::size_t stored_count_ = 0;
};

}  // namespace superbruger::bot::channels
