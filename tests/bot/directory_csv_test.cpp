// Directory CSV as a coordinator uses it: an export is a full backup that imports into an empty
// database as the same directory, and what the file says about Teams is kept.
#include "bot/config.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/directory/directory_service.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/database.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace superbruger;
using namespace superbruger::bot::directory;

namespace {

storage::Change change() { return {"test", "2026-11-22T10:00:00Z", "2026-11-22"}; }

bot::KnowledgeService& knowledge() {
    static bot::KnowledgeService service{bot::load_config(std::nullopt).knowledge};
    return service;
}

struct Directory {
    storage::Database db{":memory:"};
    DirectoryService directory{db, knowledge()};
};

/// 98 municipalities as a coordinator's spreadsheet might hold them: Danish letters, a tenant
/// each, a systemansvarlig and superbrugere with Entra object ids, and the awkward cases (a
/// second tenant, a person with two Teams identities, one with roles in two municipalities, a
/// coordinator without a role, cells a spreadsheet would take for formulas or split).
std::string generated_directory() {
    std::string csv = "kommune;kommunenummer;fase;navn;email;titel;rolle;system;fra;koordinator;teams_tenant;teams_objektid\n";
    for (int k = 0; k < 98; ++k) {
        auto const n = std::to_string(101 + k);
        auto const name = (k % 3 == 0 ? "Æbelø " : k % 3 == 1 ? "Nørre " : "Åby ") + n;
        auto const mail = "@k" + n + ".dk";
        auto const phase = std::to_string(k % 7 == 0 ? 3 : 4);
        auto const role = k % 7 == 0 ? "projektleder" : "systemansvarlig";
        csv += name + ";" + n + ";" + phase + ";Mette " + n + ";mette" + mail + ";Teamleder;" + role + ";DUBU;2026-01-05;nej;tenant-" + n +
               ";aad-mette-" + n + "\n";
        csv += name + ";" + n + ";" + phase + ";\"Hansen, Ole\";ole" + mail + ";-Sagsbehandler;superbruger;;2025-03-01;;tenant-" + n +
               ";aad-ole-" + n + "\n";
        csv += name + ";" + n + ";" + phase + ";\"Søren \"\"Søs\"\" " + n + "\";soeren" + mail + ";;superbruger;;;nej;;\n";
    }
    csv += "Æbelø 101;101;3;;;;;;;;tenant-101-b;\n";                                                    // second tenant
    csv += "Nørre 102;102;;\"Hansen, Ole\";ole@k102.dk;-Sagsbehandler;;;;;;aad-ole-102-mobil\n";           // second identity
    csv += "Åby 103;103;;Mette 102;mette@k102.dk;Teamleder;superbruger;DUBU;2026-02-01;nej;;\n";   // works in 102
    csv += "Nørre 102;102;;Kim Koordinator;kim@kl.dk;=Koordinator;;;;ja;;aad-kim\n";                // no role
    return csv;
}

}  // namespace

TEST_CASE("an export imported into an empty database exports byte for byte the same", "[bot][directory][csv]") {
    Directory first;
    auto const imported = import_csv(generated_directory(), first.directory, change(), false);
    for (auto const& p : imported.problems) INFO(p.line << ": " << p.message);
    REQUIRE(imported.problems.empty());
    auto const exported = export_csv(first.directory);

    // Every Teams identity and tenant is in the export.
    CHECK_THAT(exported, Catch::Contains("tenant-101-b") && Catch::Contains("aad-ole-102-mobil") && Catch::Contains("aad-kim") &&
                             Catch::Contains("aad-mette-150"));
    CHECK_THAT(exported, Catch::Contains(",teams,tenant-150,aad-mette-150\r\n"));

    Directory second;
    auto const restored = import_csv(exported, second.directory, change(), true);
    for (auto const& p : restored.problems) INFO(p.line << ": " << p.message);
    REQUIRE(restored.problems.empty());
    CHECK(export_csv(second.directory) == exported);

    // The same directory, not only the same text: who Teams users are, where they work, what they hold.
    auto& store = second.directory.store();
    auto const ole = store.person_with_identity("teams", "aad-ole-102-mobil");
    REQUIRE(ole);
    CHECK(ole->email == "ole@k102.dk");
    CHECK(ole->title == "-Sagsbehandler");
    auto const mette = store.person_with_email("mette@k102.dk");
    REQUIRE(mette);
    CHECK(store.municipality(*mette->municipality_id)->kommunenummer == "102");  // home kept though a role is elsewhere
    CHECK(store.municipality_of_tenant("teams", "tenant-101-b")->kommunenummer == "101");
    CHECK(store.person_with_email("kim@kl.dk")->coordinator);
    CHECK(store.person_with_email("kim@kl.dk")->title == "=Koordinator");
    CHECK(store.person_with_email("soeren@k120.dk")->name == "Søren \"Søs\" 120");
    CHECK(store.municipalities().size() == 98);
}

