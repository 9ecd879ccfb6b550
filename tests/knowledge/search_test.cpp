// Ranking and confidence on a small hand-made base, so the test does not move with the content.
#include "knowledge/danish_text.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/index.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

namespace {

Glossary glossary_of(std::string const& text) {
    Stemmer danish(StemLanguage::danish);
    Stemmer english(StemLanguage::english);
    std::vector<LoadProblem> problems;
    Glossary glossary;
    glossary.add_text(text, "g", danish, english, problems);
    REQUIRE(problems.empty());
    return glossary;
}

/// A base that has the role gallery's history and one unrelated document, read with `words` as
/// the dictionary: for how words the base lacks are weighed.
KnowledgeIndex gallery_index(std::vector<std::string_view> const& words) {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: galleri\ntitle: Rollegalleriet\nkind: background\nsource: s\n---\n"
                                  "Organisationsadministratoren kom med i rollegalleriet i version 1.3.\n", "a.md"));
    docs.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                  "Superbrugerne melder fejl til servicedesken.\n", "b.md"));
    return KnowledgeIndex(std::move(docs), Glossary{}, std::make_shared<WordList const>(WordList::from_words(words)));
}

KnowledgeIndex small_index() {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: superbruger\ntitle: DUBU-superbruger\nkind: role\nsource: s\naliases: superbruger\n---\n"
                                  "Superbrugeren giver kollegerne support i DUBU og melder fejl til servicedesken.\n\n"
                                  "## Opgaver\n- underviser nye medarbejdere\n- opsætter journalfraser\n", "a.md"));
    docs.push_back(parse_document("---\nid: support\ntitle: Support\nkind: procedure\nsource: s\n---\n"
                                  "Kun superbrugere må kontakte Netcompanys servicedesk, når der er fejl i systemet.\n", "b.md"));
    docs.push_back(parse_document("---\nid: systemejer\ntitle: DUBU-systemejer\nkind: role\nsource: s\naliases: systemejer\n---\n"
                                  "Systemejeren har det overordnede ansvar for fagområdet og sikrer økonomien.\n", "c.md"));
    return KnowledgeIndex(std::move(docs),
                          glossary_of("servicedesk | service desk | helpdesk\nfejl | error | bug\nsuperbruger | super user\nkontakte | contact\n"));
}

}  // namespace

