// superbot child processes for integration tests.
#include "tests/support/superbot_process.hpp"

#include "tests/support/http_client.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace superbruger::tests {

using namespace std::chrono_literals;

std::string const superbot = SB_SUPERBOT_PATH;

std::filesystem::path work_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("sb_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path write_config(std::string const& name, std::string const& text) {
    auto path = work_dir() / name;
    std::ofstream(path) << text;
    return path;
}

pid_t start_serve(std::filesystem::path const& cfg, std::uint16_t port, std::filesystem::path const& log_file) {
    auto const pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::freopen(log_file.empty() ? "/dev/null" : log_file.c_str(), "w", stderr);
        ::execl(superbot.c_str(), superbot.c_str(), "serve", "--config", cfg.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status_code = 0;
    // Up to 20 s: a debug build loading the knowledge base on a shared, busy machine takes seconds.
    for (int i = 0; i < 400 && status_code != 200; ++i) {
        try {
            status_code = static_cast<int>(http_request(port, boost::beast::http::verb::get, "/healthz").result_int());
        } catch (std::exception const&) {
            std::this_thread::sleep_for(50ms);
        }
    }
    CHECK(status_code == 200);
    return pid;
}

pid_t start_superbot(std::vector<std::string> const& args, std::filesystem::path const& log_file) {
    auto const pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        auto const out = log_file.empty() ? std::string("/dev/null") : log_file.string();
        std::freopen(out.c_str(), "w", stdout);
        std::freopen(out.c_str(), "a", stderr);
        std::vector<char*> argv{const_cast<char*>(superbot.c_str())};
        for (auto const& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(superbot.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_superbot(pid_t pid) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

bool kill_if_running(pid_t pid, int& exit_code) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
        exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        return false;
    }
    ::kill(pid, SIGKILL);
    exit_code = wait_superbot(pid);
    return exit_code == -SIGKILL;
}

int stop_serve(pid_t pid) {
    ::kill(pid, SIGTERM);
    int status = 0;
    pid_t waited = 0;
    for (int i = 0; i < 200 && waited == 0; ++i) {
        waited = ::waitpid(pid, &status, WNOHANG);
        if (waited == 0) std::this_thread::sleep_for(50ms);
    }
    if (waited == 0) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        FAIL("superbot serve did not stop within 10 s of SIGTERM");
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void kill_serve(pid_t pid) {
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
}

double metric(std::uint16_t port, std::string const& name) {
    auto const body = http_request(port, boost::beast::http::verb::get, "/metrics").body();
    auto at = body.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stod(body.substr(at + name.size() + 2));
}

bool metric_becomes(std::uint16_t port, std::string const& name, double expected) {
    for (int i = 0; i < 100; ++i) {
        if (metric(port, name) == expected) return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

std::string read_file(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace superbruger::tests
