// The role directory through the bot: CSV import rules, the phase-4 hand-over, and the questions
// "hvem er vores …" for people of different municipalities and for someone the bot does not know.
#include "bot/assistant.hpp"
#include "bot/config.hpp"
#include "bot/directory/directory_answers.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/directory/directory_service.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/answer_log.hpp"
#include "storage/database.hpp"
#include "storage/question_log.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::bot::directory;

namespace {

storage::Change change() { return {"test", "2026-11-22T10:00:00Z", "2026-11-22"}; }

constexpr char const* two_municipalities =
    "kommune;kommunenummer;fase;navn;email;titel;rolle;system;fra;koordinator;teams_tenant\n"
    "Korsbæk;999;4;Mette Jensen;mette@korsbaek.dk;Teamleder;systemansvarlig;DUBU;2026-01-05;nej;tenant-korsbaek\n"
    "Korsbæk;999;4;Ole Hansen;ole@korsbaek.dk;Sagsbehandler;superbruger;;;;\n"
    "Ærø;492;4;Anne Berg;anne@aeroe.dk;Afdelingsleder;systemansvarlig;;2025-09-01;;\n";

struct Harness {
    storage::Database db{":memory:"};
    storage::QuestionLog questions{db};
    storage::AnswerLog answers{db};
    bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    DirectoryService directory{db, knowledge};
    DirectoryAnswers directory_answers{directory};
    bot::Assistant assistant{knowledge, questions, answers, &directory_answers};

    adapters::ChatReply ask(std::string text, std::string user, std::string email = "", std::string tenant = "") {
        adapters::ChatMessage m;
        m.platform = "teams";
        m.sender.user_id = std::move(user);
        m.sender.email = std::move(email);
        m.sender.tenant_id = std::move(tenant);
        m.text = std::move(text);
        return assistant.handle(m);
    }
};

}  // namespace

TEST_CASE("each asker gets their own municipality's systemansvarlig, a stranger is asked once", "[bot][directory][scenario]") {
    Harness h;
    auto imported = import_csv(two_municipalities, h.directory, change(), false);
    REQUIRE(imported.problems.empty());
    CHECK(imported.assignments_added == 3);

    auto korsbaek = h.ask("hvem er vores systemansvarlige?", "29:ole", "ole@korsbaek.dk");
    CHECK_THAT(korsbaek.text, Catch::Contains("Mette Jensen"));
    CHECK_THAT(korsbaek.text, Catch::Contains("mette@korsbaek.dk"));  // a known asker sees contact details
    auto aeroe = h.ask("who is our SPOC?", "29:anne", "anne@aeroe.dk");
    CHECK_THAT(aeroe.text, Catch::Contains("Anne Berg"));
    CHECK_THAT(aeroe.text, Catch::Contains(" in Ærø"));

    // The Teams tenant alone tells where a stranger is from; contact details stay hidden.
    auto by_tenant = h.ask("hvem er vores superbrugere?", "29:new", "", "tenant-korsbaek");
    CHECK_THAT(by_tenant.text, Catch::Contains("Ole Hansen"));
    CHECK_THAT(by_tenant.text, !Catch::Contains("ole@korsbaek.dk"));
    CHECK_THAT(by_tenant.text, Catch::Contains("Kontaktoplysninger vises kun"));

    auto stranger = h.ask("hvem er vores systemansvarlige?", "29:stranger");
    CHECK_THAT(stranger.text, Catch::Contains("Hvilken kommune er du fra?"));
    auto told = h.ask("ærø", "29:stranger");
    CHECK_THAT(told.text, Catch::Contains("husker, at du er fra Ærø"));
    CHECK_THAT(told.text, Catch::Contains("Anne Berg"));
    auto again = h.ask("hvem er vores systemansvarlige?", "29:stranger");
    CHECK_THAT(again.text, Catch::Contains("Anne Berg"));
    CHECK_THAT(again.text, !Catch::Contains("Hvilken kommune"));
}

