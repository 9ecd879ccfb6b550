// The superbot binary as an operator meets it: exit codes, messages, ask output, serve + SIGTERM.
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/superbot_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace superbruger::tests;
using namespace std::chrono_literals;

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
};

/// Runs a shell command line, capturing stdout (and stderr when `with_stderr`).
Run run(std::string const& command_line, bool with_stderr = true) {
    Run r;
    auto const cmd = command_line + (with_stderr ? " 2>&1" : " 2>/dev/null");
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf{};
    while (auto n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
    auto status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

TEST_CASE("a broken config stops serve with a non-zero exit naming the key", "[cli]") {
    auto cfg = write_config("broken.json", R"({"server": {"port": "not a number"}})");
    auto r = run(superbot + " serve --config " + cfg.string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.out, Catch::Contains("'server.port'"));

    auto unknown = write_config("unknown.json", R"({"storage": {"databse": "x.sqlite"}})");
    auto r2 = run(superbot + " serve --config " + unknown.string());
    CHECK(r2.exit_code == 2);
    CHECK_THAT(r2.out, Catch::Contains("'storage.databse'"));

    auto missing = run(superbot + " serve --config /nonexistent/superbot.json");
    CHECK(missing.exit_code == 2);
}

TEST_CASE("unknown commands and options are refused with usage", "[cli]") {
    CHECK(run(superbot + " frobnicate").exit_code == 2);
    CHECK(run(superbot + " ask --colour red \"hej\"").exit_code == 2);
    auto help = run(superbot + " ask --help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("--jsonl"));
    CHECK(run(superbot + " serve --help").exit_code == 0);
    CHECK(run(superbot + " chat --help").exit_code == 0);
}

TEST_CASE("ask --jsonl prints one JSON line per question", "[cli]") {
    auto cfg = write_config("ask.json", R"({"storage": {"database": "ask.sqlite"}})");
    auto questions = work_dir() / "questions.jsonl";
    std::ofstream(questions) << R"({"id":"q1","question":"hvad laver en superbruger?"})" << "\n"
                             << R"({"id":"q2","question":"who won the champions league last year?"})" << "\n"
                             << "not json\n"
                             << R"({"id":"q3","question":"hjælp"})" << "\n";
    auto r = run(superbot + " ask --config " + cfg.string() + " --jsonl " + questions.string(), false);
    CHECK(r.exit_code == 1);  // the bad line
    std::vector<nlohmann::json> lines;
    std::size_t start = 0;
    while (start < r.out.size()) {
        auto nl = r.out.find('\n', start);
        lines.push_back(nlohmann::json::parse(r.out.substr(start, nl - start)));
        start = nl + 1;
    }
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["id"] == "q1");
    CHECK(lines[0]["confident"] == true);
    CHECK(lines[0]["sources"].size() == 1);
    CHECK(lines[1]["id"] == "q2");
    CHECK(lines[1]["confident"] == false);
    CHECK(lines[1]["sources"].empty());
    CHECK(lines[2]["id"] == "q3");
}

TEST_CASE("serve answers /healthz and stops cleanly on SIGTERM", "[cli][integration]") {
    auto const port = free_port();
    auto cfg = write_config("serve.json", R"({"server": {"port": )" + std::to_string(port) +
                                              R"(}, "storage": {"database": "serve.sqlite"}})");
    auto const pid = start_serve(cfg, port);
    CHECK(http_request(port, boost::beast::http::verb::get, "/readyz").result_int() == 200);
    CHECK(stop_serve(pid) == 0);
}

TEST_CASE("knowledge reload makes a running server re-read its local folder", "[cli][integration][knowledge]") {
    auto const port = free_port();
    auto const local = work_dir() / "local-knowledge";
    std::filesystem::remove_all(local);
    std::filesystem::create_directories(local);
    auto cfg = write_config("reload.json", R"({"server": {"port": )" + std::to_string(port) +
                                               R"(, "pid_file": "reload.pid"}, "storage": {"database": "reload.sqlite"},)"
                                               R"( "knowledge": {"local_dirs": ["local-knowledge"]}})");
    auto const pid = start_serve(cfg, port);
    CHECK(std::filesystem::exists(work_dir() / "reload.pid"));
    auto const bundled = metric(port, "superbot_knowledge_documents");
    CHECK(bundled > 30);
    CHECK(metric(port, "superbot_knowledge_loads_total") == 1);

    std::ofstream(local / "postkasse.md") << "---\nid: postkasse\ntitle: Vores DUBU-postkasse\nkind: local\nsource: Korsbæk\n---\n"
                                             "Skriv til dubu@korsbaek.dk.\n";
    auto r = run(superbot + " knowledge reload --config " + cfg.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("pid " + std::to_string(pid)));
    CHECK(metric_becomes(port, "superbot_knowledge_loads_total", 2));
    CHECK(metric(port, "superbot_knowledge_documents") == bundled + 1);
    CHECK(metric(port, "superbot_knowledge_problems") == 0);

    // A malformed file is reported by name and line and skipped; the good ones stay loaded.
    std::ofstream(local / "broken.md") << "---\nid: broken\ntitle: Brudt\nkind: nonsense\nsource: x\n---\ntekst\n";
    r = run(superbot + " knowledge reload --config " + cfg.string());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("broken.md:4"));
    CHECK(metric_becomes(port, "superbot_knowledge_loads_total", 3));
    CHECK(metric(port, "superbot_knowledge_documents") == bundled + 1);
    CHECK(metric(port, "superbot_knowledge_problems") == 1);

    CHECK(stop_serve(pid) == 0);
    CHECK_FALSE(std::filesystem::exists(work_dir() / "reload.pid"));
    r = run(superbot + " knowledge reload --config " + cfg.string());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("no running server"));
}

