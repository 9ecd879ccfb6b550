// Questions that ask for a value by name (a person's name, a date, a sum, a percentage, a place,
// a municipality): only a passage with a value of that kind on the question answers them, on the
// bundled base as on small hand-made ones. The base has the topic of many near-misses ("KOMBITs
// Incident Manager", "SKI taskforce 2.0", "oppetid") but not the value asked for.
#include "knowledge/danish_text.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/knowledge_base.hpp"
#include "knowledge/question.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

namespace {

KnowledgeIndex const& bundled() {
    static auto const loaded = load_knowledge({SB_BUNDLED_KNOWLEDGE_DIR});
    return *loaded.index;
}

constexpr double confident = 0.6;

double confidence(std::string const& question) { return bundled().search(question).confidence(); }

std::string answer(std::string const& question) {
    auto const& index = bundled();
    auto const result = index.search(question);
    if (result.hits.empty()) return {};
    return index.excerpt(result, result.hits.front(), 800);
}

bool holds(std::string_view unit, Value kind) { return (values_in(unit) & value_bit(kind)) != 0; }

bool asks(std::string const& question, Value kind) {
    auto const folded = fold_case(question);
    auto const form = read_question_form(question, folded);
    std::vector<std::string> cues;
    return (values_asked(split_words(folded), form.type, cues) & value_bit(kind)) != 0;
}

}  // namespace

TEST_CASE("values in a sentence: dates, sums, percentages, places and municipalities", "[knowledge][values]") {
    CHECK(holds("Rettelsen var planlagt til releasen den 16.–17. oktober 2020.", Value::date));
    CHECK(holds("Opgaven har slutdato 04-03-2024.", Value::date));
    CHECK(holds("The release is on October 16.", Value::date));
    CHECK_FALSE(holds("Arbejdet gik i gang i december 2020.", Value::date));  // a month, not a day
    CHECK_FALSE(holds("Det sker i fase 2 og i version 1.4.", Value::date));
    CHECK(holds("Kurset koster 2.500 kr. pr. deltager.", Value::amount));
    CHECK(holds("Budgettet er 3 mio. kroner.", Value::amount));
    CHECK_FALSE(holds("Der var 78 millioner servicekald.", Value::amount));  // a count, not money
    CHECK(holds("Produktionsmiljø m1 har et SLA-mål på 99,80 %.", Value::percentage));
    CHECK(holds("Det gælder i 90 procent af tilfældene.", Value::percentage));
    CHECK_FALSE(holds("Der kommer 2 releases om året.", Value::percentage));
    CHECK(holds("Servicedesken ligger på Vesterbrogade 1, 1620 København V.", Value::place));
    CHECK_FALSE(holds("Servicedesken ligger hos Netcompany.", Value::place));
    CHECK(holds("I eksemplet, som er for Korsbæk Kommune, er felterne tomme.", Value::municipality));
    CHECK_FALSE(holds("Kommune og leverandør aftaler det. Hver kommune melder ind.", Value::municipality));
    CHECK(holds("Skriv til dubu@kombit.dk.", Value::mail));
    CHECK(holds("Ring på 33 34 40 00.", Value::phone));
}

TEST_CASE("the value a question asks for, read from its words", "[knowledge][values]") {
    CHECK(asks("hvem er formand for UDKs bestyrelse?", Value::person));
    CHECK(asks("hvad hedder KOMBITs incident manager?", Value::person));
    CHECK(asks("who is the director of KOMBIT?", Value::person));
    // A role of the base asked for by its name, a verb of leading, a thing named: no person.
    CHECK_FALSE(asks("hvad hedder systemejeren i KLIK?", Value::person));
    CHECK_FALSE(asks("who chairs the DUBU steering committee?", Value::person));
    CHECK_FALSE(asks("hvad hedder fase 2 i implementeringsmodellen?", Value::person));
    CHECK(asks("hvilken dato kommer den næste release?", Value::date));
    CHECK(asks("hvad er slutdatoen på opgaven?", Value::date));
    CHECK_FALSE(asks("hvornår kommer den næste release?", Value::date));  // a phase or a moment will do
    CHECK(asks("hvad er budgettet for projektet?", Value::amount));
    CHECK(asks("what does the course cost?", Value::amount));
    CHECK(asks("what's the uptime of DUBU?", Value::percentage));
    CHECK(asks("hvor ligger servicedesken fysisk?", Value::place));
    CHECK_FALSE(asks("hvor ligger rollebeskrivelserne?", Value::place));  // where in the base, not on a map
    CHECK(asks("hvilken kommune gik først i drift?", Value::municipality));
    CHECK_FALSE(asks("hvilke kommuner bruger DUBU?", Value::municipality));  // a kind of municipality will do
}