TEST_CASE("roles in another municipality, a person's roles, missing roles and empty roles", "[bot][directory]") {
    Harness h;
    REQUIRE(import_csv(two_municipalities, h.directory, change(), false).problems.empty());
    CHECK_THAT(h.ask("hvem er systemansvarlig i Korsbæk?", "29:x").text, Catch::Contains("Mette Jensen"));
    auto roles = h.ask("hvilke roller har Mette Jensen?", "29:x");
    CHECK_THAT(roles.text, Catch::Contains("DUBU-systemansvarlig i Korsbæk"));
    auto missing = h.ask("mangler vi nogle roller?", "29:ole", "ole@korsbaek.dk");
    CHECK_THAT(missing.text, Catch::Contains("DUBU-systemejer"));
    CHECK_THAT(missing.text, Catch::Contains("DUBU-faglig leder"));
    CHECK_THAT(missing.text, !Catch::Contains("DUBU-superbruger"));
    auto empty = h.ask("hvem er vores systemejer?", "29:ole", "ole@korsbaek.dk");
    CHECK_THAT(empty.text, Catch::Contains("ingen registreret"));
    CHECK_THAT(empty.text, Catch::Contains("KLIK-administrator"));
    // Not about people: the knowledge answer.
    auto knowledge = h.ask("hvad laver en systemansvarlig?", "29:ole", "ole@korsbaek.dk");
    REQUIRE(knowledge.citations.size() == 1);
    CHECK(knowledge.citations[0].document_id == "systemansvarlig");
}

TEST_CASE("an import with bad rows writes nothing and names every bad line", "[bot][directory][import]") {
    Harness h;
    auto result = import_csv("kommune,kommunenummer,navn,email,rolle,fra\n"
                             "Korsbæk,999,Mette Jensen,mette@korsbaek.dk,superbruger,2026-01-05\n"
                             "Korsbæk,99,Ole Hansen,ole@korsbaek.dk,superbruger,\n"
                             "Korsbæk,999,Ole Hansen,ole-at-korsbaek,superbruger,\n"
                             "Korsbæk,999,Ole Hansen,ole@korsbaek.dk,kaffeansvarlig,\n"
                             "Korsbæk,999,Ole Hansen,ole@korsbaek.dk,superbruger,2026-02-30\n"
                             "Korsbæk,999,Ole Hansen,ole@korsbaek.dk,systemansvarlig,\n"
                             "Korsbæk,999,Mette Jensen,mette@korsbaek.dk,systemansvarlig,\n",
                             h.directory, change(), false);
    std::vector<int> lines;
    for (auto const& p : result.problems) lines.push_back(p.line);
    CHECK(lines == std::vector<int>{3, 4, 5, 6, 8});
    CHECK(h.directory.store().municipalities().empty());
    CHECK(h.directory.store().people().empty());

    auto header = import_csv("kommune,kommunenummer,farve\n", h.directory, change(), false);
    REQUIRE(header.problems.size() == 1);
    CHECK_THAT(header.problems[0].message, Catch::Contains("farve"));
}

TEST_CASE("a new systemansvarlig needs --replace, which ends the current term", "[bot][directory][import]") {
    Harness h;
    REQUIRE(import_csv(two_municipalities, h.directory, change(), false).problems.empty());
    constexpr char const* new_one = "kommune,kommunenummer,navn,email,rolle,fra\nKorsbæk,999,Ole Hansen,ole@korsbaek.dk,systemansvarlig,2026-11-01\n";
    auto refused = import_csv(new_one, h.directory, change(), false);
    REQUIRE(refused.problems.size() == 1);
    CHECK_THAT(refused.problems[0].message, Catch::Contains("har allerede Mette Jensen"));
    auto replaced = import_csv(new_one, h.directory, change(), true);
    REQUIRE(replaced.problems.empty());
    CHECK(replaced.terms_ended == 1);
    auto korsbaek = h.directory.municipality_named("korsbæk");
    REQUIRE(korsbaek);
    auto holders = h.directory.store().current_holders(korsbaek->id, "systemansvarlig");
    REQUIRE(holders.size() == 1);
    CHECK(holders[0].person.name == "Ole Hansen");
}

TEST_CASE("entering phase 4 ends the project roles, which give way to the operations roles", "[bot][directory][phase]") {
    Harness h;
    REQUIRE(import_csv("kommune,kommunenummer,fase,navn,email,rolle\n"
                       "Korsbæk,999,2,Mette Jensen,mette@korsbaek.dk,projektleder\n"
                       "Korsbæk,999,2,Ole Hansen,ole@korsbaek.dk,projektejer\n",
                       h.directory, change(), false)
                .problems.empty());
    auto korsbaek = *h.directory.municipality_named("Korsbæk");
    CHECK(h.directory.missing_roles(korsbaek).empty());  // phase 2: the project roles are what counts
    CHECK_THAT(h.ask("hvem er vores projektleder?", "29:m", "mette@korsbaek.dk").text, Catch::Contains("Mette Jensen"));

    auto ended = h.directory.set_phase(korsbaek, 4, change());
    CHECK(ended.size() == 2);
    korsbaek = *h.directory.municipality_named("Korsbæk");
    CHECK(h.directory.missing_roles(korsbaek) == std::vector<std::string>{"systemansvarlig", "systemejer", "superbruger"});
    auto after = h.ask("hvem er vores projektleder?", "29:m", "mette@korsbaek.dk");
    CHECK_THAT(after.text, Catch::Contains("fase 4"));
    CHECK_THAT(after.text, Catch::Contains("afløst"));
}

