// The superbot binary as an operator meets it: exit codes, messages, ask output, serve + SIGTERM.
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/release_reviews.hpp"
#include "storage/releases.hpp"
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
    // The overview: Danish by default, English with --lang en; each platform's command listed.
    auto const overview = run(superbot + " --help");
    CHECK(overview.exit_code == 0);
    CHECK_THAT(overview.out, Catch::StartsWith("Brug: superbot KOMMANDO") && Catch::Contains("Slack-appens manifest"));
    CHECK_THAT(run(superbot + " --help --lang en").out, Catch::StartsWith("Usage: superbot COMMAND") && Catch::Contains("the Slack app manifest"));
    CHECK_THAT(run(superbot + " frobnicate").out, Catch::Contains("ukendt kommando 'frobnicate'"));
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
    CHECK_THAT(r.out, Catch::Contains("ingen kørende server"));
    r = run(superbot + " knowledge reload --lang en --config " + cfg.string());
    CHECK_THAT(r.out, Catch::Contains("no running server") && Catch::Contains("1 problem\n"));
}

TEST_CASE("knowledge report lists declined and down-voted questions", "[cli][knowledge]") {
    auto cfg = write_config("report.json", R"({"storage": {"database": "report.sqlite"}})");
    std::filesystem::remove(work_dir() / "report.sqlite");
    CHECK(run(superbot + " ask --config " + cfg.string() + " 'hvem må kontakte servicedesken?'").exit_code == 0);
    CHECK(run(superbot + " ask --config " + cfg.string() + " 'feedback 1 nej'").exit_code == 0);
    CHECK(run(superbot + " ask --config " + cfg.string() + " 'hvem vandt VM i fodbold?'").exit_code == 0);
    auto r = run(superbot + " knowledge report --config " + cfg.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Ubesvarede spørgsmål (1)") && Catch::Contains("1×  senest"));
    CHECK_THAT(r.out, Catch::Contains("hvem vandt vm i fodbold?"));
    CHECK_THAT(r.out, Catch::Contains("1× ikke nyttigt, 0× nyttigt"));
    CHECK_THAT(r.out, Catch::Contains("hvem må kontakte servicedesken?  (svaret fra support)"));
    r = run(superbot + " knowledge report --lang en --config " + cfg.string());
    CHECK_THAT(r.out, Catch::Contains("1×  last") && Catch::Contains("1× not helpful, 0× helpful") &&
                          Catch::Contains("hvem må kontakte servicedesken?  (answered from support)"));
    CHECK(run(superbot + " knowledge report --config " + cfg.string() + " --limit 0").exit_code == 2);
    CHECK(run(superbot + " knowledge frobnicate").exit_code == 2);
}

TEST_CASE("directory import, export, phase, export of a person and forget from the command line", "[cli][directory]") {
    auto cfg = write_config("directory.json", R"({"storage": {"database": "directory.sqlite"}})");
    std::filesystem::remove(work_dir() / "directory.sqlite");
    auto const csv_path = work_dir() / "directory.csv";
    std::ofstream(csv_path) << "kommune;kommunenummer;fase;navn;email;rolle;teams_objektid\n"
                               "Korsbæk;999;3;Mette Jensen;mette@korsbaek.dk;projektleder;aad-mette\n"
                               "Korsbæk;999;3;Ole Hansen;ole@korsbaek.dk;superbruger\n";
    auto const base = superbot + " directory --config " + cfg.string();
    auto r = run(superbot + " directory import --config " + cfg.string() + " " + csv_path.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 roller tilføjet"));

    auto const bad = work_dir() / "bad.csv";
    std::ofstream(bad) << "kommune;kommunenummer;navn;email;rolle\nKorsbæk;999;X;x@y.dk;kaffeansvarlig\n";
    r = run(superbot + " directory import --config " + cfg.string() + " " + bad.string());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("bad.csv:2: rolle 'kaffeansvarlig'"));
    CHECK_THAT(r.out, Catch::Contains("intet blev importeret"));

    r = run(superbot + " ask --config " + cfg.string() + " --as ole@korsbaek.dk 'hvem er vores projektleder?'");
    CHECK_THAT(r.out, Catch::Contains("Mette Jensen"));
    r = run(superbot + " directory phase --config " + cfg.string() + " korsbæk 4");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("afsluttede 1 projektrolle-periode"));

    r = run(superbot + " directory export --config " + cfg.string() + " --person mette@korsbaek.dk", false);
    CHECK(r.exit_code == 0);
    auto const person = nlohmann::json::parse(r.out);
    CHECK(person["name"] == "Mette Jensen");
    CHECK(person["roles"][0]["role"] == "projektleder");
    CHECK(person["municipality"] == "Korsbæk");
    CHECK(person["identities"] == nlohmann::json::parse(R"([{"platform": "teams", "id": "aad-mette"}])"));
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

    CHECK_THAT(run(base + " --website http://x --privacy https://p --terms https://t").out, Catch::Contains("--website skal være en https://-URL"));
    CHECK_THAT(run(base + " --lang en --website http://x --privacy https://p --terms https://t").out, Catch::Contains("--website must be an https"));
    CHECK_THAT(run(superbot + " teams --help").out, Catch::StartsWith("Brug: superbot teams manifest"));
    CHECK_THAT(run(superbot + " slack manifest --url http://x").out, Catch::Contains("slack manifest kræver --url https://"));
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
    CHECK_THAT(run(superbot + " change-requests export --status glemt --config " + cfg.string()).out, Catch::Contains("ukendt status"));
    CHECK_THAT(run(superbot + " change-requests export --lang en --status glemt --config " + cfg.string()).out, Catch::Contains("unknown status"));
    CHECK_THAT(run(superbot + " change-requests export --format xml --config " + cfg.string()).out, Catch::Contains("--format skal være csv eller json"));
    CHECK(run(superbot + " change-requests export --format json --status \"sendt til KOMBIT\" --config " + cfg.string(), false).out == "[]\n");
    // For Danish Excel: semicolons, a UTF-8 BOM and CRLF, as the directory export.
    CHECK_THAT(run(superbot + " change-requests export --excel --config " + cfg.string(), false).out, Catch::StartsWith("\xEF\xBB\xBFid;titel;beskrivelse"));
    CHECK_THAT(run(superbot + " change-requests --help").out, Catch::Contains("Brug: superbot change-requests export"));
}

