// Change requests in chat: the intake dialog (back, cancel, expiry and resume, limits), similar
// requests and support, every status move and who may make it, notifications through the
// outbox, the queries, and a retried submit.
#include "bot/assistant.hpp"
#include "bot/change_requests/change_request_desk.hpp"
#include "bot/change_requests/request_export.hpp"
#include "bot/change_requests/request_rules.hpp"
#include "bot/csv.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_answers.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/knowledge_service.hpp"
#include "bot/reply_json.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"
#include "storage/question_log.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot::change_requests;
using namespace std::chrono_literals;

namespace {

constexpr char const* network =
    "kommune;kommunenummer;navn;email;rolle;koordinator\n"
    "Næstved;370;Anne Sørensen;anne@naestved.dk;superbruger;nej\n"
    "Næstved;370;Sara Holm;sara@naestved.dk;systemansvarlig;nej\n"
    "Ærø;492;Bo Berg;bo@aeroe.dk;superbruger;nej\n"
    "Ærø;492;Per Sagsbehandler;per@aeroe.dk;;nej\n"
    "KL;000;Karen Koordinator;karen@kl.dk;;ja\n";

struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog questions{db};
    storage::AnswerLog answers{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    bot::directory::DirectoryService directory{db, knowledge};
    bot::directory::DirectoryAnswers directory_answers{directory};
    std::chrono::system_clock::time_point now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + 9h;
    ChangeRequestDesk desk{db, directory, 30min, [this] { return now; }};
    bot::Assistant assistant{knowledge, questions, answers, &directory_answers, &desk};
    storage::Outbox outbox{db};

    Harness() {
        auto const imported = bot::directory::import_csv(network, directory, {"test", "2026-11-22T10:00:00Z", "2026-11-22"}, false);
        REQUIRE(imported.problems.empty());
    }

    adapters::ChatReply say(std::string const& email, std::string text) {
        adapters::ChatMessage m;
        m.platform = "teams";
        m.sender.user_id = "29:" + email;
        m.sender.email = email;
        m.sender.tenant_id = "tenant-of-" + email.substr(email.find('@') + 1);
        m.text = std::move(text);
        now += 1min;
        return assistant.handle(m);
    }

    /// Anne files a request through the whole dialog and returns its reference.
    std::string file(std::string const& email, std::string const& title, std::string const& description) {
        CHECK_THAT(say(email, "nyt ændringsønske").text, Catch::Contains("Trin 1 af 6"));
        say(email, title);
        say(email, description);
        say(email, "Sagsbehandling");
        say(email, "Mindre dobbeltarbejde");
        say(email, "høj");
        auto const summary = say(email, "Færre klik for sagsbehandlerne");
        CHECK_THAT(summary.text, Catch::Contains("Dit ændringsønske"));
        auto const done = say(email, "send");
        auto const ref = ref_in(superbruger::knowledge::fold_case(done.text));
        REQUIRE_FALSE(ref.empty());
        return ref;
    }

    std::vector<storage::OutboxMessage> pending() { return outbox.with_status("pending"); }
};

}  // namespace

