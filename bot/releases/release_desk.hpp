// ReleaseDesk: release-note reviews in chat. "gennemgå DUBU 3.4" walks the asker's municipality
// through the items it has not reviewed yet (several superbrugere share the work; each answered
// item is saved at once), one question at a time or as one card per item on Teams. "status på
// DUBU 3.4" shows the municipality's progress, and coordinators also see the network's.
// "stop påmindelser" / "start påmindelser" mute and unmute reminders. Coordinators register a
// release with "registrer release DUBU 3.5 dato 2026-12-01 frist 2026-12-15" and the notes as
// the next message; the bot then shows the items, the announcement and how many it will reach,
// and registers only on "ja".
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/directory/directory_service.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "knowledge/language.hpp"
#include "storage/release_reviews.hpp"
#include "storage/reminder_mutes.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace superbruger::bot::releases {

class ReleaseDesk {
public:
    ReleaseDesk(storage::Database& db, directory::DirectoryService& directory, std::vector<int> reminder_offsets_days,
                std::vector<MunicipalityChannel> channels = {});

    /// The reply when the message is about release reviews or reminders; nullopt otherwise.
    /// With `dialog_may_answer` false, an open review does not take the message as its answer.
    std::optional<adapters::ChatReply> answer(adapters::ChatMessage const& message, std::string const& folded, knowledge::Language lang,
                                              bool dialog_may_answer = true);

    /// "Du er i gang med gennemgangen af DUBU 3.4 (punkt 2) – skriv »fortsæt« …" when the sender
    /// has a review open; nullopt otherwise.
    std::optional<std::string> dialog_note(adapters::ChatMessage const& message) const;

private:
    /// `overwrite`: a colleague answered the item meanwhile; the answers wait for "ja" or "nej".
    enum class Step { effect, local_config, local_config_what, communication, communication_how, note, overwrite };
    struct Session {
        std::int64_t release_id = 0;
        std::string release_name;
        storage::Municipality municipality;
        int item = 0;
        Step step = Step::effect;
        storage::ItemReview review;
        std::size_t saved = 0;
        knowledge::Language lang = knowledge::Language::da;
        std::string reviewer;
        int last_saved = 0;  ///< the item saved last in this review, where "tilbage" goes from a new item
        std::optional<storage::ItemReview> colleague;  ///< the answer that "ja" at Step::overwrite replaces
    };
    using Key = std::pair<std::string, std::string>;  ///< (platform, user id)

    adapters::ChatReply start(adapters::ChatMessage const& message, std::string const& name, knowledge::Language lang,
                              std::optional<int> reopen_item = std::nullopt);
    adapters::ChatReply next_item(Key const& key, Session& session, std::string const& before = {});
    adapters::ChatReply step_answer(Key const& key, Session& session, adapters::ChatMessage const& message);
    adapters::ChatReply form_answer(Key const& key, Session& session, adapters::ChatMessage const& message);
    adapters::ChatReply save_and_go_on(Key const& key, Session& session, bool overwrite_confirmed = false);
    adapters::ChatReply status(adapters::ChatMessage const& message, std::string const& name, knowledge::Language lang);
    adapters::ChatReply list(adapters::ChatMessage const& message, knowledge::Language lang);
    /// "gennemgå" without a release: the one the sender reviewed last, the only release the
    /// municipality still has open items in, or the list to choose from.
    adapters::ChatReply start_unnamed(adapters::ChatMessage const& message, knowledge::Language lang);
    /// The question the review is at, asked again ("fortsæt").
    adapters::ChatReply ask_again(Session const& session);
    /// "tilbage": the previous question of the item, or the item saved last.
    adapters::ChatReply go_back(Session& session);
    /// "ret punkt N": the item again, with the answer it has and who gave it.
    adapters::ChatReply reopen(Session& session, int item);
    /// The municipality's answer to the item, when it has one.
    std::optional<storage::ItemReview> answer_of(Session const& session, int item) const;
    /// The release a user named: as registered, or without the blank or the "DUBU" ("3.4",
    /// "DUBU3.4" find "DUBU 3.4"); nullopt when none or more than one fit.
    std::optional<storage::Release> find_release(std::string const& name);
    /// The registered release nearest a name typed with a typo ("DUBU 3.44"), if one is near.
    std::optional<std::string> near_release(std::string const& typed) const;
    std::optional<adapters::ChatReply> registration(adapters::ChatMessage const& message, std::string const& folded);

    storage::Database& db_;
    directory::DirectoryService& directory_;
    ReleaseRegistry registry_;
    storage::ReleaseReviews reviews_;
    storage::ReminderMutes mutes_;
    /// Reviews in progress. Kept in memory: every answered item is already saved, so after a
    /// restart "gennemgå" simply starts at the first open item.
    std::map<Key, Session> sessions_;
    /// The release each sender reviewed last, so "gennemgå" and "fortsæt" alone pick it up again.
    std::map<Key, std::string> last_release_;
    ReminderPlanner planner_;
    /// Coordinators who named a release and whose next message is its notes.
    std::map<Key, NewRelease> registering_;
    /// Coordinators shown the preview of a release, whose next message confirms it or not.
    std::map<Key, NewRelease> confirming_;
};

}  // namespace superbruger::bot::releases
