// KnowledgeService: reload swaps in the new base, reports problems, and never swaps in nothing.
#include "bot/config.hpp"
#include "bot/knowledge_service.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace superbruger;

namespace {
std::filesystem::path fresh_dir(std::string const& name) {
    auto dir = std::filesystem::temp_directory_path() / ("sb_ks_" + std::to_string(::getpid())) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void write_doc(std::filesystem::path const& dir, std::string const& id) {
    std::ofstream(dir / (id + ".md")) << "---\nid: " << id << "\ntitle: " << id << "\nkind: local\nsource: test\n---\nTekst om "
                                      << id << ".\n";
}
}  // namespace

TEST_CASE("reload picks up new local documents and reports bad ones", "[bot][knowledge]") {
    bot::KnowledgeConfig config;
    config.bundled_dir = fresh_dir("bundled");
    config.local_dirs = {fresh_dir("local")};
    write_doc(config.bundled_dir, "a");
    bot::KnowledgeService knowledge(config);
    CHECK(knowledge.index()->documents().size() == 1);

    write_doc(config.local_dirs[0], "b");
    std::ofstream(config.local_dirs[0] / "bad.md") << "no header\n";
    auto const problems = knowledge.reload();
    CHECK(knowledge.index()->documents().size() == 2);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file.ends_with("bad.md"));
    CHECK(problems[0].line == 1);
}

TEST_CASE("a reload that finds no documents keeps the base it had", "[bot][knowledge]") {
    bot::KnowledgeConfig config;
    config.bundled_dir = fresh_dir("vanishing");
    write_doc(config.bundled_dir, "a");
    bot::KnowledgeService knowledge(config);
    auto const before = knowledge.index();

    std::filesystem::remove(config.bundled_dir / "a.md");
    auto const problems = knowledge.reload();
    CHECK(knowledge.index() == before);
    REQUIRE_FALSE(problems.empty());
    CHECK_THAT(problems.back().message, Catch::Contains("keeping the knowledge"));
}