TEST_CASE("a person's name: the sentence with the name must hold the title asked about", "[knowledge][values]") {
    // The programme meeting names KOMBIT's service manager.
    CHECK(confidence("hvad hedder KOMBITs servicemanager?") >= confident);
    CHECK_THAT(answer("hvad hedder KOMBITs servicemanager?"), Catch::Contains("Keld Jørgensen"));
    // The base has the Incident Manager as a role to escalate to, with no name; a chair and a
    // director of KOMBIT or UDK nowhere ("sekretariatschef for UDK's bestyrelse" is no chair).
    CHECK(confidence("hvad er navnet på KOMBITs incident manager?") < confident);
    CHECK(confidence("hvem er formand for UDKs bestyrelse?") < confident);
    CHECK(confidence("who is the director of KOMBIT?") < confident);
    CHECK(confidence("who is the chairman of UDK's board?") < confident);
    // A role's name in KLIK is not a person's name.
    CHECK(confidence("hvad hedder systemejeren i KLIK?") >= confident);
    CHECK_THAT(answer("hvad hedder systemejeren i KLIK?"), Catch::Contains("faglig leder"));
}

TEST_CASE("a date: the passage must give a day for the thing asked about", "[knowledge][values]") {
    CHECK(confidence("hvad er slutdatoen på opgaven etabler projektorganisation?") >= confident);
    CHECK_THAT(answer("hvad er slutdatoen på opgaven etabler projektorganisation?"), Catch::Contains("04-03-2024"));
    // The base tells how often releases come, never the day of the next one.
    CHECK(confidence("hvilken dato kommer den næste release af DUBU?") < confident);
}

TEST_CASE("a sum, a percentage, a place: the topic without the value is no answer", "[knowledge][values]") {
    // The SKI taskforce 2.0 is in the base, its budget is not.
    CHECK(confidence("hvad er budgettet for SKI taskforce 2.0?") < confident);
    // The SLA targets are the Serviceplatform's, not DUBU's.
    CHECK(confidence("hvad er SLA-målet for produktionsmiljø m1?") >= confident);
    CHECK_THAT(answer("hvad er SLA-målet for produktionsmiljø m1?"), Catch::Contains("99,80 %"));
    CHECK(confidence("hvad er oppetiden for DUBU?") < confident);
    // The servicedesk is described, not where it is on a map.
    CHECK(confidence("hvor ligger KOMBITs servicedesk fysisk?") < confident);
}

TEST_CASE("a municipality by name: the example task names one, the first to go live is not named", "[knowledge][values]") {
    CHECK(confidence("hvilken kommune står opgaven etabler projektorganisation for i KLIK?") >= confident);
    CHECK_THAT(answer("hvilken kommune står opgaven etabler projektorganisation for i KLIK?"), Catch::Contains("Korsbæk"));
    CHECK(confidence("hvilken kommune gik først i drift med DUBU 3.0?") < confident);
}

TEST_CASE("a sum and an address answer when a passage gives them", "[knowledge][values]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: kursus\ntitle: Superbrugerkursus\nkind: procedure\nsource: s\n---\n"
                                  "Prisen for superbrugerkurset er 2.500 kr. pr. deltager.\n", "a.md"));
    docs.push_back(parse_document("---\nid: desk\ntitle: Servicedesk\nkind: procedure\nsource: s\n---\n"
                                  "Servicedesken ligger på Vesterbrogade 1, 1620 København V.\n", "b.md"));
    docs.push_back(parse_document("---\nid: webinar\ntitle: Webinar\nkind: procedure\nsource: s\n---\n"
                                  "Webinaret om superbrugerkurset holdes online.\n", "c.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    CHECK(index.search("hvad er prisen på superbrugerkurset?").confidence() >= confident);
    CHECK(index.search("hvor ligger servicedesken fysisk?").confidence() >= confident);
    // The webinar has the topic and no sum.
    CHECK(index.search("hvad er prisen på webinaret?").confidence() < confident);
}