TEST_CASE("knowledge report lists declined and down-voted questions", "[cli][knowledge]") {
    auto cfg = write_config("report.json", R"({"storage": {"database": "report.sqlite"}})");
    std::filesystem::remove(work_dir() / "report.sqlite");
    CHECK(run(superbot + " ask --config " + cfg.string() + " 'hvem må kontakte servicedesken?'").exit_code == 0);
    CHECK(run(superbot + " ask --config " + cfg.string() + " 'feedback 1 nej'").exit_code == 0);
    CHECK(run(superbot + " ask --config " + cfg.string() + " 'hvem vandt VM i fodbold?'").exit_code == 0);
    auto r = run(superbot + " knowledge report --config " + cfg.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("1×  last"));
    CHECK_THAT(r.out, Catch::Contains("hvem vandt vm i fodbold?"));
    CHECK_THAT(r.out, Catch::Contains("1× not helpful, 0× helpful"));
    CHECK_THAT(r.out, Catch::Contains("hvem må kontakte servicedesken?  (answered from support)"));
    CHECK(run(superbot + " knowledge report --config " + cfg.string() + " --limit 0").exit_code == 2);
    CHECK(run(superbot + " knowledge frobnicate").exit_code == 2);
}

TEST_CASE("directory import, export, phase, export of a person and forget from the command line", "[cli][directory]") {
    auto cfg = write_config("directory.json", R"({"storage": {"database": "directory.sqlite"}})");
    std::filesystem::remove(work_dir() / "directory.sqlite");
    auto const csv_path = work_dir() / "directory.csv";
    std::ofstream(csv_path) << "kommune;kommunenummer;fase;navn;email;rolle\n"
                               "Korsbæk;999;3;Mette Jensen;mette@korsbaek.dk;projektleder\n"
                               "Korsbæk;999;3;Ole Hansen;ole@korsbaek.dk;superbruger\n";
    auto const base = superbot + " directory --config " + cfg.string();
    auto r = run(superbot + " directory import --config " + cfg.string() + " " + csv_path.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 new role assignment(s)"));

    auto const bad = work_dir() / "bad.csv";
    std::ofstream(bad) << "kommune;kommunenummer;navn;email;rolle\nKorsbæk;999;X;x@y.dk;kaffeansvarlig\n";
    r = run(superbot + " directory import --config " + cfg.string() + " " + bad.string());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("bad.csv:2: rolle 'kaffeansvarlig'"));
    CHECK_THAT(r.out, Catch::Contains("nothing was imported"));

    r = run(superbot + " ask --config " + cfg.string() + " --as ole@korsbaek.dk 'hvem er vores projektleder?'");
    CHECK_THAT(r.out, Catch::Contains("Mette Jensen"));
    r = run(superbot + " directory phase --config " + cfg.string() + " korsbæk 4");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("ended 1 project role term(s)"));

    r = run(superbot + " directory export --config " + cfg.string() + " --person mette@korsbaek.dk", false);
    CHECK(r.exit_code == 0);
    auto const person = nlohmann::json::parse(r.out);
    CHECK(person["name"] == "Mette Jensen");
    CHECK(person["roles"][0]["role"] == "projektleder");
    CHECK_FALSE(person["roles"][0]["to"].get<std::string>().empty());

    CHECK(run(superbot + " directory forget --config " + cfg.string() + " mette@korsbaek.dk").exit_code == 0);
    CHECK(run(superbot + " directory forget --config " + cfg.string() + " mette@korsbaek.dk").exit_code == 2);
    r = run(superbot + " directory export --config " + cfg.string(), false);
    CHECK_THAT(r.out, !Catch::Contains("Mette"));
    CHECK_THAT(r.out, Catch::Contains("Ole Hansen"));
    CHECK(run(base).exit_code == 2);
}

