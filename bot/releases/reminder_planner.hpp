// ReminderPlanner: puts release announcements and review reminders in the outbox, for the
// current superbrugere of each municipality that can be reached in chat, and into the
// municipality's own channel where a platform posts there (ChannelSettings::municipality_channels). Reminders go to
// municipalities whose review is still open, at the schedule's times (weekdays 08-16 Copenhagen
// time, the configured days before the deadline); muted people are left out. Every message has
// an idempotency key, so queuing again (after a restart, on every check) never sends twice.
#pragma once

#include "bot/config.hpp"
#include "bot/directory/directory_service.hpp"
#include "bot/releases/reminder_schedule.hpp"
#include "storage/outbox.hpp"
#include "storage/release_reviews.hpp"
#include "storage/releases.hpp"
#include "storage/reminder_mutes.hpp"

#include <string>
#include <vector>

namespace superbruger::bot::releases {

class ReminderPlanner {
public:
    /// `channels`: the municipalities' channels that get every announcement and reminder too.
    ReminderPlanner(storage::Database& db, directory::DirectoryService& directory, std::vector<int> offsets_days,
                    std::vector<MunicipalityChannel> channels = {});

    /// The configured channels whose municipality the role directory does not know (by name or
    /// kommunenummer): they would never get anything, which the server logs at start.
    std::vector<MunicipalityChannel> unknown_channels() const;

    /// Queues the announcement of a newly registered release, to go out at the next window.
    /// Returns how many messages were queued.
    std::size_t announce(storage::Release const& release, TimePoint now);

    /// Who an announcement would reach now, for the preview before a release is registered.
    struct Reach {
        std::size_t recipients = 0;      ///< chat identities of superbrugere and municipality channels (what `announce` queues)
        std::size_t municipalities = 0;  ///< with at least one of them
        std::string example_municipality;  ///< one of those, to show the announcement as it reads there
    };
    Reach announcement_reach() const;

    /// The outbox key prefixes of everything queued because of a release (announcement, reminders).
    static std::vector<std::string> causes_of(std::int64_t release_id);

    /// Queues the reminders that are due at `now`: for each release, the latest reminder time
    /// already passed (an earlier one missed while the server was down is not sent as well).
    /// Only inside the send window, and not for a release whose reminders a coordinator stopped.
    /// Returns how many messages were queued.
    std::size_t queue_due_reminders(TimePoint now);

private:
    struct Recipient {
        std::string platform;
        std::string user_id;
        std::string tenant;
    };
    std::vector<Recipient> recipients(storage::Municipality const& municipality, bool leave_out_muted) const;
    bool queue(Recipient const& to, std::string const& key, std::string const& text, std::string const& release_name, TimePoint at);

    directory::DirectoryService& directory_;
    storage::Releases releases_;
    storage::ReleaseReviews reviews_;
    storage::ReminderMutes mutes_;
    storage::Outbox outbox_;
    std::vector<int> offsets_;
    std::vector<MunicipalityChannel> channels_;
};

}  // namespace superbruger::bot::releases
