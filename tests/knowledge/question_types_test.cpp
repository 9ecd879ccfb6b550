// Answers on the bundled base, one case per question type and per failure cause of issue 13:
// the type decides which sentence leads, unknown words weigh little, abbreviations are spelt
// out, typos (Danish and English) still find the text.
#include "knowledge/knowledge_base.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

namespace {

KnowledgeIndex const& bundled() {
    static auto const loaded = load_knowledge({SB_BUNDLED_KNOWLEDGE_DIR});
    return *loaded.index;
}

struct Answer {
    std::string document;
    std::string section;
    double confidence = 0;
    std::string text;
    QuestionType type = QuestionType::other;
};

Answer ask(std::string const& question) {
    auto const& index = bundled();
    auto const result = index.search(question);
    Answer a;
    a.type = KnowledgeIndex::question_type(result);
    if (result.hits.empty()) return a;
    auto const& hit = result.hits.front();
    a.document = hit.source.document_id;
    a.section = hit.source.section;
    a.confidence = result.confidence();
    a.text = index.excerpt(result, hit, 800);
    return a;
}

/// The excerpt's first sentence or list item.
std::string lead(std::string const& text) {
    auto end = text.find_first_of(".\n");
    return text.substr(0, end);
}

constexpr double confident = 0.6;

}  // namespace

TEST_CASE("who: the answer leads with the role that does it", "[knowledge][answers]") {
    auto a = ask("hvem leder DUBU-styregruppen?");
    CHECK(a.type == QuestionType::who);
    CHECK(a.confidence >= confident);
    CHECK_THAT(lead(a.text), Catch::Contains("projektejer"));
    // "informere" is said as "giver information videre til" in the base.
    auto informs = ask("hvem skal den systemansvarlige informere om nye releases?");
    CHECK(informs.document == "systemansvarlig");
    CHECK_THAT(informs.text, Catch::Contains("superbrugere"));
}

TEST_CASE("glossary: keeping informed is following along, succeeding is solving", "[knowledge][answers]") {
    // The base says "følger med i" where the question says "holde sig orienteret om".
    auto informed = ask("hvad skal den underskriftberettigede holde sig orienteret om?");
    CHECK(informed.confidence >= confident);
    CHECK(informed.document == "underskriftberettiget");
    CHECK_THAT(informed.text, Catch::Contains("databehandleraftaler"));
    // "lykkedes" is said as "når opgaven er løst".
    auto succeeded = ask("hvornår er opgaven om driftsorganisationen lykkedes?");
    CHECK(succeeded.confidence >= confident);
    CHECK(succeeded.document == "drifts-og-supportorganisation");
}

TEST_CASE("the question word that opens the question decides over one in a later clause", "[knowledge][answers]") {
    CHECK(ask("who does KOMBIT escalate to when a municipality falls behind?").type == QuestionType::who);
    CHECK(ask("hvem skal vi kontakte, hvis vi ikke ved hvornår releasen kommer?").type == QuestionType::who);
    CHECK(ask("hvorfor skal vi have en systemejer, når vi har en projektejer?").type == QuestionType::why);
    CHECK(ask("when is the project owner appointed, and who does it?").type == QuestionType::when);
    CHECK(ask("hvor tit kommer der releases?").type == QuestionType::how_often);
}

TEST_CASE("when: the answer leads with the phase", "[knowledge][answers]") {
    auto a = ask("hvornår udpeges systemejeren?");
    CHECK(a.type == QuestionType::when);
    CHECK(a.document == "systemejer");
    CHECK(a.confidence >= confident);
    CHECK_THAT(lead(a.text), Catch::Contains("fase 2"));
    auto phase = ask("i hvilken fase udpeges projektlederen?");
    CHECK(phase.document == "projektleder");
    CHECK_THAT(lead(phase.text), Catch::Contains("fase 1"));
}

TEST_CASE("how often: a colloquial word the base lacks does not outweigh the rest", "[knowledge][answers]") {
    for (auto const* q : {"hvor tit udkommer DUBU?", "hvor ofte kommer der nye releases egentlig", "how often are there DUBU releases?"}) {
        auto a = ask(q);
        INFO(q);
        CHECK(a.type == QuestionType::how_often);
        CHECK(a.document == "releases");
        CHECK(a.confidence >= confident);
        CHECK_THAT(lead(a.text), Catch::Contains("om året"));
    }
}

TEST_CASE("stands for: abbreviations are spelt out, not answered with a role that merely names them", "[knowledge][answers]") {
    struct Case {
        char const* question;
        char const* expansion;
    };
    for (auto const& c : {Case{"hvad står SPOC for?", "single point of contact"},
                          Case{"hvad betyder KLIK?", "Kommunernes Løsning til Implementering og Koordinering"},
                          Case{"ØiR?", "Økonomi i Rammearkitekturen"}, Case{"What does UDK stand for?", "Udbetaling Danmark"},
                          Case{"hvad står STS for", "støttesystemerne"}, Case{"hvad er KOMBIT?", "kommunernes fælles it-selskab"},
                          Case{"hvad er FK Organisation?", "Fælleskommunalt Organisationssystem"},
                          Case{"hvad står spock for", "single point of contact"}}) {
        auto a = ask(c.question);
        INFO(c.question);
        CHECK(a.document == "forkortelser");
        CHECK(a.confidence >= confident);
        CHECK_THAT(lead(a.text), Catch::Contains(c.expansion, Catch::CaseSensitive::No));
    }
}

