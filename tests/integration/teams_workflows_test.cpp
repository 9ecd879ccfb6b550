// Announcements for municipalities on Teams outgoing webhooks, through the real `superbot serve`
// and `superbot releases add`: the outgoing webhook cannot write first, so each configured
// municipality's channel gets the announcement through its Workflows URL, once, also when the
// flow was throttled; a flow that is gone parks the message for a coordinator, and the URL (the
// credential) is in no error and no log.
#include "storage/database.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"
#include "tests/support/workflows_standin.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

using namespace superbruger;
using namespace superbruger::tests;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

struct WorkflowsFixture {
    WorkflowsStandIn flows;
    std::uint16_t port = free_port();
    std::string name = "teams-workflows-" + std::to_string(port);
    std::filesystem::path cfg;
    std::filesystem::path log = work_dir() / (name + ".log");
    std::string database = (work_dir() / (name + ".sqlite")).string();
    pid_t pid = 0;

    WorkflowsFixture() {
        ::setenv("SB_TEST_WF_OWH", "bmJubm5ubm5ubm5ubm5ubm5ubm5ubm5ubm5ubm5ubm4=", 1);
        ::setenv("SB_TEST_WF_NAESTVED", flows.url_of("naestved").c_str(), 1);
        ::setenv("SB_TEST_WF_AEROE", flows.url_of("aeroe").c_str(), 1);
        cfg = write_config(name + ".json", json{{"server", {{"port", port}}},
                                                {"storage", {{"database", database}}},
                                                {"outbox", {{"poll_interval_seconds", 1}}},
                                                {"teams_webhook",
                                                 {{"enabled", true},
                                                  {"webhooks", {{"naestved", "SB_TEST_WF_OWH"}}},
                                                  // Næstved by name, Ærø by kommunenummer.
                                                  {"workflows", {{"Næstved", "SB_TEST_WF_NAESTVED"}, {"492", "SB_TEST_WF_AEROE"}}},
                                                  {"send_attempts", 2},
                                                  {"max_retry_wait_seconds", 2}}}}
                                                   .dump());
        auto const csv = write_config(name + ".csv", "kommune;kommunenummer;navn;email;rolle;koordinator;platform;tenant;identitet\n"
                                                     "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej;teams;tenant-370;aad-anne\n"
                                                     "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej;teams;tenant-492;aad-bo\n");
        REQUIRE(std::system((superbot + " directory import " + csv.string() + " --config " + cfg.string() + " > /dev/null").c_str()) == 0);
        pid = start_serve(cfg, port, log);
    }
    ~WorkflowsFixture() { stop_serve(pid); }

    void add_release(std::string const& release, std::string const& deadline) const {
        auto const notes = write_config(name + "-notes.md", "## Sager\n- Ny sagsoversigt\n- Hurtigere søgning\n");
        auto const command = superbot + " releases add --name '" + release + "' --date 2027-01-11 --deadline " + deadline + " --notes " + notes.string() +
                             " --yes --config " + cfg.string() + " > /dev/null";
        REQUIRE(std::system(command.c_str()) == 0);
    }

    /// The send window is weekdays 08-16; the test moves every queued message's time to now.
    void make_due() const {
        storage::Database db(database);
        db.connection().exec("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE status = 'pending'");
    }

    std::string status_of_channel_post(std::string const& municipality) const {
        storage::Database db(database);
        SQLite::Statement q(db.connection(), "SELECT status || ' ' || last_error FROM outbox WHERE platform = 'teams_webhook' AND recipient = ? ORDER BY id DESC");
        q.bind(1, municipality);
        return q.executeStep() ? q.getColumn(0).getString() : "";
    }

    /// The channel's latest outbox row's status, once it starts with `status` (or 10 s passed).
    std::string await_channel_post(std::string const& municipality, std::string const& status) const {
        std::string now;
        for (int i = 0; i < 100; ++i) {
            now = status_of_channel_post(municipality);
            if (now.starts_with(status)) break;
            std::this_thread::sleep_for(100ms);
        }
        return now;
    }

    std::string log_text() const {
        std::ifstream in(log);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

}  // namespace

TEST_CASE("each outgoing-webhook municipality's channel gets the announcement through Workflows once", "[teams_webhook][workflows][integration]") {
    WorkflowsFixture f;
    f.flows.fail_next(1, 429);  // throttled first: tried again, not lost, not doubled
    f.add_release("DUBU 3.5", "2027-01-25");
    f.make_due();
    REQUIRE(f.flows.wait_for(3));
    for (int i = 0; i < 50 && (f.flows.delivered("naestved").empty() || f.flows.delivered("aeroe").empty()); ++i) std::this_thread::sleep_for(100ms);

    auto const naestved = f.flows.delivered("naestved");
    auto const aeroe = f.flows.delivered("aeroe");
    REQUIRE(naestved.size() == 1);
    REQUIRE(aeroe.size() == 1);
    CHECK_THAT(naestved[0].card_text(), Catch::Contains("DUBU 3.5") && Catch::Contains("Næstved skal gennemgå senest 2027-01-25") &&
                                            Catch::Contains("»gennemgå DUBU 3.5«"));
    CHECK_THAT(aeroe[0].card_text(), Catch::Contains("Ærø skal gennemgå senest 2027-01-25"));
    CHECK_FALSE(naestved[0].json["attachments"][0]["content"].contains("actions"));  // nothing to submit to
    // The stand-in's 202 is recorded a moment before the outbox marks the row.
    CHECK_THAT(f.await_channel_post("Næstved", "sent"), Catch::StartsWith("sent"));
    CHECK_THAT(f.await_channel_post("492", "sent"), Catch::StartsWith("sent"));

    // Later rounds send nothing more.
    std::this_thread::sleep_for(2500ms);
    CHECK(f.flows.delivered("naestved").size() == 1);
    CHECK(f.flows.delivered("aeroe").size() == 1);
}

TEST_CASE("a Workflows flow that is gone parks the channel's message, and its URL is nowhere to be read", "[teams_webhook][workflows][integration]") {
    WorkflowsFixture f;
    f.flows.fail_next(100, 404, R"({"error":{"code":"WorkflowNotFound","message":"The workflow was not found."}})");
    f.add_release("DUBU 3.6", "2027-02-01");
    f.make_due();
    REQUIRE(f.flows.wait_for(2));
    auto const status = f.await_channel_post("Næstved", "parked");
    CHECK_THAT(f.await_channel_post("492", "parked"), Catch::StartsWith("parked"));
    // Longer than a retry would wait (max_retry_wait_seconds 2, outbox poll 1 s): no second try comes.
    std::this_thread::sleep_for(3500ms);
    CHECK_THAT(status, Catch::StartsWith("parked") && Catch::Contains("404") && Catch::Contains("WorkflowNotFound"));
    CHECK(f.flows.posts().size() == 2);  // refused for good: not tried again
    CHECK_THAT(status, !Catch::Contains(WorkflowsStandIn::signature));
    CHECK_THAT(f.log_text(), !Catch::Contains(WorkflowsStandIn::signature) && Catch::Contains("WorkflowNotFound"));
}