TEST_CASE("an export can be imported again and changes nothing", "[bot][directory][import]") {
    Harness h;
    REQUIRE(import_csv(two_municipalities, h.directory, change(), false).problems.empty());
    auto const exported = export_csv(h.directory);
    CHECK_THAT(exported, Catch::Contains("Ærø,492,4,Anne Berg,anne@aeroe.dk"));
    auto again = import_csv(exported, h.directory, change(), false);
    REQUIRE(again.problems.empty());
    CHECK(again.assignments_added == 0);
    CHECK(again.assignments_kept == 3);
    CHECK(export_csv(h.directory) == exported);
}

TEST_CASE("changes in chat: coordinators anywhere, a systemansvarlig at home, others refused", "[bot][directory][changes]") {
    Harness h;
    REQUIRE(import_csv(std::string(two_municipalities) + "Ærø;492;4;Kim Koordinator;kim@kl.dk;Koordinator;;;;ja;\n",
                       h.directory, change(), false)
                .problems.empty());
    // A superbruger may not change the directory; the refusal says who may.
    auto refused = h.ask("sæt Ole Hansen som systemejer i Korsbæk", "29:ole", "ole@korsbaek.dk");
    CHECK_THAT(refused.text, Catch::Contains("må du desværre ikke"));
    CHECK_THAT(refused.text, Catch::Contains("Mette Jensen"));
    auto korsbaek = *h.directory.municipality_named("Korsbæk");
    CHECK(h.directory.store().current_holders(korsbaek.id, "systemejer").empty());

    // The systemansvarlig changes their own municipality, also adding a new person by e-mail …
    auto done = h.ask("sæt Ole Hansen som DUBU-faglig leder", "29:mette", "mette@korsbaek.dk");
    CHECK_THAT(done.text, Catch::Contains("Ole Hansen er nu DUBU-systemejer i Korsbæk"));
    auto added = h.ask("sæt Lise Holm lise@korsbaek.dk som superbruger i Korsbæk", "29:mette", "mette@korsbaek.dk");
    CHECK_THAT(added.text, Catch::Contains("Lise Holm er nu DUBU-superbruger"));
    CHECK(h.directory.store().person_with_email("lise@korsbaek.dk")->municipality_id == korsbaek.id);
    // … but not another one.
    CHECK_THAT(h.ask("sæt Ole Hansen som superbruger i Ærø", "29:mette", "mette@korsbaek.dk").text, Catch::Contains("må du desværre ikke"));
    // A coordinator may change any municipality.
    CHECK_THAT(h.ask("sæt Ole Hansen som superbruger i Ærø", "29:kim", "kim@kl.dk").text, Catch::Contains("er nu"));
    CHECK_THAT(h.ask("fjern Ole Hansen som superbruger i Ærø", "29:kim", "kim@kl.dk").text, Catch::Contains("ikke længere"));
    CHECK_THAT(h.ask("fjern Ole Hansen som superbruger i Ærø", "29:kim", "kim@kl.dk").text, Catch::Contains("intet at fjerne"));
    // Someone the directory does not know cannot change it.
    CHECK_THAT(h.ask("sæt Ole Hansen som superbruger i Ærø", "29:nobody").text, Catch::Contains("kan ikke se, hvem du er"));

    auto audit = h.directory.store().audit(50);
    bool by_mette = false;
    for (auto const& e : audit) by_mette |= e.actor == "mette@korsbaek.dk" && e.action == "assign";
    CHECK(by_mette);
}

