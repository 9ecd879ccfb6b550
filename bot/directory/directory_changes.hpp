// DirectoryChanges: "sæt Mette Jensen som superbruger i Korsbæk" and "fjern … som … i …" in chat,
// for network coordinators anywhere and for a municipality's own systemansvarlig at home.
// Replacing a systemansvarlig ends someone's term, so it waits for the asker's "ja".
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/directory/directory_service.hpp"
#include "knowledge/language.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace superbruger::bot::directory {

/// Not thread-safe (like the Assistant that owns it).
class DirectoryChanges {
public:
    explicit DirectoryChanges(DirectoryService& directory) : directory_(directory) {}

    /// The reply when the message is a change or a yes/no to a pending one; nullopt otherwise.
    std::optional<adapters::ChatReply> handle(adapters::ChatMessage const& message, std::string const& folded,
                                              knowledge::Language lang);

private:
    struct Pending {
        std::int64_t person_id = 0;
        std::string person_name;
        storage::Municipality municipality;
        std::string role;
        std::chrono::steady_clock::time_point asked;
    };
    DirectoryService& directory_;
    std::map<std::pair<std::string, std::string>, Pending> confirmations_;  ///< by (platform, user id)
};

}  // namespace superbruger::bot::directory
