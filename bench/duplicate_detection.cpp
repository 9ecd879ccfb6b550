// Duplicate detection of change requests, measured: for each pair of bench/change_requests/
// duplicate_pairs.jsonl (a filed request and a new one, marked duplicate or not), the new
// request is matched against every filed request of the set, and the pair counts as found when
// its own filed request is among those SimilarRequests shows. Prints precision and recall.
// A benchmark, not a test. Usage: bench_duplicate_detection [PAIRS.jsonl]; SB_BENCH_VERBOSE=1 prints
// every pair's similarity.
#include "bot/change_requests/similar_requests.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Pair {
    std::string id;
    bool duplicate = false;
    superbruger::storage::ChangeRequest filed;
    std::string new_title;
    std::string new_description;
};

std::vector<Pair> read_pairs(char const* path) {
    std::vector<Pair> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto const j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object()) continue;
        Pair p;
        p.id = j.value("id", "");
        p.duplicate = j.value("duplicate", false);
        p.filed.id = static_cast<std::int64_t>(out.size() + 1);
        p.filed.ref = "ÆØ-2026-" + std::to_string(1000 + out.size());
        p.filed.title = j["filed"].value("title", "");
        p.filed.description = j["filed"].value("description", "");
        p.filed.area = j["filed"].value("area", "");
        p.filed.updated_at = "2026-01-01T00:00:00Z";
        p.new_title = j["new"].value("title", "");
        p.new_description = j["new"].value("description", "");
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    char const* path = argc > 1 ? argv[1] : SB_BENCH_DIR "/change_requests/duplicate_pairs.jsonl";
    auto const pairs = read_pairs(path);
    if (pairs.empty()) {
        std::fprintf(stderr, "no pairs in %s\n", path);
        return 1;
    }
    std::vector<superbruger::storage::ChangeRequest> filed;
    for (auto const& p : pairs) filed.push_back(p.filed);

    superbruger::bot::change_requests::SimilarRequests similar;
    int tp = 0, fp = 0, fn = 0, tn = 0;
    for (auto const& p : pairs) {
        bool shown = false;
        double similarity = 0;
        for (auto const& [request, score] : similar.duplicates_of(filed, p.new_title, p.new_description)) {
            if (request.ref == p.filed.ref) shown = true, similarity = score;
        }
        if (std::getenv("SB_BENCH_VERBOSE")) std::printf("%s %d %.3f\n", p.id.c_str(), p.duplicate ? 1 : 0, similarity);
        if (shown && p.duplicate) ++tp;
        if (shown && !p.duplicate) ++fp;
        if (!shown && p.duplicate) ++fn;
        if (!shown && !p.duplicate) ++tn;
        if (shown != p.duplicate) std::printf("MISS %s %s: %s\n", p.id.c_str(), p.duplicate ? "duplicate not shown" : "shown, not a duplicate",
                                              p.new_title.c_str());
    }
    auto ratio = [](int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
    std::printf("pairs %zu (duplicates %d): precision %.2f recall %.2f (tp %d fp %d fn %d tn %d)\n", pairs.size(), tp + fn,
                ratio(tp, tp + fp), ratio(tp, tp + fn), tp, fp, fn, tn);
    return 0;
}
