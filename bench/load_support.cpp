// Load benchmark helpers.
#include "bench/load_support.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace superbruger::bench {

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
        req.set(boost::beast::http::field::host, "127.0.0.1");
        boost::beast::http::write(stream, req);
        boost::beast::flat_buffer buffer;
        boost::beast::http::response<boost::beast::http::string_body> res;
        boost::beast::http::read(stream, buffer, res);
        return res.result_int() == 200;
    } catch (std::exception const&) {
        return false;
    }
}

bool wait_healthy(std::uint16_t port, int seconds) {
    for (int i = 0; i < seconds * 20; ++i) {
        if (healthy(port)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
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

pid_t spawn(std::vector<std::string> const& argv, std::filesystem::path const& log,
            std::vector<std::pair<std::string, std::string>> const& env) {
    // Unflushed output would be written twice: the child's freopen flushes its copy.
    std::fflush(nullptr);
    pid_t const pid = ::fork();
    if (pid == 0) {
        std::freopen(log.c_str(), "w", stderr);
        std::freopen("/dev/null", "w", stdout);
        for (auto const& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
        std::vector<char*> args;
        for (auto const& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

void stop(pid_t pid) {
    ::kill(pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
        if (::waitpid(pid, &status, WNOHANG) == pid) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
}

long peak_rss_kb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
    }
    return -1;
}

double cpu_ms(pid_t pid) {
    // proc(5): fields 14 and 15 of /proc/PID/stat are utime and stime in clock ticks; the
    // command name (field 2) may hold spaces, so count from its closing parenthesis.
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto const close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(stat.substr(close + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i) rest >> skip;
    double utime = 0, stime = 0;
    rest >> utime >> stime;
    return (utime + stime) * 1000.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::string field(std::string const& text, std::string const& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "?";
}

std::string lua_script(std::string const& token, nlohmann::json activity, std::string const& run) {
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
        << "function request() n = n + 1; return wrk.format('POST', '/api/messages', nil, head .. 'bench-" << run
        << "-' .. tid .. '-' .. n .. tail) end\n";
    return lua.str();
}

namespace {

double to_ms(std::string const& latency) {
    std::smatch m;
    if (!std::regex_match(latency, m, std::regex("([0-9.]+)(us|ms|s|m)"))) return -1;
    double const v = std::stod(m[1].str());
    auto const unit = m[2].str();
    return unit == "us" ? v / 1000 : unit == "ms" ? v : unit == "s" ? v * 1000 : v * 60000;
}

long number(std::string const& s) { return s == "?" ? 0 : std::stol(s); }

}  // namespace

WrkResult run_wrk(std::string const& url, int connections, int seconds, std::filesystem::path const& lua) {
    int const threads = connections == 1 ? 1 : 2;
    auto const out = run("wrk -t" + std::to_string(threads) + " -c" + std::to_string(connections) + " -d" +
                         std::to_string(seconds) + "s --latency -s " + lua.string() + " " + url + " 2>&1");
    WrkResult r;
    auto const rps = field(out, "Requests/sec:\\s+([0-9.]+)");
    r.requests_per_second = rps == "?" ? 0 : std::stod(rps);
    r.requests = number(field(out, "([0-9]+) requests in"));
    r.non_2xx = number(field(out, "Non-2xx or 3xx responses: ([0-9]+)"));
    auto const errors = field(out, "Socket errors: connect ([0-9]+, read [0-9]+, write [0-9]+, timeout [0-9]+)");
    if (errors != "?") {
        std::smatch m;
        std::string rest = errors;
        while (std::regex_search(rest, m, std::regex("([0-9]+)"))) {
            r.socket_errors += std::stol(m[1].str());
            rest = m.suffix();
        }
    }
    r.p50 = field(out, "50%\\s+([0-9.]+[a-z]+)");
    r.p99 = field(out, "99%\\s+([0-9.]+[a-z]+)");
    r.p50_ms = to_ms(r.p50);
    r.p99_ms = to_ms(r.p99);
    return r;
}

std::string superbot_binary() {
    auto const* other = std::getenv("SB_BENCH_SUPERBOT");
    return other != nullptr && *other != '\0' ? other : SB_SUPERBOT_PATH;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto const n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace superbruger::bench
