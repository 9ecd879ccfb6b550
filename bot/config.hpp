// Config: the one configuration of superbot, loaded from one JSON file (comments allowed).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::bot {

struct ServerConfig {
    std::string address = "127.0.0.1";
    std::uint16_t port = 3978;
    std::size_t max_body_bytes = 256 * 1024;
    std::size_t max_connections = 512;
    std::chrono::seconds request_timeout{10};  ///< to receive one whole request (slowloris bound)
    std::chrono::seconds idle_timeout{60};     ///< a kept-alive connection waiting for its next request
    std::chrono::seconds shutdown_grace{10};   ///< in-flight requests get this long after SIGTERM
    std::filesystem::path pid_file;            ///< empty: none; `superbot knowledge reload` signals this pid
};

struct StorageConfig {
    std::string database = "data/superbot.sqlite";
};

struct KnowledgeConfig {
    std::filesystem::path bundled_dir;              ///< defaults to the build's bundled knowledge
    std::vector<std::filesystem::path> local_dirs;  ///< a municipality's own documents
    double min_confidence = 0.6;                    ///< below it the bot says it does not know
    std::size_t max_answer_chars = 800;             ///< answer text before the source line
};

struct LogConfig {
    std::string level = "info";
};

struct Config {
    ServerConfig server;
    StorageConfig storage;
    KnowledgeConfig knowledge;
    LogConfig log;
};

/// The defaults, or the file's values over them. Relative paths in the file are taken relative
/// to the file's folder. Throws BotError{config} naming the key (as a JSON path such as
/// "server.port") for a wrong type, a value out of range or an unknown key.
Config load_config(std::optional<std::filesystem::path> const& file);

/// The same, from JSON text (for tests); `base` resolves relative paths.
Config parse_config(std::string const& text, std::filesystem::path const& base);

}  // namespace superbruger::bot
