// Side by side: superbot and Microsoft's Bot Framework SDK for JavaScript (botbuilder on
// express, bench/botbuilder/bot.js) on the same signed Teams activity and question, both
// verifying the JWT against the loopback OpenID metadata / JWKS stand-in and both posting their
// reply to the loopback Bot Connector. Rounds alternate the two (superbot, botbuilder, superbot,
// botbuilder, …), each on a freshly started process; a round is a 1 s warm-up, then wrk at 1 and
// at 32 connections. Printed per round and connection count: requests/s, p50/p99, CPU
// milliseconds per request (utime+stime of the bot process over the run, until its replies have
// all reached the Connector, divided by the requests answered), peak RSS of the round, and the
// replies the Connector received; then superbot/botbuilder per round and the medians.
//
// Run it through bench/compare-botbuilder, which installs the pinned npm packages first.
// Usage: bench_compare_botbuilder --node-modules DIR --bot FILE [--seconds N] [--rounds N] [--question TEXT]
#include "bench/load_support.hpp"
#include "bot/log.hpp"
#include "tests/support/bot_framework_standin.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>
#include <unistd.h>

using namespace superbruger::bench;
using superbruger::tests::BotFrameworkStandIn;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::string node_modules;
    std::string bot_js;
    int seconds = 10;
    int rounds = 2;
    std::string question = "hvem må kontakte Netcompanys servicedesk?";
};

struct Run {
    WrkResult wrk;
    double cpu_ms_per_request = 0;
    double standin_cpu_ms_per_request = 0;  ///< this process: the stand-in's Connector, mostly
    std::size_t replies = 0;
};

struct Round {
    std::map<int, Run> by_connections;
    double peak_rss_mb = 0;
};

constexpr int connection_counts[] = {1, 32};

/// Replies are sent after the 200 (superbot) or before it (botbuilder): either way, wait until
/// the Connector has had nothing new for a second, so the CPU of the last replies is counted.
std::size_t settle(BotFrameworkStandIn const& standin) {
    std::size_t seen = standin.connector_request_count();
    for (int quiet = 0; quiet < 4;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        auto const now = standin.connector_request_count();
        quiet = now == seen ? quiet + 1 : 0;
        seen = now;
    }
    return seen;
}

Round measure(pid_t pid, std::uint16_t port, BotFrameworkStandIn const& standin, Options const& options,
              std::string const& token, json const& activity, fs::path const& dir, std::string const& name) {
    auto script_for = [&](std::string const& run_name) {
        auto const script = dir / (name + "-" + run_name + ".lua");
        std::ofstream(script) << lua_script(token, activity, name + "-" + run_name);
        return script;
    };
    auto const url = "http://127.0.0.1:" + std::to_string(port) + "/api/messages";
    run_wrk(url, 1, 1, script_for("warmup"));  // keys, Connector token, caches
    settle(standin);
    Round round;
    for (int connections : connection_counts) {
        auto const replies_before = standin.connector_request_count();
        auto const cpu_before = cpu_ms(pid);
        auto const standin_before = cpu_ms(::getpid());
        Run r;
        r.wrk = run_wrk(url, connections, options.seconds, script_for("c" + std::to_string(connections)));
        r.replies = settle(standin) - replies_before;
        auto const answered = r.wrk.requests - r.wrk.non_2xx;
        r.cpu_ms_per_request = answered > 0 ? (cpu_ms(pid) - cpu_before) / static_cast<double>(answered) : 0;
        r.standin_cpu_ms_per_request = answered > 0 ? (cpu_ms(::getpid()) - standin_before) / static_cast<double>(answered) : 0;
        round.by_connections[connections] = r;
    }
    round.peak_rss_mb = static_cast<double>(peak_rss_kb(pid)) / 1024.0;
    return round;
}