TEST_CASE("releases add list show and the refusals a coordinator meets", "[cli][releases]") {
    auto cfg = write_config("releases.json", R"({"storage": {"database": "releases-cli.sqlite"}})");
    std::filesystem::remove(work_dir() / "releases-cli.sqlite");
    auto notes = write_config("notes-3.4.md", "# Breve\n- Nye standardbreve\n- Journalfraser kan redigeres\n");
    auto const base = superbot + " releases --config " + cfg.string() + " ";
    auto r = run(base + "add --yes --allow-past --name \"DUBU 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 punkter") && Catch::Contains("1. Breve: Nye standardbreve"));
    auto again = run(base + "add --yes --allow-past --name \"dubu 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string());
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.out, Catch::Contains("allerede registreret"));
    CHECK_THAT(run(base + "add --name \"DUBU 3.5\" --date 2026-12-01 --deadline 2026-11-01 --notes " + notes.string()).out,
               Catch::Contains("før releasedatoen"));
    // The registry's refusals in English too.
    CHECK_THAT(run(base + "add --lang en --yes --allow-past --name \"dubu 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string()).out,
               Catch::Contains("is registered already"));
    CHECK_THAT(run(base + "add --lang en --name \"DUBU 3.5\" --date 2026-12-01 --deadline 2026-11-01 --notes " + notes.string()).out,
               Catch::Contains("is before the release date"));
    CHECK_THAT(run(base + "add --lang en --name \"DUBU 3.5\" --date 2026-13-01 --deadline 2026-12-15 --notes " + notes.string()).out,
               Catch::Contains("The release date must be a date like 2026-12-01"));
    CHECK(run(base + "add --name \"DUBU 3.5\" --date 2026-12-01 --notes " + notes.string()).exit_code == 2);
    CHECK_THAT(run(base + "list").out, Catch::Contains("DUBU 3.4\t2026-12-01\tfrist 2026-12-15"));
    CHECK_THAT(run(base + "show \"DUBU 3.4\"").out, Catch::Contains("2. Breve: Journalfraser kan redigeres"));
    CHECK(run(base + "show \"DUBU 9\"").exit_code == 1);
    auto corrected = write_config("notes-3.4-fixed.md", "- Nye standardbreve\n- Journalfraser\n- Ydelseskatalog\n");
    CHECK_THAT(run(base + "items \"DUBU 3.4\" --yes --notes " + corrected.string()).out, Catch::Contains("har nu 3 punkter"));
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
    REQUIRE(run(base + "add --yes --allow-past --name \"DUBU 3.4\" --date 2026-12-01 --deadline 2026-12-15 --notes " + notes.string()).exit_code == 0);
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
    CHECK_THAT(run(superbot + " outbox failed --config " + cfg.string(), false).out, Catch::Contains("ingen parkerede beskeder"));
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
    CHECK_THAT(run(superbot + " outbox failed --config " + cfg.string(), false).out, Catch::Contains("ingen parkerede beskeder"));
}

