// Teams and Slack side by side on one `superbot serve`: signed Teams message activities on
// /api/messages and signed Slack message.im events on /api/slack/events, each platform's replies
// going to its loopback stand-in. Rounds alternate (Teams, Slack, Teams, …) so a shared, noisy
// machine treats both alike; every round prints requests/s, p50/p99 latency, the server's CPU
// milliseconds per request and how many replies reached the stand-in, and the end prints the
// medians and Slack's ratio to Teams.
//
// Usage: bench_channel_load [SECONDS_PER_ROUND] [ROUNDS] [CONNECTIONS]   (defaults 5 3 8)
//
// The load comes from keep-alive connections on threads of this process (wrk's Lua cannot sign
// Slack requests: each needs its own HMAC over a fresh timestamp and body).
#include "bench/load_support.hpp"
#include "bot/log.hpp"
#include "tests/support/bot_framework_standin.hpp"
#include "tests/support/slack_standin.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace superbruger::bench;
using superbruger::tests::BotFrameworkStandIn;
using superbruger::tests::SlackStandIn;
using nlohmann::json;
namespace fs = std::filesystem;
namespace beast = boost::beast;
namespace bhttp = beast::http;

namespace {

using Request = bhttp::request<bhttp::string_body>;
using Clock = std::chrono::steady_clock;

std::string const question = "hvem må kontakte Netcompanys servicedesk?";

struct Round {
    long requests = 0;
    long failed = 0;  ///< non-2xx or broken connections
    double seconds = 0;
    std::vector<double> latencies_ms;
    double cpu_ms_per_request = 0;
    std::size_t replies = 0;
    double per_second() const { return seconds > 0 ? static_cast<double>(requests) / seconds : 0; }
    double percentile(double p) const {
        if (latencies_ms.empty()) return 0;
        auto v = latencies_ms;
        auto const at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
        std::nth_element(v.begin(), v.begin() + static_cast<long>(at), v.end());
        return v[at];
    }
};

/// `connections` keep-alive connections, each sending `make(n)` (n counts all requests) for `seconds`.
Round load(std::uint16_t port, int connections, int seconds, std::function<Request(long)> const& make) {
    std::atomic<long> counter{0};
    std::mutex mutex;
    Round round;
    auto const until = Clock::now() + std::chrono::seconds(seconds);
    auto const started = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&] {
            boost::asio::io_context ioc;
            std::vector<double> latencies;
            long failed = 0;
            while (Clock::now() < until) {
                try {
                    beast::tcp_stream stream(ioc);
                    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
                    beast::flat_buffer buffer;
                    while (Clock::now() < until) {
                        auto req = make(counter++);
                        auto const sent = Clock::now();
                        bhttp::write(stream, req);
                        bhttp::response<bhttp::string_body> res;
                        bhttp::read(stream, buffer, res);
                        latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
                        if (res.result_int() / 100 != 2) ++failed;
                        if (!res.keep_alive()) break;
                    }
                } catch (std::exception const&) {
                    ++failed;
                }
            }
            std::lock_guard lock(mutex);
            round.latencies_ms.insert(round.latencies_ms.end(), latencies.begin(), latencies.end());
            round.failed += failed;
        });
    }
    for (auto& t : threads) t.join();
    round.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    round.requests = static_cast<long>(round.latencies_ms.size());
    return round;
}

Request post(std::string const& target, std::string body) {
    Request req{bhttp::verb::post, target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    req.set(bhttp::field::content_type, "application/json");
    req.keep_alive(true);
    req.body() = std::move(body);
    req.prepare_payload();
    return req;
}

/// Replies reach the stand-ins after the 200: waits until `count` stops growing.
std::size_t settle(std::function<std::size_t()> const& count) {
    std::size_t seen = count();
    for (int quiet = 0; quiet < 4;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        auto const now = count();
        quiet = now == seen ? quiet + 1 : 0;
        seen = now;
    }
    return seen;
}

double median_of(std::vector<Round> const& rounds, double (*figure)(Round const&)) {
    std::vector<double> v;
    for (auto const& r : rounds) v.push_back(figure(r));
    return median(v);
}

}  // namespace