namespace {

constexpr char const* naestved =
    "kommune;kommunenummer;fase;navn;email;titel;rolle;koordinator\n"
    "Næstved;370;4;Anne Sørensen;anne@naestved.dk;Teamleder;superbruger;ja\n"
    "Næstved;370;4;Bo Berg;bo@naestved.dk;Sagsbehandler;superbruger;\n";

std::string report_of(ImportResult const& r) {
    std::string out;
    for (auto const& line : r.report) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("an empty cell keeps what is stored unless --clear-empty and a changed name is reported", "[bot][directory][csv]") {
    Directory d;
    REQUIRE(import_csv(naestved, d.directory, change(), false).problems.empty());
    // A row with a known e-mail, a new spelling of the name and no title or koordinator.
    constexpr char const* update = "kommune;kommunenummer;navn;email;titel;koordinator\nNæstved;370;Anne Sørensen-Holm;anne@naestved.dk;;\n";
    auto const kept = import_csv(update, d.directory, change(), ImportOptions{});
    REQUIRE(kept.problems.empty());
    auto anne = d.directory.store().person_with_email("anne@naestved.dk");
    CHECK(anne->name == "Anne Sørensen-Holm");
    CHECK(anne->title == "Teamleder");
    CHECK(anne->coordinator);
    CHECK_THAT(report_of(kept), Catch::Contains("Næstved (370)\n") &&
                                    Catch::Contains("Anne Sørensen-Holm <anne@naestved.dk>: navn: Anne Sørensen → Anne Sørensen-Holm\n"));
    CHECK(kept.people_changed == 1);
    CHECK(kept.people_added == 0);

    ImportOptions clear;
    clear.clear_empty = true;
    auto const cleared = import_csv(update, d.directory, change(), clear);
    REQUIRE(cleared.problems.empty());
    anne = d.directory.store().person_with_email("anne@naestved.dk");
    CHECK(anne->title.empty());
    CHECK_FALSE(anne->coordinator);
    CHECK_THAT(report_of(cleared), Catch::Contains("titel: Teamleder → (tom)") && Catch::Contains("koordinator: ja → nej"));
}

TEST_CASE("a municipality is matched by its number and a new name is reported as a rename", "[bot][directory][csv]") {
    Directory d;
    REQUIRE(import_csv(naestved, d.directory, change(), false).problems.empty());
    auto const renamed = import_csv("kommune;kommunenummer\nNaestved;370\n", d.directory, change(), ImportOptions{});
    REQUIRE(renamed.problems.empty());
    CHECK_THAT(report_of(renamed), Catch::Contains("Naestved (370)\n  navn: Næstved → Naestved\n"));
    CHECK(renamed.municipalities_changed == 1);
    CHECK(renamed.municipalities_added == 0);
    CHECK(d.directory.store().municipalities().size() == 1);
}

TEST_CASE("a dry run lists what would be added changed and ended and writes nothing", "[bot][directory][csv]") {
    Directory d;
    REQUIRE(import_csv("kommune;kommunenummer;fase;navn;email;rolle\nKorsbæk;999;2;Mette Jensen;mette@korsbaek.dk;projektleder\n",
                       d.directory, change(), false)
                .problems.empty());
    ImportOptions dry;
    dry.dry_run = true;
    auto const preview = import_csv("kommune;kommunenummer;fase;navn;email;rolle\n"
                                    "Korsbæk;999;4;Ole Hansen;ole@korsbaek.dk;superbruger\n"
                                    "Ærø;492;;Anne Berg;anne@aeroe.dk;systemansvarlig\n",
                                    d.directory, change(), dry);
    REQUIRE(preview.problems.empty());
    CHECK_FALSE(preview.written);
    auto const text = report_of(preview);
    CHECK_THAT(text, Catch::Contains("Korsbæk (999)\n  fase: 2 → 4\n") && Catch::Contains("Mette Jensen: − projektleder (DUBU) slutter 2026-11-22") &&
                         Catch::Contains("+ Ole Hansen <ole@korsbaek.dk>: ny person") && Catch::Contains("Ole Hansen: + superbruger (DUBU) fra 2026-11-22") &&
                         Catch::Contains("Ærø (492)\n  + ny kommune, fase 4\n"));
    CHECK(preview.municipalities_added == 1);
    CHECK(preview.municipalities_changed == 1);
    CHECK(preview.people_added == 2);
    CHECK(preview.assignments_added == 2);
    CHECK(preview.assignments_ended == 1);
    CHECK(import_summary(preview, knowledge::Language::da) ==
          "1 kommune tilføjet, 1 ændret; 2 personer tilføjet, 0 ændret; 2 roller tilføjet, 1 afsluttet, 0 uændret");
    // Nothing was written.
    CHECK(d.directory.store().municipalities().size() == 1);
    CHECK(d.directory.municipality_named("Korsbæk")->phase == 2);
    CHECK_FALSE(d.directory.store().person_with_email("ole@korsbaek.dk"));
    CHECK(d.directory.store().current_holders(d.directory.municipality_named("Korsbæk")->id, "projektleder").size() == 1);
}

TEST_CASE("a municipality name given another number is a problem on its line, not a database error", "[bot][directory][csv]") {
    Directory d;
    REQUIRE(import_csv(naestved, d.directory, change(), false).problems.empty());
    auto const result = import_csv("kommune;kommunenummer\nKorsbæk;999\nNæstved;371\n", d.directory, change(), ImportOptions{});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 3);
    CHECK_THAT(result.problems[0].message, Catch::Contains("Næstved har nummer 370, ikke 371") && !Catch::Contains("constraint") &&
                                               !Catch::Contains("UNIQUE"));
    CHECK(d.directory.store().municipalities().size() == 1);  // not even Korsbæk
    // Within one file too.
    auto const twice = import_csv("kommune;kommunenummer\nKorsbæk;999\nKorsbæk;998\n", d.directory, change(), ImportOptions{});
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].line == 3);
    // Renaming the other one in the same file frees the name.
    CHECK(import_csv("kommune;kommunenummer\nNæstved Gl.;370\nNæstved;371\n", d.directory, change(), ImportOptions{}).problems.empty());
}

