// ConversationStore: the chat conversations the bot may write into later (proactive messages),
// and the inbound activity ids it has already handled.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace superbruger::storage {

class Database;

struct StoredConversation {
    std::string platform;
    std::string conversation_id;
    std::string kind;       ///< "personal" for a 1:1 chat; else the platform's word
    std::string user_id;    ///< personal: the person; otherwise who wrote last
    std::string user_alias; ///< the same person's other id (Teams: Entra object id), or ""
    std::string tenant_id;
    std::string address;    ///< the adapter's reference, opaque to storage
    std::string updated_at; ///< UTC, ISO 8601
};

class ConversationStore {
public:
    explicit ConversationStore(Database& db) : db_(db) {}

    /// Inserts or refreshes the conversation (by platform and id). Throws StorageError{conflict}
    /// for an empty platform, conversation id or address.
    void remember(StoredConversation const& conversation);
    /// Removes it (the bot was uninstalled); false when it was not known.
    bool forget(std::string const& platform, std::string const& conversation_id);

    std::optional<StoredConversation> find(std::string const& platform, std::string const& conversation_id) const;
    /// The person's 1:1 chat with the bot (by user id or alias), the most recently used one.
    std::optional<StoredConversation> personal_chat(std::string const& platform, std::string const& user_id_or_alias) const;
    /// Any conversation in the tenant, most recent first: its address tells where to create a
    /// new chat with someone in the same organisation.
    std::optional<StoredConversation> any_in_tenant(std::string const& platform, std::string const& tenant_id) const;

    /// Activity ids received since `since` (ISO 8601), newest first, at most `limit`: what a
    /// restarted server must still recognise as already handled.
    std::vector<std::string> recent_activities(std::string const& platform, std::string const& since, int limit) const;
    /// Records handled activity ids (id, received at) in one transaction and drops those older
    /// than `forget_before`.
    void record_activities(std::string const& platform, std::vector<std::pair<std::string, std::string>> const& ids,
                           std::string const& forget_before);

private:
    Database& db_;
};

}  // namespace superbruger::storage