TEST_CASE("replacing the systemansvarlig in chat waits for a yes", "[bot][directory][changes]") {
    Harness h;
    REQUIRE(import_csv(std::string(two_municipalities) + "Korsbæk;999;4;Kim Koordinator;kim@kl.dk;Koordinator;;;;ja;\n",
                       h.directory, change(), false)
                .problems.empty());
    auto korsbaek = *h.directory.municipality_named("Korsbæk");
    auto question = h.ask("sæt Ole Hansen som systemansvarlig i Korsbæk", "29:kim", "kim@kl.dk");
    CHECK_THAT(question.text, Catch::Contains("allerede Mette Jensen"));
    REQUIRE(question.actions.size() == 2);
    CHECK(question.actions[0].value == "ja");

    CHECK_THAT(h.ask("nej", "29:kim", "kim@kl.dk").text, Catch::Contains("ikke ændret"));
    CHECK(h.directory.store().current_holders(korsbaek.id, "systemansvarlig")[0].person.name == "Mette Jensen");

    h.ask("sæt Ole Hansen som systemansvarlig i Korsbæk", "29:kim", "kim@kl.dk");
    // Someone else's "ja" does not confirm Kim's change.
    h.ask("ja", "29:ole", "ole@korsbaek.dk");
    CHECK(h.directory.store().current_holders(korsbaek.id, "systemansvarlig")[0].person.name == "Mette Jensen");
    CHECK_THAT(h.ask(question.actions[0].value, "29:kim", "kim@kl.dk").text, Catch::Contains("Ole Hansen er nu DUBU-systemansvarlig"));
    auto holders = h.directory.store().current_holders(korsbaek.id, "systemansvarlig");
    REQUIRE(holders.size() == 1);
    CHECK(holders[0].person.name == "Ole Hansen");
}

TEST_CASE("a Teams user is recognised by the Entra object id from the CSV", "[bot][directory][teams]") {
    Harness h;
    REQUIRE(import_csv("kommune;kommunenummer;navn;email;rolle;teams_objektid\n"
                       "Ærø;492;Anne Berg;anne@aeroe.dk;systemansvarlig;aad-anne-berg\n",
                       h.directory, change(), false)
                .problems.empty());
    adapters::ChatMessage m;
    m.platform = "teams";
    m.sender.user_id = "29:never-seen-before";
    m.sender.aad_object_id = "aad-anne-berg";
    m.text = "hvem er vores systemansvarlige?";
    auto const reply = h.assistant.handle(m);
    CHECK_THAT(reply.text, Catch::Contains("Anne Berg") && Catch::Contains("Ærø"));
    m.sender.aad_object_id = "aad-someone-else";
    CHECK_THAT(h.assistant.handle(m).text, Catch::Contains("Hvilken kommune"));
}

TEST_CASE("asking who holds a role in a municipality the directory lacks says so instead of answering from knowledge", "[bot][directory]") {
    Harness h;
    REQUIRE(import_csv(two_municipalities, h.directory, change(), false).problems.empty());
    // The knowledge base mentions Næstved's project leaders, which is not who its superbruger is.
    auto const da = h.ask("hvem er superbruger i Næstved Kommune?", "29:x");
    CHECK_FALSE(da.confident);
    CHECK_THAT(da.text, Catch::Contains("Næstved Kommune"));
    CHECK_THAT(da.text, Catch::Contains("rolleoversigten"));
    CHECK(da.citations.empty());
    auto const en = h.ask("who is the systemansvarlig in Næstved municipality?", "29:x");
    CHECK_FALSE(en.confident);
    CHECK_THAT(en.text, Catch::Contains("role directory"));
    CHECK_FALSE(h.ask("hvad er navnet på superbrugeren i Næstved Kommune?", "29:x").confident);
    CHECK_THAT(h.ask("hvad hedder superbrugeren i Korsbæk?", "29:x").text, Catch::Contains("Ole Hansen"));
    CHECK_THAT(h.ask("what is the name of the systemansvarlig in Korsbæk?", "29:x").text, Catch::Contains("Mette Jensen"));
    // "hvad hedder systemejeren i KLIK" asks for the role's name there: knowledge.
    CHECK_THAT(h.ask("hvad hedder systemejeren i KLIK?", "29:x").text, Catch::Contains("faglig leder"));
    // A known municipality still gets its people, and "i KLIK" is not taken for a municipality.
    CHECK_THAT(h.ask("hvem er superbruger i Korsbæk Kommune?", "29:x").text, Catch::Contains("Ole Hansen"));
    CHECK(h.ask("hvem er SPOC i KLIK?", "29:x").confident);
    // "the municipality", "vores kommune" are no names: the knowledge answer about the role.
    CHECK(h.ask("who is KOMBIT's contact person for ØiR in the municipality?", "29:x").confident);
    CHECK_THAT(h.ask("hvem er ØiR-koordinator i vores kommune?", "29:x").text, !Catch::Contains("står ikke i rolleoversigten"));
}

TEST_CASE("an empty directory says it does not know a named municipality's role holders", "[bot][directory]") {
    Harness h;
    auto const reply = h.ask("hvem er systemansvarlig i Næstved Kommune?", "29:x");
    CHECK_FALSE(reply.confident);
    CHECK_THAT(reply.text, Catch::Contains("Næstved Kommune"));
}