TEST_CASE("a superbruger files a request through the dialog with back and limits", "[bot][change_requests]") {
    Harness h;
    CHECK_THAT(h.say("anne@naestved.dk", "nyt ændringsønske").text, Catch::Contains("Trin 1 af 6"));
    CHECK_THAT(h.say("anne@naestved.dk", "   ").text, Catch::Contains("ikke være tomt"));
    CHECK_THAT(h.say("anne@naestved.dk", std::string(121, 'x')).text, Catch::Contains("121 tegn") && Catch::Contains("højst 120"));
    CHECK_THAT(h.say("anne@naestved.dk", "tilbage").text, Catch::Contains("første spørgsmål"));
    CHECK_THAT(h.say("anne@naestved.dk", "Flet dokumenter i journalen").text, Catch::Contains("Trin 2 af 6"));
    // Back shows the previous answer and asks it again.
    CHECK_THAT(h.say("anne@naestved.dk", "tilbage").text, Catch::Contains("Flet dokumenter i journalen") && Catch::Contains("Trin 1 af 6"));
    h.say("anne@naestved.dk", "Fletning af dokumenter i journalen");
    h.say("anne@naestved.dk", "Det er ikke muligt at flette to journalnotater; vi ønsker en flettefunktion.");
    h.say("anne@naestved.dk", "Journal");
    h.say("anne@naestved.dk", "Hurtigere journalisering");
    CHECK_THAT(h.say("anne@naestved.dk", "meget").text, Catch::Contains("lav, middel eller høj"));
    h.say("anne@naestved.dk", "middel");
    auto const summary = h.say("anne@naestved.dk", "Sagsbehandlerne sparer tid");
    CHECK_THAT(summary.text, Catch::Contains("Fletning af dokumenter i journalen") && Catch::Contains("middel") && Catch::Contains("»send«"));
    auto const done = h.say("anne@naestved.dk", "send");
    CHECK_THAT(done.text, Catch::Contains("ÆØ-2026-0001"));
    auto const r = h.desk.requests().find("ÆØ-2026-0001");
    REQUIRE(r);
    CHECK(r->urgency == "middel");
    CHECK(r->status == "ny");
    CHECK(r->submitter.name == "Anne Sørensen");
    // A retried "send" (the platform sent it twice) files nothing new.
    CHECK_THAT(h.say("anne@naestved.dk", "send").text, Catch::Contains("allerede registreret som ÆØ-2026-0001"));
    CHECK(h.desk.requests().all().size() == 1);
    // Only the submit, repeated at once, is caught: a "ja" is another dialog's answer (a release
    // review's "lokal konfiguration? ja"), and a "send" minutes later is no retry.
    CHECK_THAT(h.say("anne@naestved.dk", "ja").text, !Catch::Contains("allerede registreret"));
    h.now += 3min;
    CHECK_THAT(h.say("anne@naestved.dk", "send").text, !Catch::Contains("allerede registreret"));
    CHECK(h.desk.requests().all().size() == 1);
    // Ordinary questions work again after the dialog.
    CHECK(h.say("anne@naestved.dk", "hvem må kontakte Netcompanys servicedesk?").confident);
}

TEST_CASE("cancel discards the draft and expiry lets other questions through until resumed", "[bot][change_requests]") {
    Harness h;
    h.say("anne@naestved.dk", "nyt ændringsønske");
    h.say("anne@naestved.dk", "En titel");
    CHECK_THAT(h.say("anne@naestved.dk", "annuller").text, Catch::Contains("annulleret"));
    CHECK(h.desk.requests().all().empty());
    CHECK_THAT(h.say("anne@naestved.dk", "nyt ændringsønske").text, Catch::Contains("Trin 1 af 6"));  // a fresh start

    h.say("anne@naestved.dk", "Bedre søgning i sager");
    h.now += 2h;  // the dialog falls asleep
    auto const question = h.say("anne@naestved.dk", "hvem må kontakte Netcompanys servicedesk?");
    CHECK(question.confident);
    CHECK_THAT(question.text, !Catch::Contains("Trin"));
    // Nothing typed was lost: resuming continues at step 2 with the title kept.
    CHECK_THAT(h.say("anne@naestved.dk", "fortsæt").text, Catch::Contains("fortsætter") && Catch::Contains("Trin 2 af 6"));
    h.say("anne@naestved.dk", "Søgningen finder ikke sager på CPR-nummer");
    h.say("anne@naestved.dk", "Søgning");
    h.say("anne@naestved.dk", "Tid");
    h.say("anne@naestved.dk", "lav");
    auto const summary = h.say("anne@naestved.dk", "Ingen");
    CHECK_THAT(summary.text, Catch::Contains("Bedre søgning i sager"));
}

TEST_CASE("only superbrugere submit, others are told who their superbruger is", "[bot][change_requests][permissions]") {
    Harness h;
    CHECK_THAT(h.say("per@aeroe.dk", "nyt ændringsønske").text, Catch::Contains("Kun superbrugere") && Catch::Contains("Bo Berg"));
    CHECK_THAT(h.say("ukendt@x.dk", "nyt ændringsønske").text, Catch::Contains("kan ikke se, hvem du er"));
    CHECK_THAT(h.say("karen@kl.dk", "new change request").text, Catch::Contains("Step 1 of 6"));  // coordinators may, in English too
}