TEST_CASE("releases add shows the announcement and its reach first and registers only when confirmed", "[cli][releases]") {
    auto cfg = write_config("releases-preview.json", R"({"storage": {"database": "releases-preview.sqlite"}})");
    std::filesystem::remove(work_dir() / "releases-preview.sqlite");
    auto csv = write_config("preview-dir.csv",
                            "kommune;kommunenummer;navn;email;rolle;teams_tenant;teams_objektid\n"
                            "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;t-370;aad-anne\n"
                            "Næstved;370;Bo Berg;bo@naestved.dk;superbruger;t-370;aad-bo\n"
                            "Ærø;492;Cai Holm;cai@aeroe.dk;superbruger;t-492;aad-cai\n");
    REQUIRE(run(superbot + " directory import " + csv.string() + " --config " + cfg.string()).exit_code == 0);
    auto notes = write_config("preview-notes.md", "- Breve\n- Journalfraser\n");
    auto const base = superbot + " releases --config " + cfg.string() + " ";
    auto const add = base + "add --name \"DUBU 9.1\" --deadline 2099-12-15 --notes " + notes.string() + " ";

    // No --yes and no terminal: the preview, and nothing registered or queued.
    auto r = run(add + "--date 2099-12-01 --allow-past < /dev/null");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("Ny DUBU-release: **DUBU 9.1**") && Catch::Contains("Den sendes til 3 superbrugere i 2 kommuner") &&
                          Catch::Contains("Intet er registreret"));
    CHECK(run(base + "list").out.empty());

    // A date in the past (a typo for next year) or far ahead needs --allow-past, even with --yes.
    r = run(base + "add --yes --name \"DUBU 9.1\" --date 2020-12-01 --deadline 2020-12-15 --notes " + notes.string() + " < /dev/null");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("ligger i fortiden") && Catch::Contains("--allow-past"));
    r = run(add + "--yes --date 2099-12-01 < /dev/null");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("mere end to år fremme"));
    CHECK(run(base + "list").out.empty());
    {
        superbruger::storage::Database db((work_dir() / "releases-preview.sqlite").string());
        CHECK(superbruger::storage::Outbox(db).count("pending") == 0);
    }

    // Confirmed: registered and every announcement queued.
    r = run(add + "--yes --allow-past --date 2099-12-01");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("sat i kø til 3 superbrugere"));
    {
        superbruger::storage::Database db((work_dir() / "releases-preview.sqlite").string());
        CHECK(superbruger::storage::Outbox(db).count("pending") == 3);
    }

    // English when asked.
    CHECK_THAT(run(base + "show \"DUBU 9.2\" --lang en").out, Catch::Contains("no release called"));
    CHECK_THAT(run(base + "show \"DUBU 9.2\"").out, Catch::Contains("ingen release hedder"));
}

