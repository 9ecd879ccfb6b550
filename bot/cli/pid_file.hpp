// The pid file that lets `superbot knowledge reload` find a running `superbot serve`.
#pragma once

#include <filesystem>
#include <optional>
#include <sys/types.h>

namespace superbruger::bot::cli {

/// Written when the server listens and removed when it stops, so a stale file means a crash.
/// Writing goes through a temporary file and a rename: a reader never sees half a pid.
class PidFile {
public:
    explicit PidFile(std::filesystem::path path);  ///< empty path: does nothing
    ~PidFile();
    PidFile(PidFile const&) = delete;
    PidFile& operator=(PidFile const&) = delete;

private:
    std::filesystem::path path_;
};

/// The pid in the file when that process is alive; nullopt when the file is missing, unreadable
/// or stale.
std::optional<pid_t> running_pid(std::filesystem::path const& path);

}  // namespace superbruger::bot::cli
