// ReminderPlanner: who gets what, and when.
#include "bot/releases/reminder_planner.hpp"

#include "bot/json_text.hpp"
#include "bot/releases/release_texts.hpp"
#include "bot/releases/review_progress.hpp"
#include "bot/reply_json.hpp"
#include "bot/time_format.hpp"

#include <algorithm>

namespace superbruger::bot::releases {

namespace {
bool is_of(MunicipalityChannel const& channel, storage::Municipality const& m) {
    return channel.municipality == m.name || channel.municipality == m.kommunenummer;
}
}  // namespace

ReminderPlanner::ReminderPlanner(storage::Database& db, directory::DirectoryService& directory, std::vector<int> offsets_days,
                                 std::vector<MunicipalityChannel> channels)
    : directory_(directory), releases_(db), reviews_(db), mutes_(db), outbox_(db), offsets_(std::move(offsets_days)), channels_(std::move(channels)) {}

std::vector<MunicipalityChannel> ReminderPlanner::unknown_channels() const {
    auto const all = directory_.store().municipalities();
    std::vector<MunicipalityChannel> out;
    for (auto const& c : channels_) {
        if (std::none_of(all.begin(), all.end(), [&](auto const& m) { return is_of(c, m); })) out.push_back(c);
    }
    return out;
}

std::vector<ReminderPlanner::Recipient> ReminderPlanner::recipients(storage::Municipality const& m, bool leave_out_muted) const {
    std::vector<Recipient> out;
    auto& store = directory_.store();
    for (auto const& a : store.current_holders(m.id, "superbruger")) {
        for (auto const& [platform, user_id] : store.identities_of(a.person.id)) {
            if (leave_out_muted && mutes_.muted(platform, user_id)) continue;
            out.push_back({platform, user_id, store.tenant_of(m.id, platform)});
        }
    }
    // A channel is its own recipient and tenant: the platform paces each channel on its own.
    for (auto const& c : channels_) {
        if (!is_of(c, m) || (leave_out_muted && mutes_.muted(c.platform, c.municipality))) continue;
        out.push_back({c.platform, c.municipality, c.municipality});
    }
    return out;
}

bool ReminderPlanner::queue(Recipient const& to, std::string const& key, std::string const& text, std::string const& release_name, TimePoint at) {
    adapters::ChatReply message;
    message.text = text;
    message.actions.push_back({"Gennemgå", "gennemgå " + release_name});
    auto const now = utc_timestamp();
    return outbox_.enqueue(storage::OutboxMessage::to(key, to.platform, to.user_id, to.tenant, json_text(reply_to_json(message)), utc_timestamp(at), now));
}

std::size_t ReminderPlanner::announce(storage::Release const& release, TimePoint now) {
    std::size_t queued = 0;
    auto const at = next_send_time(now);
    for (auto const& m : directory_.store().municipalities()) {
        for (auto const& to : recipients(m, false)) {
            queued += queue(to, "release-announce:" + std::to_string(release.id), texts::announcement(release, m.name), release.name, at);
        }
    }
    return queued;
}

ReminderPlanner::Reach ReminderPlanner::announcement_reach() const {
    Reach reach;
    for (auto const& m : directory_.store().municipalities()) {
        auto const n = recipients(m, false).size();
        if (n == 0) continue;
        reach.recipients += n;
        ++reach.municipalities;
        if (reach.example_municipality.empty()) reach.example_municipality = m.name;
    }
    return reach;
}

std::vector<std::string> ReminderPlanner::causes_of(std::int64_t release_id) {
    auto const id = std::to_string(release_id);
    return {"release-announce:" + id + ":", "release-reminder:" + id + ":"};
}

std::size_t ReminderPlanner::queue_due_reminders(TimePoint now) {
    if (!in_send_window(now)) return 0;
    std::size_t queued = 0;
    for (auto const& summary : releases_.all()) {
        if (!summary.reminders_stopped_at.empty()) continue;  // a coordinator withdrew them
        auto const times = reminder_times(summary.deadline, offsets_);
        // The latest reminder already due; its offset names it in the key.
        std::optional<std::size_t> due;
        for (std::size_t i = 0; i < times.size(); ++i) {
            if (times[i] <= now) due = i;
        }
        if (!due) continue;
        if (utc_timestamp(now).substr(0, 10) > summary.deadline) continue;  // past the deadline: no more reminders
        auto const release = releases_.find_by_id(summary.id);
        if (!release) continue;
        auto const all = reviews_.of_release(release->id);
        for (auto const& m : directory_.store().municipalities()) {
            auto const progress = municipality_progress(*release, m, all);
            if (progress.complete() || progress.total == 0) continue;
            for (auto const& to : recipients(m, true)) {
                queued += queue(to, "release-reminder:" + std::to_string(release->id) + ":" + std::to_string(*due),
                                texts::reminder(*release, m.name, progress.missing.size(), progress.total), release->name, now);
            }
        }
    }
    return queued;
}

}  // namespace superbruger::bot::releases