TEST_CASE("a role question finds the role's own entry", "[knowledge][search]") {
    auto index = small_index();
    auto r = index.search("hvad laver en superbruger?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "superbruger");
    CHECK(r.confidence() > 0.9);
}

TEST_CASE("English questions find Danish text through the glossary", "[knowledge][search]") {
    auto index = small_index();
    auto r = index.search("who may contact the service desk?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "support");
    CHECK(r.confidence() > 0.9);
}

TEST_CASE("typos and compound words still find the text", "[knowledge][search]") {
    auto index = small_index();
    auto typo = index.search("hvem er systemejern");
    REQUIRE(!typo.hits.empty());
    CHECK(typo.hits[0].source.document_id == "systemejer");
    auto compound = index.search("superbrugeropgaver");
    REQUIRE(!compound.hits.empty());
    CHECK(compound.hits[0].source.document_id == "superbruger");
}

TEST_CASE("questions outside the base have low confidence", "[knowledge][search]") {
    auto index = small_index();
    CHECK(index.search("who won the champions league last year?").confidence() < 0.3);
    CHECK(index.search("hvad koster en pizza i Næstved?").confidence() < 0.3);
    CHECK(index.search("").hits.empty());
    CHECK(index.search("og i at").hits.empty());
}

TEST_CASE("excerpts keep whole list items within the limit", "[knowledge][search]") {
    auto index = small_index();
    auto r = index.search("hvem underviser nye medarbejdere?");
    REQUIRE(!r.hits.empty());
    auto text = index.excerpt(r, r.hits[0], 40);
    CHECK(text.size() <= 40);
    CHECK(text.find("underviser nye medarbejdere") != std::string::npos);
}

TEST_CASE("a how-many question is not answered by a passage without any number", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: brug\ntitle: Brug af DUBU\nkind: background\nsource: s\n---\n"
                                  "Kommunerne bruger DUBU i det daglige arbejde med børnesager.\n", "a.md"));
    docs.push_back(parse_document("---\nid: klik\ntitle: KLIK\nkind: procedure\nsource: s\n---\n"
                                  "En kommune kan kun registrere én systemansvarlig i KLIK.\n", "b.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    // The same words without a number in the passage: a confident answer would be made up.
    CHECK(index.search("hvor mange kommuner bruger DUBU?").confidence() < 0.6);
    CHECK(index.search("hvilke kommuner bruger DUBU?").confidence() > 0.9);
    // With a quantity in the passage ("én"), the how-many question is answered.
    auto r = index.search("hvor mange systemansvarlige kan en kommune registrere i KLIK?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "klik");
    CHECK(r.confidence() > 0.9);
}

TEST_CASE("naming the source of the facts does not count against an answer", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: leder\ntitle: Faglig leder\nkind: role\nsource: KOMBITs rollegalleri\n---\n"
                                  "Den faglige leder aktiveres i fase 1.\n", "a.md"));
    docs.push_back(parse_document("---\nid: ejer\ntitle: Systemejer\nkind: role\nsource: KOMBITs rollegalleri\n---\n"
                                  "Systemejeren udpeges i fase 2.\n", "b.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    auto r = index.search("hvornår aktiveres den faglige leder ifølge KOMBITs rollegalleri?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "leder");
    CHECK(r.confidence() > 0.9);
}

TEST_CASE("short words are not bent into other words as typos", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: kort\ntitle: Kort\nkind: background\nsource: s\n---\n"
                                  "Et kort over kommunens systemer.\n", "a.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    // "koster" stems to "kost", one letter from "kort": matching them would answer a price question.
    CHECK(index.search("hvad koster det").confidence() < 0.6);
    CHECK(index.explain("hvad koster det").find("(unknown word)") != std::string::npos);
    // Longer words keep their typo tolerance.
    CHECK(index.search("kommunes systemr").confidence() > 0.9);
}

TEST_CASE("a real word in the dictionary is not taken for a typo of a word of the base", "[knowledge][search]") {
    auto make = [](std::shared_ptr<WordList const> dictionary) {
        std::vector<Document> docs;
        docs.push_back(parse_document("---\nid: konto\ntitle: Regnskab\nkind: background\nsource: s\n---\n"
                                      "Hver afdeling har sin egen konto i regnskabet.\n", "a.md"));
        return KnowledgeIndex(std::move(docs), Glossary{}, std::move(dictionary));
    };
    // Without a dictionary "konti" is one letter from "konto" and taken for it.
    CHECK(make(nullptr).search("konti").confidence() > 0.9);
    // With one that knows the word, it stays an unknown word: nothing matches it.
    auto const dictionary = std::make_shared<WordList const>(WordList::from_words({"konti", "Konto"}));
    CHECK(dictionary->contains("konti"));
    CHECK(dictionary->contains("konto"));
    CHECK_FALSE(dictionary->contains("kontoo"));
    CHECK(make(dictionary).search("konti").confidence() < 0.6);
    // A misspelling the dictionary does not know is still corrected.
    CHECK(make(dictionary).search("kontoo").confidence() > 0.9);
}

TEST_CASE("English typos are corrected against the glossary", "[knowledge][search]") {
    auto index = small_index();
    auto r = index.search("who may contakt the servise desk?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "support");
    CHECK(index.explain("who may contakt the servise desk?").find("spelling contakt → contact") != std::string::npos);
}

TEST_CASE("the excerpt leads with the sentence that answers the question's type", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: ejer\ntitle: Systemejer\nkind: role\nsource: s\naliases: systemejer\n---\n"
                                  "Systemejeren har ansvaret for fagområdet. Systemejeren sørger for økonomien. "
                                  "Systemejeren udpeges i fase 2: Forberedelse.\n", "a.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    auto r = index.search("hvornår udpeges systemejeren?");
    REQUIRE(!r.hits.empty());
    auto text = index.excerpt(r, r.hits[0], 800);
    CHECK_THAT(text, Catch::StartsWith("Systemejeren udpeges i fase 2"));
    CHECK_THAT(text, Catch::Contains("ansvaret for fagområdet"));  // the rest follows as context
    // A question without such a type keeps the text's order.
    auto plain = index.search("systemejer");
    CHECK_THAT(index.excerpt(plain, plain.hits[0], 800), Catch::StartsWith("Systemejeren har ansvaret"));
}

TEST_CASE("a word left out after a hyphen counts as written whole", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: ansvarlig\ntitle: Ansvarlig\nkind: role\nsource: s\n---\n"
                                  "Samler kommunens ændrings- og udviklingsønsker og sender dem til leverandøren.\n", "a.md"));
    docs.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                  "Ændringsønsker og andre ønsker om udvikling kan komme fra alle brugere.\n", "b.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    // "ændrings- og udviklingsønsker" says "ændringsønsker" too.
    auto r = index.search("ændringsønsker til leverandøren");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "ansvarlig");
    CHECK(r.confidence() > 0.9);
}

