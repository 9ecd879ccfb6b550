// Announcements and reminders into the outbox: who gets them, when, once, and not when muted or done.
#include "bot/config.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/releases/release_desk.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/release_reviews.hpp"
#include "storage/reminder_mutes.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot::releases;
using namespace std::chrono;

namespace {

TimePoint utc(int y, unsigned m, unsigned d, int h, int min = 0) { return sys_days{year{y} / month{m} / day{d}} + hours(h) + minutes(min); }

struct Harness {
    storage::Database db{":memory:"};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    ReminderPlanner planner{db, directory, {14, 7, 2}};
    storage::Outbox outbox{db};
    storage::Release release;

    Harness() {
        REQUIRE(bot::directory::import_csv("kommune;kommunenummer;navn;email;rolle;teams_tenant;teams_objektid\n"
                                           "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;t-naestved;aad-anne\n"
                                           "Næstved;370;Ida Holm;ida@naestved.dk;superbruger;t-naestved;aad-ida\n"
                                           "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;t-aeroe;aad-bo\n"
                                           "Ærø;492;Per Sagsbehandler;per@aeroe.dk;;t-aeroe;aad-per\n",
                                           directory, {"t", "2026-11-22T10:00:00Z", "2026-11-22"}, false)
                    .problems.empty());
        // Deadline Tuesday 2026-12-15: reminders Tue 1/12, Tue 8/12 and Mon 14/12 at 08:00 (07:00 UTC).
        release = ReleaseRegistry(db).add({"DUBU 3.4", "2026-11-30", "2026-12-15", "- Breve\n- Journalfraser", "Karen"});
    }

    std::vector<storage::OutboxMessage> queued() { return outbox.with_status("pending"); }
};

}  // namespace

TEST_CASE("a new release is announced to every superbruger in the next window", "[bot][releases][reminders]") {
    Harness h;
    CHECK(h.planner.announce(h.release, utc(2026, 11, 28, 12)) == 3);  // a Saturday: Anne, Ida, Bo; Per is no superbruger
    CHECK(h.planner.announce(h.release, utc(2026, 11, 28, 13)) == 0);  // once
    auto const q = h.queued();
    REQUIRE(q.size() == 3);
    for (auto const& m : q) {
        CHECK(m.platform == "teams");
        CHECK(m.next_attempt_at == "2026-11-30T07:00:00Z");  // Monday 08:00 Copenhagen
        CHECK_THAT(m.message, Catch::Contains("Ny DUBU-release") && Catch::Contains("gennemgå DUBU 3.4"));
    }
    CHECK(q[0].tenant.starts_with("t-"));
}

TEST_CASE("reminders go to open municipalities at the schedule once each and skip the muted", "[bot][releases][reminders]") {
    Harness h;
    CHECK(h.planner.queue_due_reminders(utc(2026, 11, 30, 10)) == 0);  // before the first reminder
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 1, 6, 59)) == 0);  // 07:59 Copenhagen: not yet
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 1, 7, 0)) == 3);
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 1, 9, 0)) == 0);  // checked again: nothing twice
    CHECK_THAT(h.queued()[0].message, Catch::Contains("Påmindelse") && Catch::Contains("2 af 2 punkter"));

    // Næstved finishes; Bo mutes reminders.
    storage::ReleaseReviews reviews(h.db);
    auto const naestved = *h.directory.municipality_named("Næstved");
    for (int item : {1, 2}) reviews.save({h.release.id, naestved.id, item, "lav", false, "", false, "", "", "Anne", "2026-12-02T09:00:00Z"});
    storage::ReminderMutes(h.db).mute("teams", "aad-bo", "2026-12-02T09:00:00Z");
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 8, 8, 0)) == 0);

    storage::ReminderMutes(h.db).unmute("teams", "aad-bo");
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 12, 10, 0)) == 0);  // Saturday: outside the window
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 14, 7, 0)) == 1);   // Monday: Bo only
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 16, 9, 0)) == 0);   // after the deadline
}

