// Ranking and confidence on a small hand-made base, so the test does not move with the content.
#include "knowledge/danish_text.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/index.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

namespace {

KnowledgeIndex small_index() {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: superbruger\ntitle: DUBU-superbruger\nkind: role\nsource: s\naliases: superbruger\n---\n"
                                  "Superbrugeren giver kollegerne support i DUBU og melder fejl til servicedesken.\n\n"
                                  "## Opgaver\n- underviser nye medarbejdere\n- opsætter journalfraser\n", "a.md"));
    docs.push_back(parse_document("---\nid: support\ntitle: Support\nkind: procedure\nsource: s\n---\n"
                                  "Kun superbrugere må kontakte Netcompanys servicedesk, når der er fejl i systemet.\n", "b.md"));
    docs.push_back(parse_document("---\nid: systemejer\ntitle: DUBU-systemejer\nkind: role\nsource: s\naliases: systemejer\n---\n"
                                  "Systemejeren har det overordnede ansvar for fagområdet og sikrer økonomien.\n", "c.md"));
    Glossary glossary;
    Stemmer danish(StemLanguage::danish);
    Stemmer english(StemLanguage::english);
    std::vector<LoadProblem> problems;
    glossary.add_text("servicedesk | service desk | helpdesk\nfejl | error | bug\nsuperbruger | super user\nkontakte | contact\n",
                      "g", danish, english, problems);
    REQUIRE(problems.empty());
    return KnowledgeIndex(std::move(docs), std::move(glossary));
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
    auto text = index.excerpt("hvem underviser nye medarbejdere?", r.hits[0], 40);
    CHECK(text.size() <= 40);
    CHECK(text.find("underviser nye medarbejdere") != std::string::npos);
}
