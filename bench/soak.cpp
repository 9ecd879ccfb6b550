// Soak: a steady rate of signed Teams messages against `superbot serve` (replies to the loopback
// Connector stand-in) for a bounded time, printing every minute the requests sent and failed,
// p50/p99/max latency, and the server's resident memory and open file descriptors. Flat lines
// are the goal: growth in RSS or fds over the run is a leak.
//
// The load is an open model, as wrk2 does it: request k is due at start + k / rate, and its
// latency counts from when it was due, so a stall shows up in p99 instead of slowing the sender
// (no coordinated omission). Usage: bench_soak [MINUTES=30] [RATE=500] [CONNECTIONS=32]
#include "bot/log.hpp"
#include "tests/support/bot_framework_standin.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <iostream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace superbruger::tests;
using nlohmann::json;
namespace fs = std::filesystem;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using clock_type = std::chrono::steady_clock;

namespace {

std::uint16_t free_port() {
    net::io_context ioc;
    net::ip::tcp::acceptor a(ioc, {net::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

bool healthy(std::uint16_t port) {
    try {
        net::io_context ioc;
        beast::tcp_stream stream(ioc);
        stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        http::request<http::empty_body> req{http::verb::get, "/healthz", 11};
        req.set(http::field::host, "127.0.0.1");
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res);
        return res.result_int() == 200;
    } catch (std::exception const&) {
        return false;
    }
}

long rss_kb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
    }
    return -1;
}

long open_fds(pid_t pid) {
    std::error_code ec;
    long n = 0;
    for (auto it = fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec); !ec && it != fs::directory_iterator(); ++it) ++n;
    return n;
}

/// What one minute of the run saw.
struct Window {
    std::vector<double> latencies_ms;
    long failed = 0;
};

struct Load {
    std::uint16_t port;
    double rate;
    clock_type::time_point start, end;
    std::string token;
    json activity;
    std::size_t next = 0;  ///< the next request's number (its due time is start + next / rate)
    Window window;

    clock_type::time_point due(std::size_t k) const {
        return start + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(static_cast<double>(k) / rate));
    }

    /// One connection: takes the next due request, waits for its time, sends it, and keeps the
    /// connection alive; reconnects after an error.
    net::awaitable<void> worker() {
        auto executor = co_await net::this_coro::executor;
        net::steady_timer timer(executor);
        std::optional<beast::tcp_stream> stream;
        beast::flat_buffer buffer;
        for (;;) {
            auto const k = next++;
            auto const at = due(k);
            if (at >= end) co_return;
            timer.expires_at(at);
            co_await timer.async_wait(net::as_tuple(net::use_awaitable));
            bool ok = false;
            if (!stream) {
                stream.emplace(executor);
                auto [ec] = co_await stream->async_connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                                                           net::as_tuple(net::use_awaitable));
                if (ec) stream.reset();
            }
            if (stream) {
                auto a = activity;
                a["id"] = "soak-" + std::to_string(k);
                http::request<http::string_body> req{http::verb::post, "/api/messages", 11};
                req.set(http::field::host, "127.0.0.1");
                req.set(http::field::content_type, "application/json");
                req.set(http::field::authorization, "Bearer " + token);
                req.body() = a.dump();
                req.prepare_payload();
                stream->expires_after(std::chrono::seconds(30));
                auto [wec, wn] = co_await http::async_write(*stream, req, net::as_tuple(net::use_awaitable));
                http::response<http::string_body> res;
                if (!wec) {
                    auto [rec, rn] = co_await http::async_read(*stream, buffer, res, net::as_tuple(net::use_awaitable));
                    ok = !rec && res.result_int() == 200;
                    if (rec) stream.reset();
                } else {
                    stream.reset();
                }
            }
            if (!ok) ++window.failed;
            window.latencies_ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - at).count());
        }
    }
};

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    auto const at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(at), v.end());
    return v[at];
}

}  // namespace