TEST_CASE("releases remove withdraws an unreviewed release and outbox cancel and dismiss withdraw messages", "[cli][releases][outbox]") {
    auto cfg = write_config("releases-remove.json", R"({"storage": {"database": "releases-remove.sqlite"}})");
    auto const database = work_dir() / "releases-remove.sqlite";
    std::filesystem::remove(database);
    auto csv = write_config("remove-dir.csv",
                            "kommune;kommunenummer;navn;email;rolle;teams_tenant;teams_objektid\n"
                            "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;t-370;aad-anne\n"
                            "Ærø;492;Cai Holm;cai@aeroe.dk;superbruger;t-492;aad-cai\n");
    REQUIRE(run(superbot + " directory import " + csv.string() + " --config " + cfg.string()).exit_code == 0);
    auto notes = write_config("remove-notes.md", "- Breve\n- Journalfraser\n");
    auto const base = superbot + " releases --config " + cfg.string() + " ";
    auto const add = [&](std::string const& name) {
        return run(base + "add --yes --allow-past --name \"" + name + "\" --date 2099-12-01 --deadline 2099-12-15 --notes " + notes.string());
    };
    REQUIRE(add("DUBU 9.1").exit_code == 0);
    REQUIRE(add("DUBU 9.2").exit_code == 0);
    auto const count = [&](std::string const& status) {
        superbruger::storage::Database db(database.string());
        return superbruger::storage::Outbox(db).count(status);
    };
    REQUIRE(count("pending") == 4);

    // remove: the release and its queued announcements go; the other release's stay.
    CHECK(run(base + "remove \"DUBU 9.1\" < /dev/null").exit_code == 1);  // not confirmed
    auto r = run(base + "remove \"DUBU 9.1\" --yes");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 meddelelser i kø trækkes tilbage"));
    CHECK(count("pending") == 2);
    CHECK_THAT(run(base + "list").out, !Catch::Contains("DUBU 9.1\t") && Catch::Contains("DUBU 9.2\t"));
    REQUIRE(add("DUBU 9.1").exit_code == 0);  // registering it again works and queues again
    CHECK(count("pending") == 4);

    // A reviewed release cannot be removed.
    {
        superbruger::storage::Database db(database.string());
        auto const release = superbruger::storage::Releases(db).find("dubu 9.2");
        REQUIRE(release);
        superbruger::storage::ItemReview review;
        review.release_id = release->id;
        review.municipality_id = 1;
        review.item_number = 1;
        review.effect = "lav";
        review.reviewed_by = "anne@naestved.dk";
        review.reviewed_at = "2099-12-02T10:00:00Z";
        superbruger::storage::ReleaseReviews(db).save(review);
    }
    r = run(base + "remove \"DUBU 9.2\" --yes");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("kan ikke fjernes"));

    // A bullet added at the top: the diff shows Breve's saved answer moving with it, and nothing
    // changes without a yes.
    auto const corrected = write_config("remove-notes-2.md", "- Ny sagsoversigt\n- Breve\n- Journalfraser\n");
    r = run(base + "items \"DUBU 9.2\" --notes " + corrected.string() + " < /dev/null");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("+ 1. Ny sagsoversigt (nyt)") && Catch::Contains("= 2. Breve (uændret, var nr. 1, 1 gemt svar, der flytter med)") &&
                          Catch::Contains("Intet er ændret"));
    CHECK_THAT(run(base + "show \"DUBU 9.2\"").out, Catch::Contains("1. Breve"));
    r = run(base + "items \"DUBU 9.2\" --yes --notes " + corrected.string());
    CHECK(r.exit_code == 0);
    {
        superbruger::storage::Database db(database.string());
        auto const release = superbruger::storage::Releases(db).find("dubu 9.2");
        auto const saved = superbruger::storage::ReleaseReviews(db).of_release(release->id);
        REQUIRE(saved.size() == 1);
        CHECK(saved[0].item_number == 2);  // still on Breve
    }

    // outbox cancel --release: the announcements of one release; cancel ID: one message.
    auto const outbox = superbot + " outbox --config " + cfg.string() + " ";
    r = run(outbox + "cancel --release \"DUBU 9.2\" --yes");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 beskeder trukket tilbage") && Catch::Contains("senere påmindelser om DUBU 9.2 er stoppet"));
    CHECK(count("pending") == 2);
    CHECK(count("cancelled") == 2);
    {
        // Withdrawn means withdrawn: the planner queues no later reminder of the release either.
        superbruger::storage::Database db(database.string());
        CHECK_FALSE(superbruger::storage::Releases(db).find("dubu 9.2")->reminders_stopped_at.empty());
    }
    CHECK_THAT(run(superbot + " releases --config " + cfg.string() + " reminders \"DUBU 9.2\" on").out, Catch::Contains("startet igen"));
    {
        superbruger::storage::Database db(database.string());
        CHECK(superbruger::storage::Releases(db).find("dubu 9.2")->reminders_stopped_at.empty());
    }
    CHECK_THAT(run(superbot + " releases --config " + cfg.string() + " reminders \"DUBU 9.2\" off").out, Catch::Contains("er stoppet"));
    CHECK(run(superbot + " releases --config " + cfg.string() + " reminders \"DUBU 9.2\" maybe").exit_code == 2);
    std::int64_t one = 0;
    {
        superbruger::storage::Database db(database.string());
        one = superbruger::storage::Outbox(db).with_status("pending").at(0).id;
    }
    CHECK(run(outbox + "cancel " + std::to_string(one)).exit_code == 0);
    CHECK(count("pending") == 1);
    r = run(outbox + "cancel " + std::to_string(one));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("er trukket tilbage"));
    CHECK(run(outbox + "cancel 99999").exit_code == 1);
    CHECK(run(outbox + "cancel x").exit_code == 2);

    // dismiss: a parked message is closed and no longer counts as parked.
    std::int64_t parked = 0;
    {
        superbruger::storage::Database db(database.string());
        superbruger::storage::Outbox box(db);
        parked = box.with_status("pending").at(0).id;
        box.mark_failed(parked, "no way to send", "2099-12-01T07:00:00Z", true);
    }
    CHECK(run(outbox + "dismiss " + std::to_string(one)).exit_code == 1);  // not parked
    CHECK(run(outbox + "dismiss " + std::to_string(parked)).exit_code == 0);
    CHECK(count("parked") == 0);
    CHECK(count("dismissed") == 1);
    CHECK_THAT(run(outbox + "failed --lang en", false).out, Catch::Contains("no parked messages"));
}

