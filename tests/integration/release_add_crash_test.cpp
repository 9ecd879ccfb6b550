// `superbot releases add` under SIGKILL: a release is registered together with every one of its
// announcements, or not at all. Before, the release was stored first and the announcements were
// queued one by one, so a kill left it with only some queued, and running the command again was
// refused as a duplicate: the rest were never sent.
#include "bot/config.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/releases.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace superbruger;
using namespace superbruger::tests;
using namespace std::chrono;

namespace {

constexpr int municipalities = 300;
constexpr int superbrugere_per_municipality = 10;
constexpr std::size_t everyone = municipalities * superbrugere_per_municipality;

void prepare(std::filesystem::path const& database) {
    std::filesystem::remove(database);
    storage::Database db(database.string());
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    std::ostringstream csv;
    csv << "kommune;kommunenummer;navn;email;rolle;teams_tenant;teams_objektid\n";
    for (int m = 0; m < municipalities; ++m) {
        for (int p = 0; p < superbrugere_per_municipality; ++p) {
            auto const i = std::to_string(m * superbrugere_per_municipality + p);
            csv << "Kommune " << m << ";" << 100 + m << ";Person " << i << ";p" << i << "@example.dk;superbruger;tenant-" << m << ";aad-" << i << "\n";
        }
    }
    REQUIRE(bot::directory::import_csv(csv.str(), directory, {"test", "2026-11-01T10:00:00Z", "2026-11-01"}, false).problems.empty());
}

/// `superbot releases add --yes …` in a child process, output to /dev/null.
pid_t start_add(std::filesystem::path const& cfg, std::filesystem::path const& notes) {
    auto const pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        auto const null = ::open("/dev/null", O_RDWR);
        ::dup2(null, STDIN_FILENO);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::execl(superbot.c_str(), superbot.c_str(), "releases", "add", "--yes", "--allow-past", "--config", cfg.c_str(), "--name", "DUBU 3.4",
                "--date", "2099-12-01", "--deadline", "2099-12-15", "--notes", notes.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

struct State {
    std::size_t releases = 0;
    std::size_t queued = 0;
};

State state(std::filesystem::path const& database) {
    storage::Database db(database.string());
    return {storage::Releases(db).all().size(), storage::Outbox(db).count("pending")};
}

}  // namespace

TEST_CASE("releases add killed at any moment stores the release with all its announcements or nothing", "[integration][releases][crash]") {
    auto const database = work_dir() / "release-add-crash.sqlite";
    prepare(database);
    auto const cfg = write_config("release-add-crash.json", R"({"storage": {"database": ")" + database.string() + R"("}})");
    auto const notes = write_config("release-add-crash.md", "- Breve\n- Journalfraser\n");

    // How long a whole run takes here, on a copy, so the kills land during the run.
    auto const copy = work_dir() / "release-add-crash-timing.sqlite";
    std::filesystem::copy_file(database, copy, std::filesystem::copy_options::overwrite_existing);
    auto const timing_cfg = write_config("release-add-crash-timing.json", R"({"storage": {"database": ")" + copy.string() + R"("}})");
    auto const started = steady_clock::now();
    int status = 0;
    ::waitpid(start_add(timing_cfg, notes), &status, 0);
    auto const whole_run = duration_cast<milliseconds>(steady_clock::now() - started);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(state(copy).queued == everyone);
    INFO("a whole run takes " << whole_run.count() << " ms");

    std::mt19937 random(Catch::rngSeed());
    std::uniform_int_distribution<long> pause(whole_run.count() / 10, whole_run.count() * 9 / 10);
    int killed_while_running = 0;
    for (int run = 0; run < 8; ++run) {
        auto const pid = start_add(cfg, notes);
        std::this_thread::sleep_for(milliseconds(pause(random)));
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) ++killed_while_running;
        auto const now = state(database);
        INFO("run " << run << ": " << now.releases << " release(s), " << now.queued << " announcement(s) queued");
        // All or nothing: never a release with only some of its announcements.
        CHECK(now.queued == (now.releases == 0 ? 0 : everyone));
        if (now.releases == 1) break;  // done: a rerun would be refused as a duplicate, rightly
    }
    CHECK(killed_while_running > 0);

    // Whatever the kills left, running the command (again) completes the job.
    if (state(database).releases == 0) {
        ::waitpid(start_add(cfg, notes), &status, 0);
        CHECK(WIFEXITED(status));
    }
    auto const end = state(database);
    CHECK(end.releases == 1);
    CHECK(end.queued == everyone);
}
