// The inverted index: a search scores only the passages that share a term with the question, an
// alternative of several terms needs all of them in one passage, and repeated searches (which
// reuse the index's accumulators) give the same result as the first.
#include "knowledge/danish_text.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/index.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

namespace {

KnowledgeIndex phrase_index() {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: drift\ntitle: Drift\nkind: procedure\nsource: s\n---\n"
                                  "Servicedesken tager imod fejl fra superbrugerne.\n\n"
                                  "## Releases\nEn ny release kommer to gange om året.\n", "a.md"));
    docs.push_back(parse_document("---\nid: oplaering\ntitle: Oplæring\nkind: procedure\nsource: s\n---\n"
                                  "Superbrugerne får oplæring af implementeringskonsulenten.\n\n"
                                  "## Kursus\nKurset varer to dage.\n", "b.md"));
    docs.push_back(parse_document("---\nid: roller\ntitle: Roller\nkind: background\nsource: s\n---\n"
                                  "En rolle er et sæt opgaver.\n", "c.md"));
    Glossary glossary;
    Stemmer danish(StemLanguage::danish);
    Stemmer english(StemLanguage::english);
    std::vector<LoadProblem> problems;
    glossary.add_text("kursus | training course\n", "g", danish, english, problems);
    REQUIRE(problems.empty());
    return KnowledgeIndex(std::move(docs), std::move(glossary));
}

}  // namespace

TEST_CASE("only passages that share a term with the question are hits", "[knowledge][search][index]") {
    auto index = phrase_index();
    auto r = index.search("servicedesken", 10);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].source.document_id == "drift");
    CHECK(index.search("blæksprutte", 10).hits.empty());
}

TEST_CASE("a phrase of several words matches only a passage that has all of them", "[knowledge][search][index]") {
    auto index = phrase_index();
    // "training course" is one glossary alternative of two words: "training" alone is nowhere, so
    // only the Danish "kursus" of the same group finds the passage.
    auto r = index.search("training course", 10);
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "oplaering");
    CHECK(r.hits[0].source.section == "Kursus");
}

TEST_CASE("a heading word scores the passage under it though the body lacks it", "[knowledge][search][index]") {
    auto index = phrase_index();
    auto r = index.search("releases", 10);
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.section == "Releases");
    CHECK(r.confidence() == 1.0);
}

TEST_CASE("repeated and interleaved searches give the same hits as the first", "[knowledge][search][index]") {
    auto index = phrase_index();
    auto const first = index.search("hvem giver superbrugerne oplæring?", 10);
    auto const other = index.search("hvor tit kommer der en ny release?", 10);
    auto const again = index.search("hvem giver superbrugerne oplæring?", 10);
    REQUIRE(first.hits.size() == again.hits.size());
    for (std::size_t k = 0; k < first.hits.size(); ++k) {
        CHECK(first.hits[k].source.document_id == again.hits[k].source.document_id);
        CHECK(first.hits[k].score == again.hits[k].score);
        CHECK(first.hits[k].confidence == again.hits[k].confidence);
    }
    REQUIRE(!other.hits.empty());
    CHECK(other.hits[0].source.section == "Releases");
}

TEST_CASE("the excerpt of a hit comes from that hit's own section", "[knowledge][search][index]") {
    auto index = phrase_index();
    auto r = index.search("hvor længe varer kurset?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.section == "Kursus");
    CHECK(index.excerpt(r, r.hits[0], 800) == "Kurset varer to dage.");
}