void print_run(int round, char const* side, int connections, Run const& r, double rss) {
    std::printf("%-6d %-11s %-6d %-10.0f %-10s %-10s %-12.3f %-12.3f %-12.1f %zu/%ld%s\n", round, side, connections,
                r.wrk.requests_per_second, r.wrk.p50.c_str(), r.wrk.p99.c_str(), r.cpu_ms_per_request,
                r.standin_cpu_ms_per_request, rss, r.replies,
                r.wrk.requests - r.wrk.non_2xx,
                r.wrk.non_2xx + r.wrk.socket_errors > 0
                    ? ("  (" + std::to_string(r.wrk.non_2xx) + " non-2xx, " + std::to_string(r.wrk.socket_errors) +
                       " socket errors)")
                          .c_str()
                    : "");
}

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string const key = argv[i];
        std::string const value = argv[i + 1];
        if (key == "--node-modules") o.node_modules = value;
        else if (key == "--bot") o.bot_js = value;
        else if (key == "--seconds") o.seconds = std::max(1, std::atoi(value.c_str()));
        else if (key == "--rounds") o.rounds = std::max(1, std::atoi(value.c_str()));
        else if (key == "--question") o.question = value;
        else throw std::invalid_argument("unknown option " + key);
    }
    if (o.node_modules.empty() || o.bot_js.empty()) throw std::invalid_argument("--node-modules and --bot are required");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parse(argc, argv);
    } catch (std::exception const& e) {
        std::cerr << "bench_compare_botbuilder: " << e.what()
                  << "\nusage: bench_compare_botbuilder --node-modules DIR --bot FILE [--seconds N] [--rounds N] [--question TEXT]\n";
        return 2;
    }
    if (run("command -v wrk").empty() || run("command -v node").empty()) {
        std::cerr << "bench_compare_botbuilder needs wrk and node (apt-get install wrk nodejs)\n";
        return 2;
    }
    superbruger::bot::log::configure(superbruger::bot::log::Level::error);  // the stand-in's own request log
    BotFrameworkStandIn standin;
    auto const dir = fs::temp_directory_path() / ("sb_compare_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto const superbot_port = free_port();
    auto const botbuilder_port = free_port();
    auto const cfg = dir / "config.json";
    auto write_config = [&](std::string const& database) {
        std::ofstream(cfg) << json{{"server", {{"port", superbot_port}, {"max_connections", 1024}}},
                                   {"storage", {{"database", database}}},
                                   {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                                              {"app_password_env", "SB_BENCH_PASSWORD"},
                                              {"openid_metadata_url", standin.base_url() + "openid"},
                                              {"token_url", standin.base_url() + "token"},
                                              {"allowed_service_url_hosts", {"127.0.0.1"}},
                                              // One tenant sends everything here: lift Teams' per-tenant
                                              // limit, or the bench would measure the limiter.
                                              {"per_tenant_per_second", 1000000}}}}
                                  .dump();
    };
    ::setenv("SB_BENCH_PASSWORD", "bench", 1);

    // botbuilder has no knowledge base: it answers with superbot's own answer as fixed text.
    write_config("answer.sqlite");
    std::ofstream(dir / "question.jsonl") << json{{"id", "q"}, {"question", options.question}}.dump() << "\n";
    auto const asked = run(superbot_binary() + " ask --config " + cfg.string() + " --jsonl " +
                           (dir / "question.jsonl").string() + " 2>/dev/null");
    auto const answer = json::parse(asked, nullptr, false);
    std::string const reply_text = answer.is_object() ? answer.value("answer", std::string("?")) : "?";

    auto const token = standin.token();
    auto const activity = superbruger::tests::teams_message(standin.service_url(), "x", options.question);
    std::ifstream loadavg("/proc/loadavg");
    std::string load;
    std::getline(loadavg, load);

    std::cout << "superbot vs botbuilder 4.23 (express), Teams message activity with a verified JWT, replies to the "
                 "loopback Connector\n"
              << "question: \"" << options.question << "\"; superbot answers it from the bundled knowledge base; "
              << "botbuilder has no knowledge base and replies with a fixed text of the same length (" << reply_text.size()
              << " bytes, superbot's answer) in an Adaptive Card with the same three buttons\n"
              << "wrk " << options.seconds << " s per run, " << options.rounds << " rounds each, alternating; "
              << ::sysconf(_SC_NPROCESSORS_ONLN) << " CPUs, load average at start: " << load << "\n"
              << "botbuilder answers 200 after its reply is posted (CloudAdapter awaits the turn); superbot answers 200 "
                 "first and posts the reply from its outbound thread\n"
              << "stand-in CPU: ms per request spent by this process (the loopback Connector, token and keys), which "
                 "shares the CPUs with the bot and wrk\n\n";
    std::cout << "round  bot         conns  req/s      p50        p99        CPU ms/req   stand-in CPU peak RSS MB  replies/200s\n";

    std::vector<Round> superbot_rounds, botbuilder_rounds;
    for (int round = 1; round <= options.rounds; ++round) {
        write_config("bench-" + std::to_string(round) + ".sqlite");
        auto const superbot = spawn({superbot_binary(), "serve", "--config", cfg.string()}, dir / ("superbot-" + std::to_string(round) + ".log"));
        if (!wait_healthy(superbot_port, 20)) {
            std::cerr << "superbot did not start; see " << dir << "\n";
            stop(superbot);
            return 1;
        }
        auto const s = measure(superbot, superbot_port, standin, options, token, activity, dir, "s" + std::to_string(round));
        stop(superbot);
        for (int c : connection_counts) print_run(round, "superbot", c, s.by_connections.at(c), s.peak_rss_mb);
        superbot_rounds.push_back(s);

        auto const node = spawn({"node", options.bot_js}, dir / ("botbuilder-" + std::to_string(round) + ".log"),
                                {{"NODE_PATH", options.node_modules},
                                 {"NODE_ENV", "production"},
                                 {"PORT", std::to_string(botbuilder_port)},
                                 {"BENCH_STANDIN", standin.base_url()},
                                 {"BENCH_APP_ID", BotFrameworkStandIn::app_id},
                                 {"BENCH_APP_PASSWORD", "bench"},
                                 {"BENCH_REPLY_TEXT", reply_text}});
        if (!wait_healthy(botbuilder_port, 30)) {
            std::cerr << "the botbuilder bot did not start; see " << dir << "\n";
            stop(node);
            return 1;
        }
        auto const b = measure(node, botbuilder_port, standin, options, token, activity, dir, "b" + std::to_string(round));
        stop(node);
        for (int c : connection_counts) print_run(round, "botbuilder", c, b.by_connections.at(c), b.peak_rss_mb);
        botbuilder_rounds.push_back(b);
    }

    std::cout << "\nsuperbot / botbuilder  (req/s: higher is better for superbot; p50, p99, CPU, RSS: lower is)\n";
    std::cout << "round  conns  req/s    p50      p99      CPU/req  peak RSS\n";
    std::map<int, std::vector<double>> rps, p50, p99, cpu;
    std::vector<double> rss;
    for (std::size_t i = 0; i < superbot_rounds.size(); ++i) {
        rss.push_back(ratio(superbot_rounds[i].peak_rss_mb, botbuilder_rounds[i].peak_rss_mb));
        for (int c : connection_counts) {
            auto const& s = superbot_rounds[i].by_connections.at(c);
            auto const& b = botbuilder_rounds[i].by_connections.at(c);
            rps[c].push_back(ratio(s.wrk.requests_per_second, b.wrk.requests_per_second));
            p50[c].push_back(ratio(s.wrk.p50_ms, b.wrk.p50_ms));
            p99[c].push_back(ratio(s.wrk.p99_ms, b.wrk.p99_ms));
            cpu[c].push_back(ratio(s.cpu_ms_per_request, b.cpu_ms_per_request));
            std::printf("%-6zu %-6d %-8.2f %-8.2f %-8.2f %-8.2f %.2f\n", i + 1, c, rps[c].back(), p50[c].back(), p99[c].back(),
                        cpu[c].back(), rss.back());
        }
    }
    for (int c : connection_counts) {
        std::printf("median %-6d %-8.2f %-8.2f %-8.2f %-8.2f %.2f\n", c, median(rps[c]), median(p50[c]), median(p99[c]),
                    median(cpu[c]), median(rss));
    }
    std::cout << "\nmedians per bot:\n";
    for (auto const* rounds : {&superbot_rounds, &botbuilder_rounds}) {
        for (int c : connection_counts) {
            std::vector<double> r, a, b, m, mem;
            for (auto const& round : *rounds) {
                auto const& x = round.by_connections.at(c);
                r.push_back(x.wrk.requests_per_second);
                a.push_back(x.wrk.p50_ms);
                b.push_back(x.wrk.p99_ms);
                m.push_back(x.cpu_ms_per_request);
                mem.push_back(round.peak_rss_mb);
            }
            std::printf("%-11s %2d conns: %8.0f req/s, p50 %.3f ms, p99 %.3f ms, %.3f CPU ms/req, peak RSS %.1f MB\n",
                        rounds == &superbot_rounds ? "superbot" : "botbuilder", c, median(r), median(a), median(b), median(m),
                        median(mem));
        }
    }
    if (!std::getenv("SB_BENCH_KEEP")) fs::remove_all(dir);
    else std::cout << "logs kept in " << dir << "\n";
    return 0;
}