int main(int argc, char** argv) {
    int const seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    int const rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    int const connections = argc > 3 ? std::max(1, std::atoi(argv[3])) : 8;
    superbruger::bot::log::configure(superbruger::bot::log::Level::error);  // the stand-ins' own request logs
    BotFrameworkStandIn teams;
    SlackStandIn slack;
    auto const dir = fs::temp_directory_path() / ("sb_bench_channels_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto const port = free_port();
    auto const cfg = dir / "config.json";
    // One tenant / workspace sends everything here: both per-tenant limits are lifted, or the
    // bench would measure the limiters.
    std::ofstream(cfg) << json{{"server", {{"port", port}, {"max_connections", 1024}}},
                               {"storage", {{"database", "bench.sqlite"}}},
                               {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                                          {"app_password_env", "SB_BENCH_PASSWORD"},
                                          {"openid_metadata_url", teams.base_url() + "openid"},
                                          {"token_url", teams.base_url() + "token"},
                                          {"allowed_service_url_hosts", {"127.0.0.1"}},
                                          {"per_tenant_per_second", 1000000}}},
                               {"slack", {{"enabled", true},
                                          {"bot_token_env", "SB_BENCH_SLACK_TOKEN"},
                                          {"signing_secret_env", "SB_BENCH_SLACK_SECRET"},
                                          {"api_base_url", slack.api_url()},
                                          {"outbox_per_tenant_per_second", 1000000}}}}
                              .dump();
    auto const pid = spawn({superbot_binary(), "serve", "--config", cfg.string()}, dir / "superbot.log",
                           {{"SB_BENCH_PASSWORD", "bench"},
                            {"SB_BENCH_SLACK_TOKEN", SlackStandIn::bot_token},
                            {"SB_BENCH_SLACK_SECRET", SlackStandIn::signing_secret}});
    if (!wait_healthy(port, 60)) {
        std::cerr << "superbot did not start; see " << dir << "\n";
        stop(pid);
        return 1;
    }

    auto const token = teams.token();
    auto const activity = superbruger::tests::teams_message(teams.service_url(), "x", question);
    std::atomic<long> round_id{0};  // ids stay unique across rounds: a repeated id is a retry, not answered
    auto teams_request = [&](long n) {
        auto a = activity;
        a["id"] = "bench-" + std::to_string(round_id.load()) + "-" + std::to_string(n);
        auto req = post("/api/messages", a.dump());
        req.set(bhttp::field::authorization, "Bearer " + token);
        return req;
    };
    auto slack_request = [&](long n) {
        auto const body = superbruger::tests::slack_dm_event("Ev" + std::to_string(round_id.load()) + "-" + std::to_string(n), question).dump();
        auto req = post("/api/slack/events", body);
        for (auto const& [name, value] : superbruger::tests::slack_signed_headers(body)) req.set(name, value);
        req.prepare_payload();
        return req;
    };
    auto teams_replies = [&] { return teams.connector_request_count(); };
    auto slack_replies = [&] { return slack.calls("chat.postMessage").size(); };

    // Warm-up: keys, tokens, the e-mail lookup, page cache.
    load(port, 1, 1, teams_request);
    ++round_id;
    load(port, 1, 1, slack_request);
    ++round_id;
    settle(teams_replies);
    settle(slack_replies);

    std::cout << "Channel load, Teams and Slack alternating (" << rounds << " rounds of " << seconds << " s, " << connections
              << " keep-alive connections, question: \"" << question << "\")\n";
    std::cout << "round  platform  requests/s  p50 ms  p99 ms  CPU ms/req  failed  replies\n";
    std::vector<Round> teams_rounds, slack_rounds;
    for (int r = 1; r <= rounds; ++r) {
        for (bool is_slack : {false, true}) {
            auto const& replies = is_slack ? std::function<std::size_t()>(slack_replies) : std::function<std::size_t()>(teams_replies);
            auto const replies_before = replies();
            auto const cpu_before = cpu_ms(pid);
            auto round = is_slack ? load(port, connections, seconds, slack_request) : load(port, connections, seconds, teams_request);
            ++round_id;
            round.replies = settle(replies) - replies_before;
            auto const ok = round.requests - round.failed;
            round.cpu_ms_per_request = ok > 0 ? (cpu_ms(pid) - cpu_before) / static_cast<double>(ok) : 0;
            std::printf("%-6d %-9s %-11.0f %-7.2f %-7.2f %-11.3f %-7ld %zu/%ld\n", r, is_slack ? "slack" : "teams", round.per_second(),
                        round.percentile(0.5), round.percentile(0.99), round.cpu_ms_per_request, round.failed, round.replies, ok);
            (is_slack ? slack_rounds : teams_rounds).push_back(std::move(round));
        }
    }
    auto rps = [](Round const& r) { return r.per_second(); };
    auto p50 = [](Round const& r) { return r.percentile(0.5); };
    auto p99 = [](Round const& r) { return r.percentile(0.99); };
    auto cpu = [](Round const& r) { return r.cpu_ms_per_request; };
    std::printf("median    teams: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %.3f CPU ms/req\n", median_of(teams_rounds, rps),
                median_of(teams_rounds, p50), median_of(teams_rounds, p99), median_of(teams_rounds, cpu));
    std::printf("median    slack: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %.3f CPU ms/req\n", median_of(slack_rounds, rps),
                median_of(slack_rounds, p50), median_of(slack_rounds, p99), median_of(slack_rounds, cpu));
    std::printf("slack / teams: throughput %.2f, p50 %.2f, p99 %.2f, CPU per request %.2f\n",
                median_of(slack_rounds, rps) / median_of(teams_rounds, rps), median_of(slack_rounds, p50) / median_of(teams_rounds, p50),
                median_of(slack_rounds, p99) / median_of(teams_rounds, p99), median_of(slack_rounds, cpu) / median_of(teams_rounds, cpu));
    std::cout << "peak RSS of superbot: " << static_cast<double>(peak_rss_kb(pid)) / 1024.0 << " MB\n";
    std::cout << "failed sends in the log: "
              << field(superbruger::bench::run("grep -c background_task_failed " + (dir / "superbot.log").string()), "([0-9]+)") << "\n";
    stop(pid);
    if (!std::getenv("SB_BENCH_KEEP")) fs::remove_all(dir);
    else std::cout << "kept " << dir << "\n";
    return 0;
}
