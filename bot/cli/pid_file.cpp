// PidFile: write by rename, remove on exit, check liveness with kill(pid, 0).
#include "bot/cli/pid_file.hpp"

#include "bot/error.hpp"

#include <csignal>
#include <fstream>
#include <unistd.h>

namespace superbruger::bot::cli {

PidFile::PidFile(std::filesystem::path path) : path_(std::move(path)) {
    if (path_.empty()) return;
    auto temporary = path_;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << ::getpid() << '\n';
        if (!out.flush()) {
            throw BotError(BotError::Kind::config, "config: 'server.pid_file': cannot write " + temporary.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path_, ec);
    if (ec) throw BotError(BotError::Kind::config, "config: 'server.pid_file': cannot write " + path_.string() + ": " + ec.message());
}

PidFile::~PidFile() {
    if (path_.empty()) return;
    // Only our own file: a newer server may have taken the path over.
    if (running_pid(path_) == ::getpid()) {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
}

std::optional<pid_t> running_pid(std::filesystem::path const& path) {
    std::ifstream in(path);
    long pid = 0;
    if (!(in >> pid) || pid <= 1) return std::nullopt;
    if (::kill(static_cast<pid_t>(pid), 0) != 0) return std::nullopt;
    return static_cast<pid_t>(pid);
}

}  // namespace superbruger::bot::cli