TEST_CASE("a similar request is shown and supported instead of filed again", "[bot][change_requests][duplicates]") {
    Harness h;
    auto const ref = h.file("anne@naestved.dk", "Fletning af journalnotater", "Vi ønsker at kunne flette journalnotater i DUBU");
    h.say("bo@aeroe.dk", "nyt ændringsønske");
    h.say("bo@aeroe.dk", "Flette journalnotater");
    h.say("bo@aeroe.dk", "Det skal være muligt at flette to journalnotater til ét");
    h.say("bo@aeroe.dk", "Journal");
    h.say("bo@aeroe.dk", "Tid");
    h.say("bo@aeroe.dk", "middel");
    auto const summary = h.say("bo@aeroe.dk", "Færre notater");
    CHECK_THAT(summary.text, Catch::Contains("Lignende ønsker") && Catch::Contains(ref) && Catch::Contains("Næstved"));
    bool offered = false;
    for (auto const& a : summary.actions) offered |= a.value == "støt " + ref;
    CHECK(offered);
    auto const supported = h.say("bo@aeroe.dk", "støt " + ref);
    CHECK_THAT(supported.text, Catch::Contains("Ærø støtter nu " + ref));
    CHECK(h.desk.requests().all().size() == 1);  // nothing new filed
    CHECK_THAT(h.say("bo@aeroe.dk", "støt " + ref).text, Catch::Contains("støtter allerede"));
    CHECK_THAT(h.say("anne@naestved.dk", "støt " + ref).text, Catch::Contains("eget ønske"));
    // The submitter hears about the support.
    auto const pending = h.pending();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].recipient == "29:anne@naestved.dk");
    CHECK_THAT(pending[0].message, Catch::Contains("Ærø støtter nu"));
    // An unrelated request is not offered as similar.
    auto const other = h.file("anne@naestved.dk", "Ydelseskatalog med priser", "Priser på foranstaltninger skal vises i ydelseskataloget");
    CHECK(other != ref);
}

TEST_CASE("status moves follow the rules and notify submitter and supporters", "[bot][change_requests][status]") {
    Harness h;
    auto const ref = h.file("anne@naestved.dk", "Fletning af journalnotater", "Vi ønsker at kunne flette journalnotater");
    h.say("bo@aeroe.dk", "støt " + ref);
    auto const before = h.pending().size();

    // A superbruger may not move; the home systemansvarlig may, up to "sendt til KOMBIT".
    CHECK_THAT(h.say("anne@naestved.dk", "flyt " + ref + " til under vurdering").text, Catch::Contains("må ikke"));
    CHECK_THAT(h.say("bo@aeroe.dk", "flyt " + ref + " til under vurdering").text, Catch::Contains("må ikke"));
    CHECK_THAT(h.say("sara@naestved.dk", "flyt " + ref + " til under vurdering: vi kigger på det").text, Catch::Contains("er flyttet"));
    CHECK_THAT(h.say("sara@naestved.dk", "flyt " + ref + " til sendt til KOMBIT").text, Catch::Contains("er flyttet"));
    CHECK_THAT(h.say("sara@naestved.dk", "flyt " + ref + " til prioriteret").text, Catch::Contains("må ikke"));
    // Coordinators do the rest; implementeret needs a release.
    CHECK_THAT(h.say("karen@kl.dk", "flyt " + ref + " til implementeret").text, Catch::Contains("kan ikke gå fra"));
    CHECK_THAT(h.say("karen@kl.dk", "flyt " + ref + " til prioriteret").text, Catch::Contains("er flyttet"));
    CHECK_THAT(h.say("karen@kl.dk", "flyt " + ref + " til implementeret").text, Catch::Contains("hvilken release"));
    CHECK_THAT(h.say("karen@kl.dk", "flyt " + ref + " til implementeret i DUBU 3.4").text, Catch::Contains("er flyttet"));
    auto const r = h.desk.requests().find(ref);
    CHECK(r->status == "implementeret");
    CHECK(r->release == "DUBU 3.4");

    // Every move told the submitter and the supporter (the actor is not told of their own move).
    auto const pending = h.pending();
    CHECK(pending.size() == before + 2 + 2 + 2 + 2);
    int anne = 0, bo = 0;
    for (auto const& m : pending) {
        anne += m.recipient == "29:anne@naestved.dk";
        bo += m.recipient == "29:bo@aeroe.dk";
        CHECK(m.tenant.starts_with("tenant-of-"));
    }
    CHECK(anne == 1 + 4);  // the support, then four moves
    CHECK(bo == 4);
    CHECK_THAT(pending.back().message, Catch::Contains("DUBU 3.4"));

    auto const status = h.say("per@aeroe.dk", "status på " + ref);
    CHECK_THAT(status.text, Catch::Contains("implementeret (DUBU 3.4)") && Catch::Contains("Ærø") && Catch::Contains("vi kigger på det"));
    CHECK_THAT(h.say("per@aeroe.dk", "status på ÆØ-2026-0999").text, Catch::Contains("intet ændringsønske med id ÆØ-2026-0999"));
}