TEST_CASE("a question naming a part of a role gets that part, not the introduction", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: arkitekt\ntitle: It-arkitekt\nkind: role\nsource: s\naliases: it-arkitekt\n---\n"
                                  "It-arkitekten forankrer infrastrukturen i kommunens systemportefølje.\n\n"
                                  "## Opgaver\n- tegner kommunens arkitektur\n\n"
                                  "## Kompetencer\nTeknisk baggrund med god forretningsforståelse.\n", "a.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    auto r = index.search("hvad skal en it-arkitekt kunne?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.section == "Kompetencer");
}

TEST_CASE("a real English word is not bent into a glossary word, unless it completes a phrase", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: kvalitet\ntitle: Datakvalitet\nkind: background\nsource: s\n---\n"
                                  "Den faglige leder sikrer god datakvalitet. Kvalificerede medarbejdere gennemgår releasen.\n",
                                  "a.md"));
    auto glossary = glossary_of("kvalificere | qualify\ngennemgå | go through\n");
    auto const english_words = std::make_shared<WordList const>(WordList::from_words({"quality", "trough"}));
    KnowledgeIndex index(std::move(docs), std::move(glossary), nullptr, english_words);
    // "quality" is a word of its own, one letter from the glossary's "qualify".
    CHECK(index.explain("who is responsible for data quality?").find("quality → qualify") == std::string::npos);
    // "trough" is a word too, but beside "go" it was meant as the phrase "go through".
    CHECK(index.explain("who has to go trough the release?").find("trough → through") != std::string::npos);
}

TEST_CASE("a real word the base lacks is the question's topic, and the question is declined", "[knowledge][search]") {
    auto make = [](std::shared_ptr<WordList const> danish_words) {
        std::vector<Document> docs;
        docs.push_back(parse_document("---\nid: moeder\ntitle: Møder\nkind: background\nsource: s\n---\n"
                                      "Den systemansvarlige holder superbrugermøder hver måned.\n", "a.md"));
        docs.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                      "Superbrugerne melder fejl til servicedesken.\n", "b.md"));
        return KnowledgeIndex(std::move(docs), Glossary{}, std::move(danish_words));
    };
    auto const words = std::make_shared<WordList const>(WordList::from_words({"pizza"}));
    auto const with = make(words).search("pizza til superbrugermøder");
    auto const without = make(nullptr).search("pizza til superbrugermøder");
    // Known as a real word, "pizza" is a topic the base has nothing on.
    CHECK(with.confidence() < without.confidence());
    CHECK(with.confidence() < 0.6);
    // A filler is no topic: "egentlig" does not count against the answer.
    CHECK(make(words).search("hvem holder egentlig superbrugermøder").confidence() > 0.9);
}