TEST_CASE("serve with Teams on but no secret in the environment stops and says which variable", "[cli][teams]") {
    auto cfg = write_config("teams-nosecret.json", R"({"teams": {"app_id": "abc", "app_password_env": "SB_TEST_UNSET_SECRET"}})");
    ::unsetenv("SB_TEST_UNSET_SECRET");
    auto r = run(superbot + " serve --config " + cfg.string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.out, Catch::Contains("SB_TEST_UNSET_SECRET"));
}

TEST_CASE("teams manifest fills the template from the config and checks the values", "[cli][teams]") {
    auto cfg = write_config("teams-manifest.json", R"({"teams": {"app_id": "0a1b2c3d-0000-4000-8000-123456789abc"}})");
    auto const out = work_dir() / "teams-package";
    std::filesystem::remove_all(out);
    auto const base = superbot + " teams manifest --config " + cfg.string() + " --out " + out.string();
    auto const urls = " --website https://superbrugere.example --privacy https://superbrugere.example/privatliv"
                      " --terms https://superbrugere.example/vilkaar";
    auto r = run(base + urls + " --app-version 1.2.3");
    REQUIRE(r.exit_code == 0);
    auto const manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
    CHECK(manifest["manifestVersion"] == "1.24");
    CHECK(manifest["id"] == "0a1b2c3d-0000-4000-8000-123456789abc");
    CHECK(manifest["version"] == "1.2.3");
    CHECK(manifest["bots"][0]["botId"] == "0a1b2c3d-0000-4000-8000-123456789abc");
    CHECK(manifest["bots"][0]["scopes"] == nlohmann::json::array({"personal", "team", "groupChat"}));
    CHECK(manifest["developer"]["privacyUrl"] == "https://superbrugere.example/privatliv");
    CHECK(manifest["localizationInfo"]["defaultLanguageTag"] == "da-dk");
    CHECK(manifest.dump().find("{{") == std::string::npos);
    CHECK(nlohmann::json::parse(read_file(out / "en-us.json"))["name.short"] == "Superbruger bot");
    CHECK(std::filesystem::file_size(out / "color.png") > 0);
    CHECK(std::filesystem::file_size(out / "outline.png") > 0);

    CHECK_THAT(run(base + " --website http://x --privacy https://p --terms https://t").out, Catch::Contains("--website must be an https"));
    CHECK(run(base + urls + " --app-version 1.2").exit_code == 2);
    CHECK_THAT(run(base + " --website https://x").out, Catch::Contains("--privacy"));
    auto no_bot = write_config("teams-manifest-none.json", "{}");
    CHECK_THAT(run(superbot + " teams manifest --config " + no_bot.string() + " --out " + out.string() + urls).out,
               Catch::Contains("teams.app_id"));
}

TEST_CASE("deploy/teams/package makes a zip with the files at the top", "[cli][teams]") {
    auto cfg = write_config("teams-zip.json", R"({"teams": {"app_id": "0a1b2c3d-0000-4000-8000-123456789abc"}})");
    auto const zip = work_dir() / "superbot-teams.zip";
    auto const script = std::filesystem::path(SB_TESTS_DIR) / ".." / "deploy" / "teams" / "package";
    auto r = run("SUPERBOT=" + superbot + " " + script.string() + " --config " + cfg.string() + " --out " + zip.string() +
                 " --website https://s.example --privacy https://s.example/p --terms https://s.example/t");
    REQUIRE(r.exit_code == 0);
    auto const listing = run("unzip -Z1 " + zip.string()).out;
    CHECK(listing == "manifest.json\nen-us.json\ncolor.png\noutline.png\n");
}

TEST_CASE("change-requests export refuses bad options and writes a header for an empty network", "[cli][change_requests]") {
    auto cfg = write_config("cr-export.json", R"({"storage": {"database": "cr-export.sqlite"}})");
    auto r = run(superbot + " change-requests export --config " + cfg.string(), false);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("id,titel,beskrivelse"));
    CHECK(run(superbot + " change-requests export --format xml --config " + cfg.string()).exit_code == 2);
    CHECK_THAT(run(superbot + " change-requests export --status glemt --config " + cfg.string()).out, Catch::Contains("unknown status"));
    CHECK(run(superbot + " change-requests export --format json --status \"sendt til KOMBIT\" --config " + cfg.string(), false).out == "[]\n");
}