TEST_CASE("directory import checks the encoding, converts Windows-1252 and exports for Excel", "[cli][directory]") {
    auto cfg = write_config("directory-enc.json", R"({"storage": {"database": "directory-enc.sqlite"}})");
    std::filesystem::remove(work_dir() / "directory-enc.sqlite");
    auto const path = work_dir() / "excel.csv";
    std::ofstream(path, std::ios::binary) << "kommune;kommunenummer;navn;email;rolle\r\n"
                                             "N\xE6stved;370;S\xF8ren Hansen;soeren@naestved.dk;superbruger\r\n";
    auto const base = superbot + " directory --config " + cfg.string() + " ";
    auto r = run(base + "import " + path.string());
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("excel.csv:2: ikke gyldig UTF-8") && Catch::Contains("--encoding cp1252"));
    CHECK(run(base + "export", false).out.find("370") == std::string::npos);  // nothing stored

    r = run(base + "import --dry-run --encoding cp1252 " + path.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Prøvekørsel") && Catch::Contains("Næstved (370)") && Catch::Contains("+ Søren Hansen <soeren@naestved.dk>"));
    CHECK(run(base + "export", false).out.find("370") == std::string::npos);  // a dry run writes nothing

    REQUIRE(run(base + "import --encoding cp1252 " + path.string()).exit_code == 0);
    auto const plain = run(base + "export", false).out;
    CHECK_THAT(plain, Catch::Contains("Næstved,370,4,Søren Hansen,soeren@naestved.dk"));
    auto const excel = run(base + "export --excel", false).out;
    CHECK_THAT(excel, Catch::StartsWith("\xEF\xBB\xBF" "kommune;kommunenummer;fase;navn;email;titel;rolle;system;fra;koordinator;platform;tenant;identitet\r\n") &&
                          Catch::Contains("Næstved;370;4;Søren Hansen;soeren@naestved.dk;"));

    // The Excel file imports again as it is, and changes nothing.
    auto const again = work_dir() / "excel-export.csv";
    std::ofstream(again, std::ios::binary) << excel;
    r = run(base + "import " + again.string());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Ingen ændringer"));
}