TEST_CASE("a short word with a letter left out or two letters swapped is corrected", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: spoc\ntitle: SPOC\nkind: background\nsource: s\n---\n"
                                  "Projektejeren er SPOC over for KOMBIT.\n", "a.md"));
    auto glossary = glossary_of("projektejer | project owner\n");
    KnowledgeIndex index(std::move(docs), std::move(glossary));
    CHECK(index.explain("project ownr?").find("ownr → owner") != std::string::npos);
    CHECK(index.explain("hvem er spco?").find("spco → spoc") != std::string::npos);
    // Three letters are too few to guess from.
    CHECK(index.explain("hvem er spc?").find("spc →") == std::string::npos);
}

TEST_CASE("another inflection the stemmer leaves on still finds the word", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: klik\ntitle: KLIK\nkind: background\nsource: s\n---\n"
                                  "Opgaverne til kommunerne fordeles i KLIK.\n", "a.md"));
    docs.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                  "Ansvaret er fordelt mellem rollerne. DUBUs brugere får hjælp.\n", "b.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    // "fordelt" is a term of its own (from b), but "fordeles" in a is the same word.
    auto const r = index.search("hvor får kommunerne fordelt opgaverne?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "klik");
    CHECK(r.confidence() > 0.9);
}

TEST_CASE("a Danish verb the base lacks links the topics but a noun it lacks is one", "[knowledge][search]") {
    auto const index = gallery_index({"tilføje", "tilføjer", "tilføjet", "pizza", "roller", "rolle"});
    // "tilføjet": tilføje, tilføjer and tilføjet are all words, so it is a verb form.
    CHECK(index.search("hvornår blev organisationsadministrator tilføjet rollegalleriet?").confidence() >= 0.6);
    // "pizza" is a noun: the topic the base has nothing on.
    CHECK(index.search("pizza til rollegalleriet").confidence() < 0.6);
}

TEST_CASE("a verb with a particle prefix counts as a verb even when the dictionary lacks its forms", "[knowledge][search]") {
    // Like Debian's list: "tilsendt" and "tilsende" are there, "tilsender" is not; "sende",
    // "sender" and "sendt" are.
    auto const index = gallery_index({"tilsende", "tilsendt", "sende", "sender", "sendt", "tilskud", "skud", "skudt"});
    CHECK(index.search("hvornår blev organisationsadministrator tilsendt rollegalleriet?").confidence() >= 0.6);
    // "tilskud" is a noun ("skud" has no present "skuder"): the topic the base lacks.
    CHECK(index.search("tilskud til rollegalleriet").confidence() < 0.6);
}

TEST_CASE("a common English verb stays light even when the glossary maps it to a rare phrase", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: support\ntitle: Support\nkind: procedure\nsource: s\n---\n"
                                  "Netcompanys servicedesk er andenlinjesupport for kommunerne.\n", "a.md"));
    docs.push_back(parse_document("---\nid: data\ntitle: Data\nkind: background\nsource: s\n---\n"
                                  "KOMBIT stiller data til rådighed for kommunerne.\n", "b.md"));
    docs.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                  "Superbrugerne melder fejl. Superbrugerne holder møder. Superbrugerne læser releasenoter.\n", "c.md"));
    auto glossary = glossary_of("stille til rådighed | provide | provides\nandenlinjesupport | second level support\n");
    KnowledgeIndex index(std::move(docs), std::move(glossary));
    // "provides" asks how the support is given, not about the rare phrase it can translate.
    auto const r = index.search("who provides second level support?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "support");
    CHECK(r.confidence() >= 0.6);

    std::vector<Document> more;
    more.push_back(parse_document("---\nid: forslag\ntitle: Forslag\nkind: procedure\nsource: s\n---\n"
                                  "Forslaget beskriver roller og procedurer.\n", "d.md"));
    more.push_back(parse_document("---\nid: hus\ntitle: Hus\nkind: background\nsource: s\n---\n"
                                  "Huset rummer tre lokaler.\n", "e.md"));
    more.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                  "Superbrugerne melder fejl. Superbrugerne holder møder.\n", "f.md"));
    KnowledgeIndex second(std::move(more), glossary_of("rummer | include | includes\nforslag | proposal\n"));
    auto const included = second.search("what does the proposal include?");
    REQUIRE(!included.hits.empty());
    CHECK(included.hits[0].source.document_id == "forslag");
    CHECK(included.confidence() >= 0.6);
}

