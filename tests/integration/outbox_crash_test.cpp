// The outbox under SIGKILL: `superbot serve` is sending a batch of release reminders when it is
// killed at random moments, several times, and restarted. The loopback Connector answers each
// message only after a pause, so most kills land after a message arrived but before the bot could
// mark it sent: the hard case. In the end every recipient was shown each message exactly once,
// the outbox holds nothing unsent, and the only repeats the Connector saw are the messages in
// doubt at a kill, sent again under their key.
#include "adapters/bot_framework/activity.hpp"
#include "adapters/bot_framework/conversation_reference.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/releases/release_registry.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "storage/conversation_store.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "tests/support/bot_framework_standin.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace superbruger;
using namespace superbruger::tests;
using namespace std::chrono;
using nlohmann::json;
namespace bf = superbruger::adapters::bot_framework;

namespace {

constexpr int municipalities = 50;
constexpr int people_per_municipality = 2;
constexpr int kills = 6;

std::string person(int i) { return std::to_string(i); }

/// The directory, each superbruger's 1:1 chat with the bot (as installing the app stores it),
/// and a release whose announcement and two-day reminder are due: two messages per person.
std::size_t prepare(std::filesystem::path const& database, BotFrameworkStandIn const& bf) {
    std::filesystem::remove(database);
    storage::Database db(database.string());
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    std::ostringstream csv;
    csv << "kommune;kommunenummer;navn;email;rolle;teams_tenant;teams_objektid\n";
    storage::ConversationStore conversations(db);
    auto base = bf::reference_of(bf::parse_activity(teams_message(bf.service_url(), "m", "hej").dump()));
    for (int m = 0; m < municipalities; ++m) {
        auto const tenant = "tenant-" + std::to_string(m);
        for (int p = 0; p < people_per_municipality; ++p) {
            auto const i = person(m * people_per_municipality + p);
            csv << "Kommune " << m << ";" << 100 + m << ";Person " << i << ";p" << i << "@example.dk;superbruger;" << tenant << ";aad-" << i << "\n";
            auto ref = base;
            ref.user.id = "29:" + i;
            ref.user.aad_object_id = "aad-" + i;
            ref.tenant_id = tenant;
            ref.conversation_id = "a:chat-" + i;
            conversations.remember({"teams", ref.conversation_id, "personal", ref.user.id, ref.user.aad_object_id, tenant, ref.to_json().dump(),
                                    "2026-11-01T10:00:00Z"});
        }
    }
    REQUIRE(bot::directory::import_csv(csv.str(), directory, {"test", "2026-11-01T10:00:00Z", "2026-11-01"}, false).problems.empty());
    auto const release = bot::releases::ReleaseRegistry(db).add({"DUBU 3.4", "2026-11-02", "2026-11-20", "- Breve\n- Journalfraser", "Karen"});
    // Wednesday 18/11 11:00 Copenhagen: inside the window, after the two-day reminder's time.
    auto const now = sys_days{year{2026} / 11 / 18} + hours(10);
    bot::releases::ReminderPlanner planner(db, directory, {14, 7, 2});
    auto const queued = planner.announce(release, now) + planner.queue_due_reminders(now);
    REQUIRE(queued == 2 * municipalities * people_per_municipality);
    return queued;
}

std::size_t count_lines(std::filesystem::path const& log, std::string const& event) {
    std::istringstream in(read_file(log));
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.find("\"event\":\"" + event + "\"") != std::string::npos) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("reminders survive SIGKILL at random moments: each recipient is shown each message once", "[integration][outbox][crash]") {
    BotFrameworkStandIn bf;
    bf.delay_connector(milliseconds(15));
    ::setenv("SB_TEST_TEAMS_APP_PASSWORD", "pw", 1);
    auto const port = free_port();
    auto const database = work_dir() / "crash.sqlite";
    auto const expected = prepare(database, bf);
    auto const cfg = write_config("crash.json", json{
        {"server", {{"port", port}}},
        {"storage", {{"database", database.string()}}},
        {"outbox", {{"poll_interval_seconds", 1}}},
        {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                   {"app_password_env", "SB_TEST_TEAMS_APP_PASSWORD"},
                   {"openid_metadata_url", bf.base_url() + "openid"},
                   {"token_url", bf.base_url() + "token"},
                   {"allowed_service_url_hosts", {"127.0.0.1"}}}}}.dump());

    std::mt19937 random(Catch::rngSeed());
    std::uniform_int_distribution<int> pause_ms(120, 380);
    std::vector<std::filesystem::path> logs;
    std::vector<std::size_t> shown_at_kill;
    for (int run = 0; run < kills; ++run) {
        logs.push_back(work_dir() / ("crash-" + std::to_string(run) + ".log"));
        auto const pid = start_serve(cfg, port, logs.back());
        auto const pause = milliseconds(pause_ms(random));
        std::this_thread::sleep_for(pause);
        kill_serve(pid);
        shown_at_kill.push_back(bf.connector_requests().size());
        INFO("kill " << run << " after " << pause.count() << " ms, " << shown_at_kill.back() << " posts so far");
    }
    // The kills came while the batch was being sent, not before it started or after it ended.
    REQUIRE(shown_at_kill.front() > 0);
    REQUIRE(shown_at_kill.back() < expected);

    logs.push_back(work_dir() / "crash-final.log");
    auto const pid = start_serve(cfg, port, logs.back());
    auto const shown_once = [&] {
        std::set<std::string> keys;
        for (auto const& r : bf.connector_requests()) keys.insert(r.idempotency_key);
        return keys.size();
    };
    for (int i = 0; i < 600 && shown_once() < expected; ++i) std::this_thread::sleep_for(milliseconds(50));
    CHECK(stop_serve(pid) == 0);

    // What the receiver showed: each (conversation, key) once, and every message.
    std::map<std::string, int> shown;
    std::size_t repeats = 0;
    for (auto const& r : bf.connector_requests()) {
        REQUIRE_FALSE(r.idempotency_key.empty());
        if (r.replayed) {
            ++repeats;
            continue;
        }
        ++shown[r.target + " " + r.idempotency_key];
    }
    CHECK(shown.size() == expected);
    for (auto const& [what, times] : shown) {
        INFO(what);
        CHECK(times == 1);
    }
    // Each person got the announcement and the reminder in their own chat.
    std::map<std::string, int> per_chat;
    for (auto const& [what, times] : shown) ++per_chat[what.substr(0, what.find(' '))];
    CHECK(per_chat.size() == static_cast<std::size_t>(municipalities * people_per_municipality));
    for (auto const& [chat, n] : per_chat) CHECK(n == 2);

    // Repeats happen only for sends in doubt at a kill: at most one per kill, as the worker sends
    // one message at a time, and each was reported at the next start.
    std::size_t in_doubt = 0;
    for (auto const& log : logs) in_doubt += count_lines(log, "outbox_in_doubt");
    CHECK(repeats <= static_cast<std::size_t>(kills));
    CHECK(repeats <= in_doubt);
    CHECK(in_doubt <= static_cast<std::size_t>(kills));

    // Nothing left to send, nothing parked, no claim left behind.
    storage::Database db(database.string());
    storage::Outbox outbox(db);
    CHECK(outbox.with_status("pending").empty());
    CHECK(outbox.with_status("parked").empty());
    auto const sent = outbox.with_status("sent");
    CHECK(sent.size() == expected);
    for (auto const& m : sent) CHECK(m.claimed_at.empty());
}
