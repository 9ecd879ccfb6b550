// "Hvem …" questions are answered by a role: the role's own section on the matter comes before a
// procedure that mentions the matter and, in passing, some role.
#include "knowledge/document_loader.hpp"
#include "knowledge/index.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::knowledge;

TEST_CASE("a who question prefers the role's own section to a procedure naming the matter", "[knowledge][search][who]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: registrering\ntitle: Registrering i KLIK\nkind: procedure\nsource: s\n---\n"
                                  "Kommunen registrerer rollerne i KLIK. Rollerne registreres en ad gangen.\n", "a.md"));
    docs.push_back(parse_document("---\nid: klik-administrator\ntitle: KLIK-administrator\nkind: role\nsource: s\n---\n"
                                  "Rollen har ansvaret for brugerne i kommunen.\n\n"
                                  "## Opgaver\n- Registrerer rollerne i KLIK.\n", "b.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    auto const r = index.search("hvem registrerer rollerne i KLIK?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "klik-administrator");
    // Not a who question: the procedure, which is about registering, stays first.
    auto const how = index.search("hvordan registrerer kommunen rollerne i KLIK?");
    REQUIRE(!how.hits.empty());
    CHECK(how.hits[0].source.document_id == "registrering");
}

TEST_CASE("a who question is answered by the sentence that names who, not by a heading on the matter",
          "[knowledge][search][who]") {
    std::vector<Document> docs;
    docs.push_back(parse_document("---\nid: registrering\ntitle: Roller i KLIK\nkind: procedure\nsource: s\n---\n"
                                  "Rollerne registreres i KLIK af kommunens KLIK-administrator.\n\n"
                                  "## Hvorfor registrere rollerne i KLIK\n"
                                  "Registreringen giver KOMBIT overblik. Superbrugerne får adgang til netværket, når rollerne er "
                                  "registreret.\n", "a.md"));
    docs.push_back(parse_document("---\nid: klik-administrator\ntitle: KLIK-administrator\nkind: role\nsource: s\n---\n"
                                  "Rollen har ansvaret for brugerne.\n", "b.md"));
    KnowledgeIndex index(std::move(docs), Glossary{});
    auto const r = index.search("hvem registrerer rollerne i KLIK?");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits[0].source.document_id == "registrering");
    CHECK(r.hits[0].source.section.empty());  // the introduction names the KLIK-administrator
}