TEST_CASE("an English compound written as one word is the glossary's phrase", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: leder\ntitle: Projektleder\nkind: role\nsource: s\naliases: projektleder\n---\n"
                                  "Projektlederen står for implementeringen.\n", "a.md"));
    auto glossary = glossary_of("projektleder | project leader\n");
    KnowledgeIndex index(std::move(docs), std::move(glossary));
    auto const explained = index.explain("wat does the projectleader do");
    CHECK(explained.find("projectleader → project leader") != std::string::npos);
    CHECK(explained.find("wat → what") != std::string::npos);
    CHECK(index.search("wat does the projectleader do").confidence() > 0.9);
}

TEST_CASE("a real word is not split into parts that carry no meaning", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: a\ntitle: A\nkind: background\nsource: s\n---\n"
                                  "Data kan ligge inde i systemet. Man skal holde styr på dem. Oversigten viser dem.\n", "a.md"));
    auto const words = std::make_shared<WordList const>(WordList::from_words({"indeholde"}));
    KnowledgeIndex index(std::move(docs), Glossary{}, words);
    // "inde" and "holde" are both words of the base, but "indeholde" is a word of its own.
    CHECK(index.explain("hvad skal oversigten indeholde?").find("concept \"inde\"") == std::string::npos);
}

TEST_CASE("a common word stays light when the glossary knows it too", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: r\ntitle: Releases\nkind: procedure\nsource: s\n---\n"
                                  "Der kommer releases flere gange om året.\n", "a.md"));
    docs.push_back(parse_document("---\nid: m\ntitle: Møder\nkind: background\nsource: s\n---\n"
                                  "Alle deltager i mødet.\n", "b.md"));
    auto glossary = glossary_of("komme | kommer | come | comes\n");
    KnowledgeIndex index(std::move(docs), std::move(glossary));
    auto const explained = index.explain("hvor ofte kommer der releases");
    auto const at = explained.find("concept \"kommer\" weight ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stod(explained.substr(at + 25)) <= 0.6);
    // Without the cap it would weigh like "releases", a word of one passage in two.
    auto const releases = explained.find("concept \"releases\" weight ");
    REQUIRE(releases != std::string::npos);
    CHECK(std::stod(explained.substr(releases + 26)) > 0.6);
}

TEST_CASE("two dictionary words written together are a real word the base lacks", "[knowledge][search]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: felter\ntitle: Felter\nkind: background\nsource: s\n---\n"
                                  "Superbrugerne kender felterne i DUBU.\n", "a.md"));
    docs.push_back(parse_document("---\nid: andet\ntitle: Andet\nkind: background\nsource: s\n---\n"
                                  "Kommunen melder fejl.\n", "b.md"));
    auto const words = std::make_shared<WordList const>(WordList::from_words({"bevilling", "grundlag"}));
    auto const with = KnowledgeIndex(std::vector<Document>(docs), Glossary{}, words);
    auto const without = KnowledgeIndex(std::move(docs), Glossary{});
    // "bevillingsgrundlag" is "bevilling" + s + "grundlag": a topic the base has nothing on.
    CHECK(with.search("felterne bevillingsgrundlag DUBU").confidence() <
          without.search("felterne bevillingsgrundlag DUBU").confidence());
    CHECK(with.search("felterne bevillingsgrundlag DUBU").confidence() < 0.6);
}
