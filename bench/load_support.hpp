// What the load benchmarks share: loopback ports, child processes and their /proc figures, wrk
// runs and the Lua that makes every request a fresh signed Teams activity.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace superbruger::bench {

std::uint16_t free_port();

/// GET /healthz answers 200.
bool healthy(std::uint16_t port);
/// Polls /healthz for up to `seconds`.
bool wait_healthy(std::uint16_t port, int seconds);

/// Runs a shell command and returns its stdout.
std::string run(std::string const& command);

/// Starts `argv` in a child whose stderr goes to `log` (environment: this process's plus `env`).
pid_t spawn(std::vector<std::string> const& argv, std::filesystem::path const& log,
            std::vector<std::pair<std::string, std::string>> const& env = {});
/// SIGTERM, then SIGKILL after 10 s; waits for the child.
void stop(pid_t pid);

/// VmHWM of a live process, in kB (-1 when unknown).
long peak_rss_kb(pid_t pid);
/// utime + stime of a process (all its threads) so far, in milliseconds.
double cpu_ms(pid_t pid);

/// The first group of `pattern` in `text`, or "?".
std::string field(std::string const& text, std::string const& pattern);

/// Lua for wrk: every request is the same signed activity with its own id, as Teams sends them.
/// `run` keeps the ids of separate wrk runs apart: a repeated id is a retry, and is not answered.
std::string lua_script(std::string const& token, nlohmann::json activity, std::string const& run);

struct WrkResult {
    double requests_per_second = 0;
    long requests = 0;       ///< completed in the run
    long non_2xx = 0;
    long socket_errors = 0;  ///< connect, read, write and timeout errors
    std::string p50, p99;    ///< as wrk prints them ("412.00us")
    double p50_ms = 0, p99_ms = 0;
};

/// wrk against `url` with `connections` (1 thread for 1 connection, else 2), `seconds` long.
WrkResult run_wrk(std::string const& url, int connections, int seconds, std::filesystem::path const& lua);

/// The superbot binary to measure: $SB_BENCH_SUPERBOT when set (another build, to compare
/// before and after a change), else the one built with the benchmark.
std::string superbot_binary();

/// Median of a list (0 when empty).
double median(std::vector<double> values);

}  // namespace superbruger::bench
