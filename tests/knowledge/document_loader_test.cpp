// Document parsing and folder loading, including the reporting of bad files.
#include "knowledge/document_loader.hpp"
#include "knowledge/error.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace superbruger::knowledge;

namespace {
constexpr char const* good = "---\nid: a\ntitle: A\nkind: role\nsource: test\naliases: x, y z\n---\nIntro.\n\n## Opgaver\n- en\n- to\n";

int error_line(std::string const& text) {
    try {
        parse_document(text, "t.md");
    } catch (KnowledgeError const& e) {
        return e.line();
    }
    return -1;
}
}  // namespace

TEST_CASE("a document has a header, an introduction and sections", "[knowledge][loader]") {
    auto doc = parse_document(good, "a.md");
    CHECK(doc.id == "a");
    CHECK(doc.aliases == std::vector<std::string>{"x", "y z"});
    REQUIRE(doc.sections.size() == 2);
    CHECK(doc.sections[0].heading.empty());
    CHECK(doc.sections[0].text == "Intro.");
    CHECK(doc.sections[1].heading == "Opgaver");
    CHECK(doc.sections[1].text == "- en\n- to");
}

TEST_CASE("malformed documents are refused with the line at fault", "[knowledge][loader]") {
    CHECK(error_line("no header\n") == 1);
    CHECK(error_line("---\nid: a\ntitle A\n---\ntext\n") == 3);
    CHECK(error_line("---\nid: a\ncolour: red\n---\ntext\n") == 3);
    CHECK(error_line("---\nid: a\ntitle: A\nkind: role\nsource: s\ntext without end\n") == 6);
    CHECK(error_line("---\nid: a\ntitle: A\nkind: poem\nsource: s\n---\ntext\n") == 4);  // the kind line
}

TEST_CASE("a folder loads the good files and reports the bad ones by name", "[knowledge][loader]") {
    auto dir = std::filesystem::temp_directory_path() / ("sb_kb_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "sub");
    std::ofstream(dir / "a.md") << good;
    std::ofstream(dir / "sub" / "b.md") << "---\nid: b\ntitle B\n---\n";
    std::ofstream(dir / "dup.md") << good;
    std::ofstream(dir / "notes.txt") << "ignored";
    auto result = load_documents({dir, dir / "missing"});
    REQUIRE(result.documents.size() == 1);
    CHECK(result.documents[0].id == "a");
    REQUIRE(result.problems.size() == 3);
    auto has = [&](std::string const& file_part, int line) {
        for (auto const& p : result.problems) {
            if (p.file.find(file_part) != std::string::npos && p.line == line) return true;
        }
        return false;
    };
    CHECK(has("dup.md", 2));
    CHECK(has("b.md", 3));
    CHECK(has("missing", 0));
}

TEST_CASE("a file that is not UTF-8 or holds a NUL is skipped with the line at fault", "[knowledge][loader][hardening]") {
    auto dir = std::filesystem::temp_directory_path() / ("sb_kb_utf8_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a.md") << good;
    std::ofstream(dir / "latin1.md") << "---\nid: l\ntitle: K\xf8ge\nkind: role\nsource: s\n---\ntext\n";
    std::ofstream(dir / "nul.md", std::ios::binary) << std::string("---\nid: n\ntitle: N\nkind: role\nsource: s\n---\nte\0xt\n", 50);
    auto const result = load_documents({dir});
    REQUIRE(result.documents.size() == 1);
    REQUIRE(result.problems.size() == 2);
    for (auto const& p : result.problems) {
        INFO(p.file << ": " << p.message);
        if (p.file.find("latin1") != std::string::npos) CHECK((p.line == 3 && p.message.find("UTF-8") != std::string::npos));
        else CHECK((p.line == 7 && p.message.find("NUL") != std::string::npos));
    }
    std::filesystem::remove_all(dir);
}
