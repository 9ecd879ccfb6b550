// Load on the Teams endpoint: signed message activities against `superbot serve`, whose replies
// go to a loopback Bot Connector stand-in. Runs wrk at 1 and 32 connections and prints
// requests/s, p50/p99 latency, the superbot's peak resident memory, and how many replies reached
// the Connector. Usage: bench_teams_load [SECONDS] [QUESTION]
#include "bot/log.hpp"
#include "tests/support/bot_framework_standin.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace superbruger::tests;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::uint16_t free_port() {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::acceptor a(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

bool healthy(std::uint16_t port) {
    try {
        boost::asio::io_context ioc;
        boost::beast::tcp_stream stream(ioc);
        stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
        boost::beast::http::request<boost::beast::http::empty_body> req{boost::beast::http::verb::get, "/healthz", 11};
        boost::beast::http::write(stream, req);
        boost::beast::flat_buffer buffer;
        boost::beast::http::response<boost::beast::http::string_body> res;
        boost::beast::http::read(stream, buffer, res);
        return res.result_int() == 200;
    } catch (std::exception const&) {
        return false;
    }
}

std::string run(std::string const& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buf{};
    while (auto n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    ::pclose(pipe);
    return out;
}

long peak_rss_kb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
    }
    return -1;
}

std::string field(std::string const& text, std::string const& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "?";
}

/// Lua for wrk: every request is the same signed activity with its own id, as Teams sends them.
/// `run` keeps the ids of separate wrk runs apart: a repeated id is a retry, and is not answered.
std::string lua_script(std::string const& token, json activity, std::string const& run) {
    activity["id"] = "ACTIVITY_ID";
    auto body = activity.dump();
    auto at = body.find("ACTIVITY_ID");
    auto quote = [](std::string s) {
        std::string out = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    };
    std::ostringstream lua;
    lua << "local threads = 0\n"
        << "function setup(thread) threads = threads + 1; thread:set('tid', threads) end\n"
        << "local n = 0\n"
        << "local head = " << quote(body.substr(0, at)) << "\n"
        << "local tail = " << quote(body.substr(at + 11)) << "\n"
        << "wrk.headers['Content-Type'] = 'application/json'\n"
        << "wrk.headers['Authorization'] = " << quote("Bearer " + token) << "\n"
        << "function request() n = n + 1; return wrk.format('POST', '/api/messages', nil, head .. 'bench-" << run << "-' .. tid .. '-' .. n .. tail) end\n";
    return lua.str();
}

}  // namespace

int main(int argc, char** argv) {
    int const seconds = argc > 1 ? std::atoi(argv[1]) : 10;
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
    ::setenv("SB_BENCH_PASSWORD", "bench", 1);
    auto const superbot = std::string(SB_SUPERBOT_PATH);
    pid_t const pid = ::fork();
    if (pid == 0) {
        std::freopen((dir / "superbot.log").c_str(), "w", stderr);
        ::execl(superbot.c_str(), superbot.c_str(), "serve", "--config", cfg.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    for (int i = 0; i < 200 && !healthy(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));

    auto const token = standin.token();
    auto const activity = teams_message(standin.service_url(), "x", question);
    auto script_for = [&](std::string const& run_name) {
        auto const script = dir / (run_name + ".lua");
        std::ofstream(script) << lua_script(token, activity, run_name);
        return script;
    };
    auto const url = "http://127.0.0.1:" + std::to_string(port) + "/api/messages";
    run("wrk -t1 -c1 -d1s -s " + script_for("warmup").string() + " " + url);  // keys, token, page cache

    std::cout << "Teams endpoint load (wrk, " << seconds << " s each, question: \"" << question << "\")\n";
    std::cout << "connections  requests/s   p50        p99        non-2xx\n";
    for (int connections : {1, 32}) {
        int const threads = connections == 1 ? 1 : 2;
        auto const out = run("wrk -t" + std::to_string(threads) + " -c" + std::to_string(connections) + " -d" + std::to_string(seconds) +
                             "s --latency -s " + script_for("c" + std::to_string(connections)).string() + " " + url);
        auto const non2xx = field(out, "Non-2xx or 3xx responses: ([0-9]+)");
        std::printf("%-12d %-12s %-10s %-10s %s\n", connections, field(out, "Requests/sec:\\s+([0-9.]+)").c_str(),
                    field(out, "50%\\s+([0-9.]+[a-z]+)").c_str(), field(out, "99%\\s+([0-9.]+[a-z]+)").c_str(),
                    non2xx == "?" ? "0" : non2xx.c_str());
    }
    // Replies are sent after the 200: wait until the Connector stops receiving them.
    std::size_t received = 0;
    for (int quiet = 0; quiet < 3;) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        auto const now = standin.connector_requests().size();
        quiet = now == received ? quiet + 1 : 0;
        received = now;
    }
    std::cout << "peak RSS of superbot: " << peak_rss_kb(pid) / 1024.0 << " MB\n";
    std::cout << "activities answered 200: " << field(run("grep -c '\"status\":200' " + (dir / "superbot.log").string()), "([0-9]+)")
              << ", replies received by the Connector stand-in: " << received
              << ", failed sends in the log: " << field(run("grep -c background_task_failed " + (dir / "superbot.log").string()), "([0-9]+)")
              << "\n";
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!std::getenv("SB_BENCH_KEEP")) fs::remove_all(dir);
    return 0;
}
