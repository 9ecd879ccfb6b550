// CSV and the directory import: any file parses into rows or a BotError, and the import either
// lists problems (writing nothing) or writes rows that export and re-import unchanged.
#include "bot/config.hpp"
#include "bot/csv.hpp"
#include "bot/directory/directory_csv.hpp"
#include "bot/error.hpp"
#include "bot/knowledge_service.hpp"
#include "storage/database.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <cstdlib>

using namespace superbruger;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    static bot::KnowledgeService knowledge{bot::load_config(std::nullopt).knowledge};
    auto const text = fuzz::as_text(data, size);
    try {
        for (auto const& row : bot::csv::parse(text)) (void)bot::csv::format_row(row.fields);
    } catch (bot::BotError const&) {
    }

    // One database for the run (a fresh one per input costs the migrations: 8 inputs/s). Rows of
    // earlier inputs stay, which only adds states for the next imports to meet.
    static storage::Database db(":memory:");
    static bot::directory::DirectoryService directory(db, knowledge);
    storage::Change const change{"fuzz", "2026-11-22T10:00:00Z", "2026-11-22"};
    try {
        auto const result = bot::directory::import_csv(text, directory, change, size > 0 && data[0] % 2 == 0);
        if (result.problems.empty()) {
            auto const exported = bot::directory::export_csv(directory);
            auto const again = bot::directory::import_csv(exported, directory, change, false);
            if (!again.problems.empty()) std::abort();  // an export must re-import as is
        }
    } catch (bot::BotError const&) {
    }
    return 0;
}
