// Kills at random moments during the jobs that write what people handed us: a directory import
// from the command line, a change-request submit and a release-review save in chat. After
// each kill nothing accepted is lost or doubled (the import is all or nothing; a submit or save
// answered 200 is stored, once), and running the job again (the platform's retry of an
// activity it got no 200 for, or the import run again) completes it. The outbox has its own
// kill test (outbox_crash_test.cpp); `releases add` is covered where it is made atomic.
#include "storage/database.hpp"
#include "tests/support/bot_framework_standin.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <future>
#include <random>
#include <sstream>
#include <thread>

using namespace superbruger;
using namespace superbruger::tests;
using namespace std::chrono;
using nlohmann::json;
using boost::beast::http::verb;

namespace {

constexpr int kills = 6;

long long count(std::filesystem::path const& database, std::string const& sql) {
    storage::Database db(database.string());
    SQLite::Statement q(db.connection(), sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

struct Person {
    std::string user_id, aad, tenant, chat;
};

Person const bo{"29:bo", "aad-bo", "tenant-aeroe", "a:bo-chat"};
Person const anne{"29:anne", "aad-anne", "tenant-naestved", "a:anne-chat"};
Person const karen{"29:karen", "aad-karen", "tenant-kl", "a:karen-chat"};

std::string const directory = "kommune;kommunenummer;navn;email;rolle;koordinator;teams_tenant;teams_objektid\n"
                              "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;tenant-naestved;aad-anne\n"
                              "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;tenant-aeroe;aad-bo\n"
                              "KL;000;Karen Koordinator;karen@kl.dk;;ja;tenant-kl;aad-karen\n";

/// `superbot serve` with Teams against the stand-in, on one database, that can be killed and
/// started again.
struct KillableServer {
    BotFrameworkStandIn bf;
    std::uint16_t port = free_port();
    std::string base;
    std::filesystem::path database, cfg;
    pid_t pid = 0;
    int started = 0;

    explicit KillableServer(std::string const& name) : base(name + "-" + std::to_string(port)) {
        ::setenv("SB_TEST_TEAMS_APP_PASSWORD", "pw", 1);
        database = work_dir() / (base + ".sqlite");
        cfg = write_config(base + ".json", json{
            {"server", {{"port", port}}},
            {"storage", {{"database", database.string()}}},
            {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                       {"app_password_env", "SB_TEST_TEAMS_APP_PASSWORD"},
                       {"openid_metadata_url", bf.base_url() + "openid"},
                       {"token_url", bf.base_url() + "token"},
                       {"allowed_service_url_hosts", {"127.0.0.1"}}}}}.dump());
        auto const csv = write_config(base + ".csv", directory);
        REQUIRE(wait_superbot(start_superbot({"directory", "import", csv.string(), "--config", cfg.string()})) == 0);
        start();
    }
    ~KillableServer() {
        if (pid != 0) stop_serve(pid);
    }

    void start() { pid = start_serve(cfg, port, work_dir() / (base + "-" + std::to_string(started++) + ".log")); }
    void kill() {
        kill_serve(pid);
        pid = 0;
    }

    json activity(Person const& who, std::string const& id, std::string const& text) const {
        auto a = teams_message(bf.service_url(), id, text, who.tenant);
        a["from"] = {{"id", who.user_id}, {"name", who.user_id}, {"aadObjectId", who.aad}};
        a["conversation"]["id"] = who.chat;
        return a;
    }
    int post(json const& a) const {
        return static_cast<int>(http_request(port, verb::post, "/api/messages", a.dump(), "application/json",
                                             {{"Authorization", "Bearer " + bf.token()}})
                                    .result_int());
    }
    /// One message, and the text of the reply to it that reached the Connector (found by its
    /// activity id: notifications from the outbox may arrive in between).
    std::string say(Person const& who, std::string const& id, std::string const& text) const {
        REQUIRE(post(activity(who, id, text)) == 200);
        for (int i = 0; i < 200; ++i) {
            auto const sent = bf.connector_requests();
            for (auto it = sent.rbegin(); it != sent.rend(); ++it) {
                if (!it->target.ends_with("/activities/" + id)) continue;
                auto const reply = it->json();
                if (reply.contains("text")) return reply["text"].get<std::string>();
                std::string out;
                for (auto const& b : reply["attachments"][0]["content"]["body"]) out += b.value("text", "") + "\n";
                return out;
            }
            std::this_thread::sleep_for(milliseconds(50));
        }
        FAIL("no reply to " << id);
        return {};
    }
    /// Posts `a` and kills the server `delay` later: true when the 200 came back first.
    bool post_while_killed(json const& a, microseconds delay) {
        auto answered = std::async(std::launch::async, [&] {
            try {
                return post(a) == 200;
            } catch (std::exception const&) {
                return false;  // reset by the kill: the platform would retry
            }
        });
        std::this_thread::sleep_for(delay);
        kill();
        return answered.get();
    }
};

}  // namespace

TEST_CASE("a directory import killed at random moments writes all or nothing and a rerun completes it",
          "[integration][crash][directory]") {
    auto const database = work_dir() / "import-crash.sqlite";
    std::filesystem::remove(database);
    auto const cfg = write_config("import-crash.json", json{{"storage", {{"database", database.string()}}}}.dump());
    std::ostringstream csv;
    csv << "kommune;kommunenummer;navn;email;rolle;koordinator\n";
    constexpr int municipalities = 900, per_municipality = 4;
    for (int m = 0; m < municipalities; ++m) {
        for (int p = 0; p < per_municipality; ++p) {
            csv << "Kommune " << m << ";" << 100 + m << ";Person " << m << "-" << p << ";p" << m << "-" << p << "@example.dk;"
                << (p == 0 ? "superbruger" : "") << ";nej\n";
        }
    }
    auto const file = write_config("import-crash.csv", csv.str());
    std::vector<std::string> const import{"directory", "import", file.string(), "--config", cfg.string()};
    constexpr long long people = municipalities * per_municipality;

    // How long a whole import takes here, on a scratch database, to aim the kills inside it.
    auto const scratch_cfg = write_config("import-scratch.json", json{{"storage", {{"database", (work_dir() / "import-scratch.sqlite").string()}}}}.dump());
    std::filesystem::remove(work_dir() / "import-scratch.sqlite");
    auto const t0 = steady_clock::now();
    REQUIRE(wait_superbot(start_superbot({"directory", "import", file.string(), "--config", scratch_cfg.string()})) == 0);
    auto const whole = duration_cast<milliseconds>(steady_clock::now() - t0);

    std::mt19937 random(Catch::rngSeed());
    std::uniform_int_distribution<long> at(whole.count() / 5, whole.count() * 19 / 20);
    int landed = 0;
    for (int run = 0; run < kills; ++run) {
        auto const pid = start_superbot(import);
        auto const pause = milliseconds(at(random));
        std::this_thread::sleep_for(pause);
        int exit_code = 0;
        bool const killed = kill_if_running(pid, exit_code);
        landed += killed;
        auto const stored = count(database, "SELECT count(*) FROM person");
        INFO("run " << run << ", killed after " << pause.count() << " of " << whole.count() << " ms: " << killed << ", " << stored << " people");
        CHECK((stored == 0 || stored == people));
        if (!killed) CHECK(exit_code == 0);
    }
    CHECK(landed > 0);

    // Run again to the end, and once more: the second run finds everything in place.
    REQUIRE(wait_superbot(start_superbot(import)) == 0);
    CHECK(count(database, "SELECT count(*) FROM person") == people);
    CHECK(count(database, "SELECT count(*) FROM municipality") == municipalities);
    auto const roles = count(database, "SELECT count(*) FROM role_assignment");
    CHECK(roles == municipalities);
    REQUIRE(wait_superbot(start_superbot(import)) == 0);
    CHECK(count(database, "SELECT count(*) FROM person") == people);
    CHECK(count(database, "SELECT count(*) FROM role_assignment") == roles);
}

TEST_CASE("a change-request submit killed at random moments is stored once, and the platform's retry completes it",
          "[integration][crash][change_requests]") {
    KillableServer s("cr-crash");
    int n = 0;
    auto id = [&n] { return "act-" + std::to_string(++n); };
    s.say(anne, id(), "nyt ændringsønske");
    s.say(anne, id(), "Fletning af journalnotater");
    s.say(anne, id(), "Vi ønsker at kunne flette to journalnotater til ét");
    s.say(anne, id(), "Journal");
    s.say(anne, id(), "Mindre dobbeltarbejde");
    s.say(anne, id(), "høj");
    CHECK_THAT(s.say(anne, id(), "Færre notater at læse"), Catch::Contains("Dit ændringsønske"));

    auto const send = s.activity(anne, "act-send", "send");  // one activity, retried after each kill
    std::mt19937 random(Catch::rngSeed());
    std::uniform_int_distribution<int> delay_us(0, 6000);
    bool accepted = false;
    for (int run = 0; run < kills; ++run) {
        bool const ok = s.post_while_killed(send, microseconds(delay_us(random)));
        accepted = accepted || ok;
        auto const stored = count(s.database, "SELECT count(*) FROM change_request");
        INFO("run " << run << ": answered " << ok << ", " << stored << " stored");
        CHECK(stored <= 1);
        if (accepted) CHECK(stored == 1);
        s.start();
    }
    CHECK_THAT(s.say(anne, "act-send", "send"), Catch::Contains("ÆØ-2026-0001") || Catch::Contains("ÆØ-2027-0001"));
    CHECK(count(s.database, "SELECT count(*) FROM change_request") == 1);
    CHECK(count(s.database, "SELECT count(*) FROM change_request_draft WHERE step != 'done'") == 0);
    auto const mine = s.say(anne, id(), "mine ændringsønsker");
    CHECK_THAT(mine, Catch::Contains("Fletning af journalnotater"));
}

TEST_CASE("a release-review save killed at random moments is stored once, and the platform's retry completes it",
          "[integration][crash][releases]") {
    KillableServer s("review-crash");
    int n = 0;
    auto id = [&n] { return "act-" + std::to_string(++n); };
    CHECK_THAT(s.say(karen, id(), "registrer release DUBU 3.5 dato 2027-01-11 frist 2027-01-25"), Catch::Contains("Send release notes"));
    CHECK_THAT(s.say(karen, id(), "- Ny sagsoversigt\n- Hurtigere søgning"), Catch::Contains("Skriv »ja« for at registrere"));
    CHECK_THAT(s.say(karen, id(), "ja"), Catch::Contains("registreret med 2 punkter"));
    // A review in progress lives in memory (only answered items are stored), so after a kill
    // the dialog is opened again at the first open item, as a user would.
    auto const answer_item_1 = [&] {
        CHECK_THAT(s.say(bo, id(), "gennemgå DUBU 3.5"), Catch::Contains("punkt 1 af 2"));
        s.say(bo, id(), "middel");
        s.say(bo, id(), "nej");
        s.say(bo, id(), "ja: nyhedsbrev");
    };
    std::mt19937 random(Catch::rngSeed() + 1);
    std::uniform_int_distribution<int> delay_us(0, 6000);
    bool accepted = false;
    for (int run = 0; run < kills; ++run) {
        auto const stored_before = count(s.database, "SELECT count(*) FROM release_review");
        if (stored_before == 0) answer_item_1();
        // The last answer of item 1 saves it; once saved, the same activity is a retry.
        bool const ok = s.post_while_killed(s.activity(bo, "act-save-" + std::to_string(stored_before == 0 ? run : 0), "-"),
                                            microseconds(delay_us(random)));
        accepted = accepted || ok;
        auto const stored = count(s.database, "SELECT count(*) FROM release_review");
        INFO("run " << run << ": answered " << ok << ", " << stored << " stored");
        CHECK(stored <= 1);
        if (accepted) CHECK(stored == 1);
        s.start();
    }
    if (count(s.database, "SELECT count(*) FROM release_review") == 0) {
        answer_item_1();
        CHECK_THAT(s.say(bo, id(), "-"), Catch::Contains("Punkt 1 er gemt"));
    }
    CHECK(count(s.database, "SELECT count(*) FROM release_review") == 1);
    CHECK_THAT(s.say(bo, id(), "status på DUBU 3.5"), Catch::Contains("Ærø: 1 af 2 punkter gennemgået"));
}
