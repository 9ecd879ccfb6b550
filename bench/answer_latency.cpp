// Prints how long answering one question takes on the bundled knowledge base (search + excerpt),
// over the questions of a JSON-lines file. A benchmark, not a test: it prints figures only.
// Usage: bench_answer_latency [QUESTIONS.jsonl] [ROUNDS]
//        bench_answer_latency --answers QUESTIONS.jsonl
// With --answers it prints, per question, the excerpt of the best hit, whether the bot would be
// confident, and every hit with its rank and confidence, instead of timing: comparing that output
// of two builds shows whether a change to the search changed answers, and bench/score_answers.py
// scores it without the bot (the bot's command words aside).
#include "knowledge/knowledge_base.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {
std::vector<std::string> read_questions(char const* path) {
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto const item = nlohmann::json::parse(line, nullptr, false);
        if (item.is_object() && item.contains("question") && item["question"].is_string()) {
            out.push_back(item["question"].get<std::string>());
        }
    }
    return out;
}

double thread_cpu_micros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

/// One JSON line per question, in the form `superbot ask --jsonl` writes (bench/score_answers.py
/// reads it), with the hits and their figures besides; "confident" is the bot's default threshold.
/// The bot's own routing (command words, the role directory) is not in it: its figures are the
/// knowledge base's alone.
int print_answers(superbruger::knowledge::KnowledgeIndex const& index, char const* path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto const item = nlohmann::json::parse(line, nullptr, false);
        if (!item.is_object() || !item.contains("question") || !item["question"].is_string()) continue;
        auto const result = index.search(item["question"].get<std::string>());
        nlohmann::json out{{"id", item.value("id", "")}, {"confident", result.confidence() >= 0.6}};
        if (!result.hits.empty()) {
            // With the source line the bot writes under an answer, which the scorer reads too.
            auto const& best = result.hits.front();
            std::string answer = index.excerpt(result, best, 800) + "\n\nKilde: " + best.source.document_title;
            if (!best.source.section.empty()) answer += " › " + best.source.section;
            out["answer"] = answer;
        } else {
            out["answer"] = "";
        }
        auto& hits = out["hits"] = nlohmann::json::array();
        for (auto const& hit : result.hits) {
            char figures[64];
            std::snprintf(figures, sizeof figures, "%.17g %.17g", hit.score, hit.confidence);
            hits.push_back(hit.source.document_id + " | " + hit.source.section + " | " + figures);
        }
        std::printf("%s\n", out.dump().c_str());
    }
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    using clock = std::chrono::steady_clock;
    if (argc == 3 && std::string_view(argv[1]) == "--answers") {
        auto loaded = superbruger::knowledge::load_knowledge({SB_BUNDLED_KNOWLEDGE_DIR});
        return print_answers(*loaded.index, argv[2]);
    }
    char const* questions_file = argc > 1 ? argv[1] : SB_SHARED_DIR "/eval/dev-questions.jsonl";
    int const rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    auto const load_start = clock::now();
    auto loaded = superbruger::knowledge::load_knowledge({SB_BUNDLED_KNOWLEDGE_DIR});
    auto const load_ms = std::chrono::duration<double, std::milli>(clock::now() - load_start).count();
    auto questions = read_questions(questions_file);
    if (questions.empty()) {
        std::fprintf(stderr, "no questions in %s\n", questions_file);
        return 1;
    }
    // Wall time, and the thread's CPU time: on a shared machine the wall time's tail is the
    // scheduler's (another process holding the core), the CPU time's is the search's own.
    std::vector<double> micros;
    std::vector<double> cpu_micros;
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        for (auto const& q : questions) {
            auto const c0 = thread_cpu_micros();
            auto const t0 = clock::now();
            auto result = loaded.index->search(q);
            if (!result.hits.empty()) sink += loaded.index->excerpt(result, result.hits.front(), 800).size();
            micros.push_back(std::chrono::duration<double, std::micro>(clock::now() - t0).count());
            cpu_micros.push_back(thread_cpu_micros() - c0);
        }
    }
    std::sort(micros.begin(), micros.end());
    std::sort(cpu_micros.begin(), cpu_micros.end());
    auto pct = [&](double p) { return micros[static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1))]; };
    auto cpu_pct = [&](double p) { return cpu_micros[static_cast<std::size_t>(p * static_cast<double>(cpu_micros.size() - 1))]; };
    std::printf("knowledge: %zu documents, %zu sections, loaded in %.1f ms\n", loaded.index->documents().size(),
                loaded.index->section_count(), load_ms);
    std::printf("answer latency over %zu answers: p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us (checksum %zu)\n",
                micros.size(), pct(0.5), pct(0.9), pct(0.99), micros.back(), sink);
    std::printf("answer CPU time over %zu answers: p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us\n", cpu_micros.size(),
                cpu_pct(0.5), cpu_pct(0.9), cpu_pct(0.99), cpu_micros.back());
    return 0;
}