TEST_CASE("releases add list show and the refusals a coordinator meets", "[cli][releases]") {
    auto cfg = write_config("releases.json", R"({"storage": {"database": "releases-cli.sqlite"}})");
    std::filesystem::remove(work_dir() / "releases-cli.sqlite");
    auto notes = write_config("notes-3.4.md", "# Breve\n- Nye standardbreve\n- Journalfraser kan redigeres\n");
    auto const base = superbot + " releases --config " + cfg.string() + " ";
    auto r = run(base + "add --name \"DUBU 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 items") && Catch::Contains("1. Breve: Nye standardbreve"));
    auto again = run(base + "add --name \"dubu 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string());
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.out, Catch::Contains("allerede registreret"));
    CHECK_THAT(run(base + "add --name \"DUBU 3.5\" --date 2026-12-01 --deadline 2026-11-01 --notes " + notes.string()).out,
               Catch::Contains("før releasedatoen"));
    CHECK(run(base + "add --name \"DUBU 3.5\" --date 2026-12-01 --notes " + notes.string()).exit_code == 2);
    CHECK_THAT(run(base + "list").out, Catch::Contains("DUBU 3.4\t2026-12-01\tfrist 2026-12-15"));
    CHECK_THAT(run(base + "show \"DUBU 3.4\"").out, Catch::Contains("2. Breve: Journalfraser kan redigeres"));
    CHECK(run(base + "show \"DUBU 9\"").exit_code == 1);
    auto corrected = write_config("notes-3.4-fixed.md", "- Nye standardbreve\n- Journalfraser\n- Ydelseskatalog\n");
    CHECK_THAT(run(base + "items \"DUBU 3.4\" --notes " + corrected.string()).out, Catch::Contains("now has 3 items"));
}

TEST_CASE("releases report shows every municipality's progress as Markdown or CSV", "[cli][releases]") {
    auto cfg = write_config("releases-report.json", R"({"storage": {"database": "releases-report.sqlite"}})");
    std::filesystem::remove(work_dir() / "releases-report.sqlite");
    auto csv = write_config("report-dir.csv",
                            "kommune;kommunenummer;navn;email;rolle\n"
                            "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger\n"
                            "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger\n"
                            "Korsbæk;999;;;\n");
    REQUIRE(run(superbot + " directory import " + csv.string() + " --config " + cfg.string()).exit_code == 0);
    auto notes = write_config("report-notes.md", "- Breve\n- Journalfraser\n");
    auto const base = superbot + " releases --config " + cfg.string() + " ";
    REQUIRE(run(base + "add --name \"DUBU 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string()).exit_code == 0);
    auto md = run(base + "report \"DUBU 3.4\"", false);
    CHECK(md.exit_code == 0);
    CHECK_THAT(md.out, Catch::Contains("0 af 2 kommuner er færdige") && Catch::Contains("| Næstved | 0 af 2 | nej |") &&
                           Catch::Contains("Uden superbrugere, så uden gennemgang: Korsbæk."));
    auto csv_out = run(base + "report \"DUBU 3.4\" --format csv", false).out;
    CHECK_THAT(csv_out, Catch::StartsWith("release,kommune,punkt") && Catch::Contains("DUBU 3.4,Ærø,2,Journalfraser,mangler") &&
                            !Catch::Contains("Korsbæk"));
    CHECK(run(base + "report \"DUBU 3.4\" --format pdf").exit_code == 2);
}

TEST_CASE("outbox failed lists parked messages and retry queues one again", "[cli][outbox]") {
    auto cfg = write_config("outbox.json", R"({"storage": {"database": "outbox-cli.sqlite"}})");
    std::filesystem::remove(work_dir() / "outbox-cli.sqlite");
    CHECK_THAT(run(superbot + " outbox failed --config " + cfg.string(), false).out, Catch::Contains("no parked messages"));
    {
        superbruger::storage::Database db((work_dir() / "outbox-cli.sqlite").string());
        superbruger::storage::Outbox outbox(db);
        REQUIRE(outbox.enqueue(superbruger::storage::OutboxMessage::to("k", "console", "anne", "", R"({"text":"Påmindelse om DUBU 3.4"})",
                                                                       "2026-11-23T07:00:00Z", "2026-11-23T07:00:00Z")));
        outbox.mark_failed(outbox.due("2026-11-23T07:00:00Z", 1).at(0).id, "no way to send", "2026-11-23T07:00:00Z", true);
    }
    auto const listed = run(superbot + " outbox failed --config " + cfg.string(), false).out;
    CHECK_THAT(listed, Catch::Contains("console:anne") && Catch::Contains("no way to send") && Catch::Contains("Påmindelse om DUBU 3.4"));
    auto const id = listed.substr(0, listed.find('\t'));
    CHECK(run(superbot + " outbox retry " + id + " --config " + cfg.string()).exit_code == 0);
    CHECK(run(superbot + " outbox retry " + id + " --config " + cfg.string()).exit_code == 1);  // no longer parked
    CHECK(run(superbot + " outbox retry abc --config " + cfg.string()).exit_code == 2);
    CHECK_THAT(run(superbot + " outbox failed --config " + cfg.string(), false).out, Catch::Contains("no parked messages"));
}