TEST_CASE("import messages are in Danish by default and in English when asked", "[bot][directory][csv]") {
    Directory d;
    auto const da = import_csv("kommune;kommunenummer;fra\nKorsbæk;99;2026-02-30\n", d.directory, change(), ImportOptions{});
    REQUIRE(da.problems.size() == 2);
    CHECK_THAT(da.problems[0].message, Catch::Contains("skal være tre cifre"));
    CHECK_THAT(da.problems[1].message, Catch::Contains("skal være en dato"));
    ImportOptions english;
    english.lang = knowledge::Language::en;
    auto const en = import_csv("kommune;kommunenummer;fra\nKorsbæk;99;2026-02-30\n", d.directory, change(), english);
    REQUIRE(en.problems.size() == 2);
    CHECK_THAT(en.problems[0].message, Catch::Contains("must be three digits"));
    CHECK_THAT(en.problems[1].message, Catch::Contains("must be a date"));
}

TEST_CASE("invalid UTF-8 is refused with its line and nothing is stored", "[bot][directory][csv]") {
    Directory d;
    auto const result = import_csv("kommune;kommunenummer;navn;email\nNæstved;370;S\xF8ren;s@naestved.dk\n", d.directory, change(), ImportOptions{});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line == 2);
    CHECK_THAT(result.problems[0].message, Catch::Contains("UTF-8"));
    CHECK(d.directory.store().municipalities().empty());
}