TEST_CASE("what is: the definition", "[knowledge][answers]") {
    auto a = ask("hvad er hypercare?");
    CHECK(a.type == QuestionType::what_is);
    CHECK(a.confidence >= confident);
    CHECK_THAT(a.text, Catch::Contains("ibrugtagningssupport"));
}

TEST_CASE("tasks: what a role does comes from its tasks, not its competences", "[knowledge][answers]") {
    auto a = ask("hvad laver en systemansvarlig?");
    CHECK(a.type == QuestionType::tasks);
    CHECK(a.document == "systemansvarlig");
    CHECK_THAT(a.section, Catch::Contains("Opgaver"));
    auto g = ask("hvad laver gevinstejeren");
    CHECK(g.document == "gevinstejer");
    CHECK_THAT(g.section, Catch::Contains("Opgaver"));
}

TEST_CASE("how: the steps in their order", "[knowledge][answers]") {
    auto a = ask("hvordan registrerer man en superbruger i KLIK?");
    CHECK(a.type == QuestionType::how);
    CHECK(a.document == "klik-rolleregistrering");
    auto const first = a.text.find("1. ");
    auto const second = a.text.find("2. ");
    REQUIRE(first != std::string::npos);
    CHECK(second > first);
}

TEST_CASE("a numbered step: the answer leads with that step of the task asked about", "[knowledge][answers]") {
    auto second = ask("what is step 2 in the operations and support task?");
    CHECK(second.confidence >= confident);
    CHECK(second.document == "drifts-og-supportorganisation");
    CHECK_THAT(second.text.substr(0, second.text.find('\n')), Catch::StartsWith("2.") && Catch::Contains("styregruppen"));
    auto third = ask("hvad er trin 3 i opgaven om drifts- og supportorganisation?");
    CHECK(third.document == "drifts-og-supportorganisation");
    CHECK_THAT(third.text, Catch::StartsWith("3."));
    auto ordinal = ask("hvad er det andet trin når roller registreres i KLIK?");
    CHECK(ordinal.document == "klik-rolleregistrering");
    CHECK_THAT(ordinal.text, Catch::StartsWith("2."));
}

TEST_CASE("may: the rule leads", "[knowledge][answers]") {
    auto a = ask("må en almindelig bruger kontakte Netcompanys servicedesk?");
    CHECK(a.type == QuestionType::may);
    CHECK(a.document == "support");
    CHECK_THAT(lead(a.text), Catch::Contains("Kun"));
}

TEST_CASE("where: the place or the address", "[knowledge][answers]") {
    auto a = ask("hvor skal fejl i KLIK meldes hen?");
    CHECK(a.type == QuestionType::where);
    CHECK_THAT(a.text, Catch::Contains("KLIK@kombit.dk"));
}

TEST_CASE("what a thing is called: the name, in English as in Danish", "[knowledge][answers]") {
    for (auto const* q : {"what is the DUBU system owner called in KLIK?", "hvad hedder systemejeren i KLIK?"}) {
        auto a = ask(q);
        CHECK(a.document == "systemejer");
        CHECK(a.confidence >= confident);
        CHECK_THAT(a.text, Catch::Contains("faglig leder"));
    }
}

TEST_CASE("who puts roles into KLIK: an English phrase for registering finds the registration", "[knowledge][answers]") {
    auto a = ask("who puts our DUBU roles into KLIK?");
    CHECK(a.type == QuestionType::who);
    CHECK(a.confidence >= confident);
    CHECK_THAT(a.text, Catch::Contains("KLIK-administrator"));
}

TEST_CASE("linking verbs the base happens to contain do not outweigh the topic", "[knowledge][answers]") {
    // "bedt" and "valgt" are in the base, rarely, so they weighed as if they were the topic.
    auto when = ask("hvornår bliver kommunen bedt om at udpege systemansvarlig via KLIK?");
    CHECK(when.confidence >= confident);
    CHECK_THAT(when.text, Catch::Contains("fase 2"));
    auto chosen = ask("hvem plejer at blive valgt som superbrugere?");
    CHECK(chosen.confidence >= confident);
    CHECK_THAT(chosen.text, Catch::Contains("projektgruppen"));
    auto running = ask("hvem er SPOC over for KOMBIT når DUBU kører i drift?");
    CHECK(running.confidence >= confident);
    CHECK(running.document == "systemansvarlig");
    CHECK_THAT(running.text, Catch::Contains("SPOC"));
    auto experienced = ask("hvilke problemer har kommunerne oplevet med SKI 02.19?");
    CHECK(experienced.confidence >= confident);
    CHECK_THAT(experienced.text, Catch::Contains("leverandør"));
    // An everyday English noun the Danish base lacks ("be in place") is no topic of its own.
    auto in_place = ask("when does the project owner have to be in place?");
    CHECK(in_place.confidence >= confident);
    CHECK(in_place.document == "projektejer");
}