int main(int argc, char** argv) {
    int const minutes = argc > 1 ? std::atoi(argv[1]) : 30;
    double const rate = argc > 2 ? std::atof(argv[2]) : 500;
    int const connections = argc > 3 ? std::atoi(argv[3]) : 32;
    if (minutes < 1 || minutes > 24 * 60 || rate <= 0 || connections < 1) {
        std::cerr << "usage: bench_soak [MINUTES 1..1440] [RATE > 0] [CONNECTIONS >= 1]\n";
        return 2;
    }
    superbruger::bot::log::configure(superbruger::bot::log::Level::error);
    BotFrameworkStandIn standin;
    standin.count_connector_only();
    auto const dir = fs::temp_directory_path() / ("sb_soak_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto const port = free_port();
    auto const cfg = dir / "config.json";
    std::ofstream(cfg) << json{{"server", {{"port", port}}},
                               {"storage", {{"database", "soak.sqlite"}}},
                               {"log", {{"level", "warn"}}},
                               {"teams", {{"app_id", BotFrameworkStandIn::app_id},
                                          {"app_password_env", "SB_BENCH_PASSWORD"},
                                          {"openid_metadata_url", standin.base_url() + "openid"},
                                          {"token_url", standin.base_url() + "token"},
                                          {"allowed_service_url_hosts", {"127.0.0.1"}},
                                          {"per_tenant_per_second", 1000000}}}}
                              .dump();
    ::setenv("SB_BENCH_PASSWORD", "bench", 1);
    auto const superbot = std::string(SB_SUPERBOT_PATH);
    pid_t const pid = ::fork();
    if (pid == 0) {
        std::freopen((dir / "superbot.log").c_str(), "w", stderr);
        ::execl(superbot.c_str(), superbot.c_str(), "serve", "--config", cfg.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    for (int i = 0; i < 200 && !healthy(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));

    net::io_context ioc{1};
    Load load{port, rate, clock_type::now(), {}, standin.token(), teams_message(standin.service_url(), "x", "hvad laver en superbruger?"), 0, {}};
    load.end = load.start + std::chrono::minutes(minutes);
    for (int c = 0; c < connections; ++c) net::co_spawn(ioc, load.worker(), net::detached);

    std::printf("soak: %d min at %.0f req/s over %d connections (signed Teams messages, replies to the stand-in)\n", minutes, rate,
                connections);
    std::printf("minute  sent     failed  p50_ms   p99_ms   max_ms   rss_mb   fds   replies\n");
    std::fflush(stdout);
    // The io thread runs the load; this one samples once a minute. The guard keeps the io
    // context running after the last request, so the last minute's sample is still taken
    // (without it the sample would wait forever on a stopped context).
    auto guard = net::make_work_guard(ioc);
    std::thread io([&] { ioc.run(); });
    for (int m = 1; m <= minutes; ++m) {
        std::this_thread::sleep_until(load.start + std::chrono::minutes(m));
        std::promise<Window> taken;
        net::post(ioc, [&] { taken.set_value(std::exchange(load.window, Window{})); });
        auto w = taken.get_future().get();
        auto const sent = w.latencies_ms.size();
        auto const max = w.latencies_ms.empty() ? 0 : *std::max_element(w.latencies_ms.begin(), w.latencies_ms.end());
        auto const p50 = percentile(w.latencies_ms, 0.50), p99 = percentile(w.latencies_ms, 0.99);
        std::printf("%-7d %-8zu %-7ld %-8.2f %-8.2f %-8.1f %-8.1f %-5ld %zu\n", m, sent, w.failed, p50, p99, max, rss_kb(pid) / 1024.0,
                    open_fds(pid), standin.connector_count());
        std::fflush(stdout);
    }
    guard.reset();
    io.join();
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::printf("superbot exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (!std::getenv("SB_BENCH_KEEP")) fs::remove_all(dir);
    return 0;
}
