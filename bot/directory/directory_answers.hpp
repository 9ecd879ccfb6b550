// DirectoryAnswers: "hvem er vores systemansvarlige?", "hvem er systemansvarlig i Næstved?",
// "hvilke roller har Mette Jensen?", "mangler vi nogle roller?", answered from the directory.
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/directory/directory_changes.hpp"
#include "bot/directory/directory_service.hpp"
#include "knowledge/language.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace superbruger::bot::directory {

/// Not thread-safe (like the Assistant that owns it).
class DirectoryAnswers {
public:
    explicit DirectoryAnswers(DirectoryService& directory) : directory_(directory), changes_(directory) {}

    /// The reply when the message is about people in roles, changes the directory, or answers a
    /// question the bot asked ("which municipality?", "replace the systemansvarlig?");
    /// nullopt when it is not, so the knowledge answers take it.
    std::optional<adapters::ChatReply> answer(adapters::ChatMessage const& message, std::string const& folded,
                                              knowledge::Language lang);

    /// Whom the asker can turn to when the bot cannot help: their municipality's systemansvarlig
    /// (names, with e-mail when the asker is in the directory themselves); nullopt when the bot
    /// does not know the asker's municipality or it has no systemansvarlig.
    struct WhoToAsk {
        std::string municipality;
        std::vector<std::string> systemansvarlige;
    };
    std::optional<WhoToAsk> who_to_ask(adapters::ChatMessage const& message);

private:
    struct Pending {
        std::string question;  ///< the question that needs the asker's municipality
        std::chrono::steady_clock::time_point asked;
    };
    DirectoryService& directory_;
    DirectoryChanges changes_;
    /// Askers the bot has just asked "Hvilken kommune er du fra?", by (platform, user id). Kept
    /// in memory: after a restart the asker simply asks again.
    std::map<std::pair<std::string, std::string>, Pending> waiting_;

    std::optional<adapters::ChatReply> answer_question(adapters::ChatMessage const& message, std::string const& folded,
                                                       knowledge::Language lang,
                                                       std::optional<storage::Municipality> told_municipality);
};

}  // namespace superbruger::bot::directory
