// Questions that ask for a value by name (a person's name): only a passage with a value of that
// kind on the question answers them. The base has the topic of many near-misses ("KOMBITs
// Incident Manager") but not the value asked for.
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

TEST_CASE("values in a sentence: a mail address and a phone number", "[knowledge][values]") {
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
