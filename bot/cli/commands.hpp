// The subcommands of `superbot`. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace superbruger::bot::cli {

int run_serve(std::vector<std::string> const& args);
int run_chat(std::vector<std::string> const& args);
int run_ask(std::vector<std::string> const& args);
int run_knowledge(std::vector<std::string> const& args);
int run_directory(std::vector<std::string> const& args);
int run_change_requests(std::vector<std::string> const& args);
int run_releases(std::vector<std::string> const& args);
int run_outbox(std::vector<std::string> const& args);
int run_probe(std::vector<std::string> const& args);
int run_backup(std::vector<std::string> const& args);
int run_restore(std::vector<std::string> const& args);

/// Exit codes: 0 done, 1 failed at run time, 2 bad command line or configuration.
constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

}  // namespace superbruger::bot::cli