TEST_CASE("the admin commands speak the config's language unless --lang says otherwise", "[cli]") {
    auto english = write_config("cli-en.json", R"({"storage": {"database": "cli-en.sqlite"}, "cli": {"language": "en"}})");
    CHECK_THAT(run(superbot + " outbox failed --config " + english.string(), false).out, Catch::Contains("no parked messages"));
    CHECK_THAT(run(superbot + " outbox failed --lang da --config " + english.string(), false).out, Catch::Contains("ingen parkerede beskeder"));
    auto wrong = write_config("cli-fr.json", R"({"cli": {"language": "fr"}})");
    auto const r = run(superbot + " outbox failed --config " + wrong.string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.out, Catch::Contains("cli.language"));
    CHECK(run(superbot + " outbox failed --lang fr").exit_code == 2);
}

TEST_CASE("ask, chat and serve speak Danish by default and English with --lang en", "[cli]") {
    CHECK_THAT(run(superbot + " ask --help").out, Catch::StartsWith("Brug: superbot ask"));
    CHECK_THAT(run(superbot + " ask --help --lang en").out, Catch::StartsWith("Usage: superbot ask"));
    auto const none = run(superbot + " ask");
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.out, Catch::Contains("ask skal have ét spørgsmål"));
    CHECK_THAT(run(superbot + " ask --lang en").out, Catch::Contains("ask needs one question"));
    CHECK_THAT(run(superbot + " chat --help").out, Catch::StartsWith("Brug: superbot chat"));
    CHECK_THAT(run(superbot + " serve --help --lang en").out, Catch::StartsWith("Usage: superbot serve"));
    CHECK_THAT(run(superbot + " serve extra").out, Catch::Contains("serve tager ingen argumenter"));
}

TEST_CASE("backup, restore and probe speak Danish by default and English with --lang en", "[cli]") {
    CHECK_THAT(run(superbot + " backup --help").out, Catch::StartsWith("Brug: superbot backup"));
    CHECK_THAT(run(superbot + " restore --help --lang en").out, Catch::StartsWith("Usage: superbot restore"));
    CHECK_THAT(run(superbot + " backup").out, Catch::StartsWith("Brug: superbot backup"));  // no file: the usage, exit 2
    CHECK_THAT(run(superbot + " backup a b").out, Catch::Contains("forventede én BACKUPFIL"));
    auto cfg = write_config("backup-lang.json", R"({"storage": {"database": "backup-lang.sqlite"}})");
    auto const copy = work_dir() / "backup-lang.copy";
    std::filesystem::remove(copy);
    REQUIRE(run(superbot + " ask --config " + cfg.string() + " 'hej'").exit_code == 0);  // makes the database
    CHECK_THAT(run(superbot + " backup --config " + cfg.string() + " " + copy.string()).out, Catch::StartsWith("kopierede ") && Catch::Contains("skemaversion"));
    CHECK_THAT(run(superbot + " probe --path /x").out, Catch::Contains("--path skal være /readyz eller /healthz"));
    CHECK_THAT(run(superbot + " probe --lang en --path /x").out, Catch::Contains("--path must be /readyz or /healthz"));
}