TEST_CASE("a municipality's channel gets the announcement and its reminders besides its superbrugere", "[bot][releases][reminders][workflows]") {
    Harness h;
    // Ærø by kommunenummer, Næstved by name; Herning is in no directory.
    ReminderPlanner planner{h.db, h.directory, {14, 7, 2}, {{"teams_webhook", "492"}, {"teams_webhook", "Næstved"}, {"teams_webhook", "Herning"}}};
    auto const unknown = planner.unknown_channels();
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].municipality == "Herning");

    CHECK(planner.announcement_reach().recipients == 5);
    CHECK(planner.announce(h.release, utc(2026, 11, 28, 12)) == 5);
    CHECK(planner.announce(h.release, utc(2026, 11, 28, 13)) == 0);  // once, channels too
    std::vector<storage::OutboxMessage> channels;
    for (auto const& m : h.queued()) {
        if (m.platform == "teams_webhook") channels.push_back(m);
    }
    REQUIRE(channels.size() == 2);
    for (auto const& m : channels) {
        CHECK(m.tenant == m.recipient);  // each channel is paced on its own
        CHECK(m.idempotency_key == "release-announce:" + std::to_string(h.release.id) + ":teams_webhook:" + m.recipient);
    }
    CHECK_THAT(channels[0].message + channels[1].message, Catch::Contains("Ærø") && Catch::Contains("Næstved"));

    // Næstved finishes: only Ærø's channel (and Bo) are reminded; a muted channel is left out.
    storage::ReleaseReviews reviews(h.db);
    auto const naestved = *h.directory.municipality_named("Næstved");
    for (int item : {1, 2}) reviews.save({h.release.id, naestved.id, item, "lav", false, "", false, "", "", "Anne", "2026-12-02T09:00:00Z"});
    CHECK(planner.queue_due_reminders(utc(2026, 12, 8, 7, 0)) == 2);
    storage::ReminderMutes(h.db).mute("teams_webhook", "492", "2026-12-09T09:00:00Z");
    CHECK(planner.queue_due_reminders(utc(2026, 12, 14, 7, 0)) == 1);
}

TEST_CASE("a release whose reminders a coordinator stopped gets none until they are started again", "[bot][releases][reminders]") {
    Harness h;
    storage::Releases releases(h.db);
    REQUIRE(releases.set_reminders_stopped(h.release.id, "2026-11-30T10:00:00Z"));
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 1, 7, 0)) == 0);
    REQUIRE(releases.set_reminders_stopped(h.release.id, ""));
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 1, 7, 0)) == 3);
    CHECK_FALSE(releases.set_reminders_stopped(9999, ""));
}

TEST_CASE("a Teams user who writes stop påmindelser gets no more reminders", "[bot][releases][reminders]") {
    // Teams names the sender by a chat id ("29:…") and an Entra object id; the directory knows
    // people by the object id, so the mute must be found under that.
    Harness h;
    ReleaseDesk desk(h.db, h.directory, {14, 7, 2});
    adapters::ChatMessage stop;
    stop.platform = "teams";
    stop.sender.user_id = "29:bo-chat-id";
    stop.sender.aad_object_id = "aad-bo";
    stop.sender.tenant_id = "t-aeroe";
    stop.text = "stop påmindelser";
    REQUIRE(desk.answer(stop, "stop påmindelser", knowledge::Language::da));
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 1, 7, 0)) == 2);  // Anne and Ida, not Bo
    for (auto const& m : h.queued()) CHECK(m.recipient != "aad-bo");

    stop.text = "start påmindelser";
    REQUIRE(desk.answer(stop, "start påmindelser", knowledge::Language::da));
    CHECK(h.planner.queue_due_reminders(utc(2026, 12, 8, 7, 0)) == 3);
}
