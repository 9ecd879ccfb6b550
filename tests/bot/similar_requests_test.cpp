// Duplicate detection of change requests: same title with other words, paraphrases, and
// requests that only share the area are told apart; topic search stays a search.
#include "bot/change_requests/similar_requests.hpp"

#include <catch2/catch.hpp>

using superbruger::bot::change_requests::SimilarRequests;
using superbruger::storage::ChangeRequest;

namespace {

ChangeRequest filed(std::string ref, std::string title, std::string description) {
    ChangeRequest r;
    r.ref = std::move(ref);
    r.title = std::move(title);
    r.description = std::move(description);
    r.updated_at = "2026-01-01T00:00:00Z";
    return r;
}

std::vector<ChangeRequest> const requests = {
    filed("ÆØ-2026-0001", "Kladdefunktion til journalnotater", "Når en sagsbehandler bliver afbrudt midt i et journalnotat, går teksten tabt."),
    filed("ÆØ-2026-0002", "Søgning på CPR-nummer uden bindestreg", "Søgningen bør finde barnet når nummeret skrives med ti cifre i træk."),
    filed("ÆØ-2026-0003", "Standardbreve skal kunne sendes som Digital Post", "Breve printes i dag og sendes med almindelig post."),
    filed("ÆØ-2026-0004", "Ydelseskatalog med priser", "Priser på foranstaltninger skal vises i ydelseskataloget."),
};

std::vector<std::string> refs(std::vector<std::pair<ChangeRequest, double>> const& found) {
    std::vector<std::string> out;
    for (auto const& [r, score] : found) out.push_back(r.ref);
    return out;
}

}  // namespace

TEST_CASE("a request with the same title and a description in other words is a duplicate", "[bot][change_requests][duplicates]") {
    SimilarRequests similar;
    auto const found = similar.duplicates_of(requests, "Søgning på CPR-nummer uden bindestreg",
                                             "Det er irriterende at søgefeltet kun finder sagen med bindestreg i CPR.");
    REQUIRE_FALSE(found.empty());
    CHECK(found.front().first.ref == "ÆØ-2026-0002");
    CHECK(found.front().second >= SimilarRequests::min_similarity);
}

TEST_CASE("a paraphrased request is found through stems and word parts", "[bot][change_requests][duplicates]") {
    SimilarRequests similar;
    // "journalnotater" and "notat", "kladde" and "kladdefunktion" meet through 4-grams.
    auto const found = similar.duplicates_of(requests, "Gem notat som kladde", "Vi mister teksten i journalnotatet, når vi bliver afbrudt.");
    CHECK(refs(found) == std::vector<std::string>{"ÆØ-2026-0001"});
}

TEST_CASE("requests that only share a word or two are not duplicates", "[bot][change_requests][duplicates]") {
    SimilarRequests similar;
    CHECK(similar.duplicates_of(requests, "Brev til skolen om underretningspligt", "Et standardbrev der minder skolen om pligten.").empty());
    CHECK(similar.duplicates_of(requests, "Mørk tilstand i brugerfladen", "Et mørkt tema af hensyn til øjnene.").empty());
    CHECK(similar.duplicates_of({}, "Hvad som helst", "").empty());
}

TEST_CASE("topic search finds requests that mention the topic", "[bot][change_requests]") {
    SimilarRequests similar;
    auto const found = similar.about(requests, "breve");
    REQUIRE(found.size() == 1);
    CHECK(found.front().ref == "ÆØ-2026-0003");
    CHECK(similar.about({}, "breve").empty());
}