TEST_CASE("the permission table of status moves", "[bot][change_requests][status]") {
    auto const& all = statuses();
    for (auto const& from : all) {
        for (auto const& to : all) {
            INFO(from << " -> " << to);
            CHECK_FALSE(may_move(Mover::other, from, to));
            CHECK(may_move(Mover::coordinator, from, to) == transition_exists(from, to));
            bool const home = (from == "ny" || from == "under vurdering") && (to == "under vurdering" || to == "sendt til KOMBIT") && from != to;
            CHECK(may_move(Mover::home_systemansvarlig, from, to) == home);
        }
    }
    CHECK_FALSE(transition_exists("implementeret", "ny"));
    CHECK(transition_exists("afvist", "under vurdering"));
}

TEST_CASE("mine vores alle and by-status queries", "[bot][change_requests][queries]") {
    Harness h;
    auto const a = h.file("anne@naestved.dk", "Fletning af journalnotater", "Flette journalnotater");
    auto const b = h.file("bo@aeroe.dk", "Standardbreve med logo", "Kommunens logo i standardbreve");
    h.say("bo@aeroe.dk", "støt " + a);
    CHECK_THAT(h.say("anne@naestved.dk", "mine ændringsønsker").text, Catch::Contains(a) && !Catch::Contains(b));
    auto const ours = h.say("bo@aeroe.dk", "vores ændringsønsker").text;  // filed or supported by Ærø
    CHECK_THAT(ours, Catch::Contains(a) && Catch::Contains(b));
    CHECK_THAT(h.say("per@aeroe.dk", "alle ændringsønsker").text, Catch::Contains(a) && Catch::Contains(b));
    CHECK_THAT(h.say("per@aeroe.dk", "alle ændringsønsker om standardbreve").text, Catch::Contains(b) && !Catch::Contains(a));
    h.say("sara@naestved.dk", "flyt " + a + " til under vurdering");
    CHECK_THAT(h.say("per@aeroe.dk", "ændringsønsker med status under vurdering").text, Catch::Contains(a) && !Catch::Contains(b));
    CHECK_THAT(h.say("per@aeroe.dk", "ændringsønsker med status afvist").text, Catch::Contains("ingen ændringsønsker"));
    // A question about change requests in general is still a knowledge question.
    CHECK(h.say("per@aeroe.dk", "hvad er et ændringsønske?").text.find("ÆØ-") == std::string::npos);
}

