// Every role of KOMBIT's role gallery (tests/fixtures/role-gallery-roles.txt) has an entry in the
// bundled knowledge under its own name, and asking about the role by that name finds the entry.
#include "knowledge/danish_text.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/knowledge_base.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <regex>
#include <set>

using namespace superbruger::knowledge;

namespace {

/// The gallery's role names, one per line of the fixture (lines starting with '#' are comments).
std::vector<std::string> gallery_role_names() {
    std::istringstream in(superbruger::tests::fixture("role-gallery-roles.txt"));
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.front() != '#') names.push_back(line);
    }
    return names;
}

std::string without_parenthesis(std::string const& name) {
    return std::regex_replace(name, std::regex(R"(\s*\(.*\))"), "");
}

}  // namespace

TEST_CASE("every role in the role gallery has a role entry under its name", "[knowledge][content]") {
    auto const names = gallery_role_names();
    REQUIRE(names.size() >= 30);  // the gallery describes about 32 roles; fewer means the parse broke

    auto loaded = load_documents({SB_BUNDLED_KNOWLEDGE_DIR});
    std::set<std::string> role_names;
    for (auto const& doc : loaded.documents) {
        if (doc.kind != "role") continue;
        role_names.insert(fold_case(doc.title));
        for (auto const& alias : doc.aliases) role_names.insert(fold_case(alias));
    }
    for (auto const& name : names) {
        INFO("role: " << name);
        CHECK((role_names.contains(fold_case(name)) || role_names.contains(fold_case(without_parenthesis(name)))));
    }
}

TEST_CASE("asking what a gallery role is finds that role's entry", "[knowledge][content]") {
    auto knowledge = load_knowledge({SB_BUNDLED_KNOWLEDGE_DIR});
    REQUIRE(knowledge.problems.empty());
    for (auto const& name : gallery_role_names()) {
        INFO("role: " << name);
        auto const result = knowledge.index->search("hvad er " + without_parenthesis(name) + "?");
        REQUIRE_FALSE(result.hits.empty());
        auto const& doc = knowledge.index->documents()[result.hits.front().document];
        CHECK(doc.kind == "role");
        std::set<std::string> doc_names{fold_case(doc.title)};
        for (auto const& alias : doc.aliases) doc_names.insert(fold_case(alias));
        CHECK((doc_names.contains(fold_case(name)) || doc_names.contains(fold_case(without_parenthesis(name)))));
        CHECK(result.confidence() >= 0.6);
    }
}
