// Test helpers for the superbot binary: a scratch folder, config files, `superbot serve` in a
// child process, and its /metrics.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>
#include <sys/types.h>

namespace superbruger::tests {

extern std::string const superbot;  ///< path of the built binary

/// A folder of this test process, created on first use.
std::filesystem::path work_dir();

/// Writes `text` to work_dir()/name and returns the path.
std::filesystem::path write_config(std::string const& name, std::string const& text);

/// `superbot serve --config cfg` in a child process, once /healthz answers. Its stderr (the
/// JSON log) goes to `log_file`, or nowhere when empty.
pid_t start_serve(std::filesystem::path const& cfg, std::uint16_t port, std::filesystem::path const& log_file = {});

/// `superbot ARGS…` in a child process, not waited for; stdout and stderr go to `log_file`
/// (or nowhere).
pid_t start_superbot(std::vector<std::string> const& args, std::filesystem::path const& log_file = {});

/// Waits for a child started by start_superbot: its exit code, or -signal when it was killed.
int wait_superbot(pid_t pid);

/// SIGKILL now; true when the child was still running (the kill landed), false when it had
/// already exited (its exit code in `exit_code`).
bool kill_if_running(pid_t pid, int& exit_code);

/// SIGTERM, then the exit status (killing the child if it does not stop within 10 s).
int stop_serve(pid_t pid);

/// SIGKILL, as a crash or the OOM killer would: no shutdown code runs. Waits for the child.
void kill_serve(pid_t pid);

/// The value of one metric line "name value" from /metrics, -1 when absent.
double metric(std::uint16_t port, std::string const& name);

/// Polls a metric until it has `expected`.
bool metric_becomes(std::uint16_t port, std::string const& name, double expected);

/// The whole file (empty when missing).
std::string read_file(std::filesystem::path const& path);

}  // namespace superbruger::tests