TEST_CASE("identities and tenants of several platforms import, export and import again, and earlier Teams columns still read",
          "[bot][directory][csv]") {
    Directory d;
    auto const imported = import_csv("kommune;kommunenummer;navn;email;rolle;platform;tenant;identitet;teams_objektid\n"
                                     "Roskilde;265;Rikke;rikke@roskilde.dk;systemansvarlig;slack;T0ROSK;U0RIKKE;aad-rikke\n"
                                     "Roskilde;265;Rikke;rikke@roskilde.dk;;mattermost;team-rosk;mm-rikke;\n"
                                     "Roskilde;265;;;;teams;tenant-rosk;;\n",
                                     d.directory, change(), false);
    for (auto const& p : imported.problems) INFO(p.line << ": " << p.message);
    REQUIRE(imported.problems.empty());
    auto& store = d.directory.store();
    for (auto const& [platform, id] : {std::pair{"slack", "U0RIKKE"}, {"mattermost", "mm-rikke"}, {"teams", "aad-rikke"}}) {
        auto const person = store.person_with_identity(platform, id);
        REQUIRE(person);
        CHECK(person->email == "rikke@roskilde.dk");
    }
    for (auto const& [platform, id] : {std::pair{"slack", "T0ROSK"}, {"mattermost", "team-rosk"}, {"teams", "tenant-rosk"}}) {
        auto const m = store.municipality_of_tenant(platform, id);
        REQUIRE(m);
        CHECK(m->name == "Roskilde");
    }

    auto const exported = export_csv(d.directory);
    CHECK_THAT(exported, Catch::StartsWith("kommune,kommunenummer,fase,navn,email,titel,rolle,system,fra,koordinator,platform,tenant,identitet\r\n"));
    Directory restored;
    auto const again = import_csv(exported, restored.directory, change(), true);
    for (auto const& p : again.problems) INFO(p.line << ": " << p.message);
    REQUIRE(again.problems.empty());
    CHECK(export_csv(restored.directory) == exported);
    CHECK(restored.directory.store().person_with_identity("mattermost", "mm-rikke"));
    CHECK(restored.directory.store().municipality_of_tenant("slack", "T0ROSK"));
}

TEST_CASE("a tenant or identity without its platform, or claimed twice on one platform, is refused with its line", "[bot][directory][csv]") {
    Directory d;
    auto const no_platform = import_csv("kommune;kommunenummer;navn;email;platform;identitet\nRoskilde;265;Rikke;rikke@roskilde.dk;;U0RIKKE\n",
                                        d.directory, change(), false);
    REQUIRE(no_platform.problems.size() == 1);
    CHECK(no_platform.problems[0].line == 2);
    CHECK_THAT(no_platform.problems[0].message, Catch::Contains("platform"));
    auto const bad_name = import_csv("kommune;kommunenummer;platform;tenant\nRoskilde;265;Slack Workspace;T1\n", d.directory, change(), false);
    REQUIRE(bad_name.problems.size() == 1);
    auto const twice = import_csv("kommune;kommunenummer;navn;email;platform;identitet\n"
                                  "Roskilde;265;Rikke;rikke@roskilde.dk;slack;U1\n"
                                  "Roskilde;265;Ole;ole@roskilde.dk;slack;U1\n",
                                  d.directory, change(), false);
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].line == 3);
    // The same id on another platform is another identity.
    auto const other_platform = import_csv("kommune;kommunenummer;navn;email;platform;identitet\n"
                                           "Roskilde;265;Rikke;rikke@roskilde.dk;slack;U1\n"
                                           "Roskilde;265;Ole;ole@roskilde.dk;mattermost;U1\n",
                                           d.directory, change(), false);
    CHECK(other_platform.problems.empty());
}