TEST_CASE("the export quotes commas quotes newlines and keeps æøå", "[bot][change_requests][export]") {
    Harness h;
    h.say("anne@naestved.dk", "nyt ændringsønske");
    h.say("anne@naestved.dk", "Brevskabeloner, \"standardbreve\" og æøå");
    h.say("anne@naestved.dk", "Første linje.\nAnden linje, med komma.");
    h.say("anne@naestved.dk", "=Breve");  // a formula-looking answer must not run in Excel
    h.say("anne@naestved.dk", "Ens breve");
    h.say("anne@naestved.dk", "lav");
    h.say("anne@naestved.dk", "Ingen");
    h.say("anne@naestved.dk", "send");
    auto const ref = h.desk.requests().all().at(0).ref;
    h.say("bo@aeroe.dk", "støt " + ref);

    auto const csv = export_csv(h.desk.requests(), h.directory, std::nullopt);
    auto const rows = bot::csv::parse(csv);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields[0] == ref);
    CHECK(rows[1].fields[1] == "Brevskabeloner, \"standardbreve\" og æøå");
    CHECK(rows[1].fields[2] == "Første linje.\nAnden linje, med komma.");
    CHECK_THAT(csv, Catch::Contains(",\"'=Breve\","));  // defused for Excel in the file …
    CHECK(rows[1].fields[3] == "=Breve");              // … and read back as it was written
    CHECK(rows[1].fields[9] == "Næstved");
    CHECK(rows[1].fields[13] == "Ærø");
    CHECK(rows[1].fields[14] == "1");
    CHECK(bot::csv::parse(export_csv(h.desk.requests(), h.directory, std::string("afvist"))).size() == 1);  // header only

    auto const json = nlohmann::json::parse(export_json(h.desk.requests(), h.directory, std::nullopt));
    REQUIRE(json.size() == 1);
    CHECK(json[0]["title"] == "Brevskabeloner, \"standardbreve\" og æøå");
    CHECK(json[0]["supporters"][0]["municipality"] == "Ærø");
    CHECK(json[0]["history"][0]["to"] == "ny");
}

TEST_CASE("the whole request can come from a form and is checked field by field", "[bot][change_requests][form]") {
    Harness h;
    auto const first = h.say("anne@naestved.dk", "nyt ændringsønske");
    REQUIRE(first.form);
    CHECK(first.form->fields.size() == 6);
    CHECK(first.form->submit_command == "ændringsønske formular");

    adapters::ChatMessage m;
    m.platform = "teams";
    m.sender.user_id = "29:anne@naestved.dk";
    m.sender.email = "anne@naestved.dk";
    m.text = "ændringsønske formular";
    m.form_values = {{"title", "Fletning af journalnotater"}, {"description", ""}, {"area", "Journal"},
                     {"benefit", "Tid"}, {"urgency", "akut"}, {"workflow_effect", "Færre klik"}};
    auto const refused = h.assistant.handle(m);
    CHECK_THAT(refused.text, Catch::Contains("Beskrivelse: Svaret må ikke være tomt") && Catch::Contains("Hast: Vælg lav"));
    REQUIRE(refused.form);
    CHECK(refused.form->fields[0].value == "Fletning af journalnotater");  // what was typed is kept

    m.form_values["description"] = "Vi ønsker at flette journalnotater";
    m.form_values["urgency"] = "høj";
    auto const summary = h.assistant.handle(m);
    CHECK_THAT(summary.text, Catch::Contains("Dit ændringsønske") && Catch::Contains("høj"));
    CHECK_THAT(h.say("anne@naestved.dk", "send").text, Catch::Contains("ÆØ-2026-0001"));
    CHECK(h.desk.requests().find("ÆØ-2026-0001")->description == "Vi ønsker at flette journalnotater");
}

TEST_CASE("a title that starts with NUL gets a clear message instead of a database error", "[bot][change_requests][hardening]") {
    Harness h;
    CHECK_THAT(h.say("anne@naestved.dk", "nyt ændringsønske").text, Catch::Contains("Trin 1 af 6"));
    auto const refused = h.say("anne@naestved.dk", std::string("\0Fletning af notater", 20));
    CHECK_THAT(refused.text, Catch::Contains("NUL"));
    // The dialog still waits for the title; the rest of the request goes through.
    h.say("anne@naestved.dk", "Fletning af notater");
    h.say("anne@naestved.dk", "Vi ønsker at flette journalnotater");
    h.say("anne@naestved.dk", "Sagsbehandling");
    h.say("anne@naestved.dk", "Mindre dobbeltarbejde");
    h.say("anne@naestved.dk", "høj");
    CHECK_THAT(h.say("anne@naestved.dk", "Færre klik").text, Catch::Contains("Fletning af notater"));
    CHECK_THAT(h.say("anne@naestved.dk", "send").text, Catch::Contains("ÆØ-"));
}