TEST_CASE("chat shorthand: abbreviated prepositions, idioms, bare cue nouns and compound parts", "[knowledge][answers]") {
    // "overfor" (for "over for") and "ift" (i forhold til) are prepositions, not topics the base lacks.
    auto toward = ask("hvad er den systemansvarliges rolle overfor kombit?");
    CHECK(toward.confidence >= confident);
    CHECK(toward.document == "systemansvarlig");
    auto regarding = ask("superbrugernes rolle ift fejl og ønsker?");
    CHECK(regarding.confidence >= confident);
    // "hvad er X for en størrelse?" asks what X is.
    auto what = ask("hvad er netcompanys servicedesk for en størrelse?");
    CHECK(what.confidence >= confident);
    CHECK(what.document == "support");
    // "forkortelse" alone asks for the expansion.
    auto abbreviation = ask("klik forkortelse");
    CHECK(abbreviation.type == QuestionType::stands_for);
    CHECK_THAT(abbreviation.text, Catch::Contains("Kommunernes Løsning til Implementering og Koordinering"));
    // A count per year asks how often.
    auto yearly = ask("releases per year?");
    CHECK(yearly.type == QuestionType::how_often);
    CHECK(yearly.confidence >= confident);
    CHECK(ask("hvor mange releases kommer der om året?").type == QuestionType::how_often);
    // A part of a compound means what the glossary says it means: "minimum" is "mindst".
    auto minimum = ask("minimumskrav til roller når dubu er i drift?");
    CHECK(minimum.confidence >= confident);
    CHECK(minimum.section == "Roller der mindst skal udpeges til driften");
}

TEST_CASE("English framing words and contractions are not topics the base lacks", "[knowledge][answers]") {
    // "don't" splits into "don" and "t"; "typical" mirrors the Danish stop word "typisk".
    auto contraction = ask("if we don't run our own IT, who can hold the forvaltningsansvarlig role for us?");
    CHECK(contraction.confidence >= confident);
    CHECK(contraction.document == "forvaltningsansvarlig");
    auto typical = ask("DUBU project owner - typical job title?");
    CHECK(typical.confidence >= confident);
    CHECK(typical.document == "projektejer");
}

TEST_CASE("a word the base has only inside compounds finds those compounds", "[knowledge][answers]") {
    // "breve": the base says "abonnementsbreve", never "breve" alone.
    auto letters = ask("hvilke breve skal fordelingskomponentadministratoren modtage?");
    CHECK(letters.confidence >= confident);
    CHECK(letters.document == "fordelingskomponentadministrator");
    CHECK_THAT(letters.text, Catch::Contains("abonnementsbrev"));
}

TEST_CASE("typos: Danish against the base, English against the glossary", "[knowledge][answers]") {
    auto da = ask("hvad er superbrugerens kompetancer");
    CHECK(da.document == "superbruger");
    CHECK(da.confidence >= confident);
    CHECK_THAT(da.text, Catch::Contains("pædagogiske"));
    auto role = ask("hvad laver en systemansvarli");
    CHECK(role.document == "systemansvarlig");
    CHECK(role.confidence >= confident);
    auto en = ask("waht does the systme owner do");
    CHECK(en.document == "systemejer");
    CHECK(en.confidence >= confident);
    // "oftne" is one edit from both "often" and "ofte": the question's language decides.
    auto often = ask("how oftne are there new dubu releases");
    CHECK(often.type == QuestionType::how_often);
    CHECK(often.confidence >= confident);
    CHECK_THAT(often.text, Catch::Contains("årlig") || Catch::Contains("om året"));
    CHECK(ask("hvor oftne kommer der releases").type == QuestionType::how_often);
}

TEST_CASE("questions the base cannot answer stay declined", "[knowledge][answers]") {
    for (auto const* q : {"hvem vandt VM i fodbold?", "hvad koster en licens til KLIK?", "hvilken database kører DUBU på?",
                          "how do I export a list of all open cases from DUBU to Excel?", "hvad står KDI for?"}) {
        INFO(q);
        CHECK(ask(q).confidence < confident);
    }
}

TEST_CASE("an excerpt names the role or theme it is about, not only the source line", "[knowledge][answers]") {
    // The section's text says what "the role" does; cut out, the answer must say whose.
    auto const who = ask("hvem sørger for at brugerne kan logge på it-systemet med den korrekte adgang?");
    CHECK(who.confidence >= confident);
    CHECK(who.text.starts_with("Rolleadministrator: "));
    // A theme's section opens with "Temaet …": its heading says which theme.
    auto const theme = ask("under hvilket tema ligger godkend databehandleraftale?");
    CHECK_THAT(theme.text, Catch::Contains("it-sikkerhed"));
    // An excerpt that already names its role gets no second name.
    auto const named = ask("hvad laver en superbruger?");
    CHECK(named.text.find("DUBU-superbruger: ") == std::string::npos);
}
