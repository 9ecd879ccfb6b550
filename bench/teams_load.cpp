// Load on the Teams endpoint: signed message activities against `superbot serve`, whose replies
// go to a loopback Bot Connector stand-in. Runs wrk at 1 and 32 connections and prints
// requests/s, p50/p99 latency, CPU milliseconds per request, the superbot's peak resident
// memory, and how many replies reached the Connector. Usage: bench_teams_load [SECONDS] [QUESTION]
// With SB_BENCH_KEEP set, the scratch folder (config, log, database) is kept and named. With
// SB_BENCH_WRAPPER (say "heaptrack -o /tmp/sb" or "valgrind --tool=massif"), superbot runs under
// that command, to find what its memory holds; the figures are then the wrapper's.
#include "bench/load_support.hpp"
#include "bot/log.hpp"
#include "tests/support/bot_framework_standin.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace superbruger::bench;
using superbruger::tests::BotFrameworkStandIn;
using nlohmann::json;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    int const seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    std::string const question = argc > 2 ? argv[2] : "hvem må kontakte Netcompanys servicedesk?";
    if (run("command -v wrk").empty()) {
        std::cerr << "bench_teams_load needs wrk (apt-get install wrk)\n";
        return 2;
    }
    superbruger::bot::log::configure(superbruger::bot::log::Level::error);  // the stand-in's own request log
    BotFrameworkStandIn standin;
    auto const dir = fs::temp_directory_path() / ("sb_bench_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto const port = free_port();
    auto const cfg = dir / "config.json";
    std::ofstream(cfg) << json{{"server", {{"port", port}, {"max_connections", 1024}}},
                               {"storage", {{"database", "bench.sqlite"}}},
                               {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                                          {"app_password_env", "SB_BENCH_PASSWORD"},
                                          {"openid_metadata_url", standin.base_url() + "openid"},
                                          {"token_url", standin.base_url() + "token"},
                                          {"allowed_service_url_hosts", {"127.0.0.1"}},
                                          // One tenant sends everything here: lift Teams' per-tenant
                                          // limit, or the bench would measure the limiter.
                                          {"per_tenant_per_second", 1000000}}}}
                              .dump();
    std::vector<std::string> command;
    if (auto const* wrapper = std::getenv("SB_BENCH_WRAPPER")) {
        std::istringstream words(wrapper);
        for (std::string word; words >> word;) command.push_back(word);
    }
    command.insert(command.end(), {superbot_binary(), "serve", "--config", cfg.string()});
    auto const pid = spawn(command, dir / "superbot.log", {{"SB_BENCH_PASSWORD", "bench"}});
    if (!wait_healthy(port, 60)) {
        std::cerr << "superbot did not start; see " << dir << "\n";
        stop(pid);
        return 1;
    }

    auto const token = standin.token();
    auto const activity = superbruger::tests::teams_message(standin.service_url(), "x", question);
    auto script_for = [&](std::string const& run_name) {
        auto const script = dir / (run_name + ".lua");
        std::ofstream(script) << lua_script(token, activity, run_name);
        return script;
    };
    auto const url = "http://127.0.0.1:" + std::to_string(port) + "/api/messages";
    run_wrk(url, 1, 1, script_for("warmup"));  // keys, token, page cache

    // Replies are sent after the 200: wait until the Connector stops receiving them.
    auto settle = [&] {
        std::size_t seen = standin.connector_request_count();
        for (int quiet = 0; quiet < 4;) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            auto const now = standin.connector_request_count();
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
        return seen;
    };
    settle();
    std::cout << "Teams endpoint load (wrk, " << seconds << " s each, question: \"" << question << "\")\n";
    std::cout << "connections  requests/s   p50        p99        CPU ms/req  non-2xx  replies\n";
    long answered = 0;
    for (int connections : {1, 32}) {
        auto const replies_before = standin.connector_request_count();
        auto const cpu_before = cpu_ms(pid);
        auto const r = run_wrk(url, connections, seconds, script_for("c" + std::to_string(connections)));
        auto const replies = settle() - replies_before;
        auto const ok = r.requests - r.non_2xx;
        answered += ok;
        std::printf("%-12d %-12.0f %-10s %-10s %-11.3f %-8ld %zu/%ld\n", connections, r.requests_per_second, r.p50.c_str(),
                    r.p99.c_str(), ok > 0 ? (cpu_ms(pid) - cpu_before) / static_cast<double>(ok) : 0.0, r.non_2xx, replies, ok);
    }
    std::cout << "peak RSS of superbot: " << static_cast<double>(peak_rss_kb(pid)) / 1024.0 << " MB after " << answered
              << " requests\n";
    std::cout << "failed sends in the log: "
              << field(run("grep -c background_task_failed " + (dir / "superbot.log").string()), "([0-9]+)") << "\n";
    stop(pid);
    std::cout << "database: " << fs::file_size(dir / "bench.sqlite") << " bytes\n";
    if (!std::getenv("SB_BENCH_KEEP")) fs::remove_all(dir);
    else std::cout << "kept " << dir << "\n";
    return 0;
}
