// Config: the one configuration of superbot, loaded from one JSON file (comments allowed).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::bot {

struct ServerConfig {
    std::string address = "127.0.0.1";
    std::uint16_t port = 3978;
    std::size_t max_body_bytes = 256 * 1024;
    std::size_t max_connections = 512;
    std::size_t max_connections_per_ip = 256;      ///< 0: none (behind a proxy every peer is the proxy)
    std::chrono::seconds first_byte_timeout{5};    ///< a new connection's wait for its first byte
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
    int keep_answers_days = 90;  ///< answers (and their votes) not given or voted on for this long are deleted
};

/// The one outbound HTTP client (see bot/http/client.hpp).
struct HttpClientConfig {
    std::filesystem::path ca_file;  ///< empty: the system's certificate store
    std::chrono::seconds connect_timeout{5};
    std::chrono::seconds request_timeout{15};
    /// Outbound HTTPS through this proxy (http://host:port), by CONNECT. Empty: HTTPS_PROXY or
    /// https_proxy from the environment, if set.
    std::string https_proxy;
    /// Hosts reached directly, added to NO_PROXY / no_proxy from the environment.
    std::vector<std::string> no_proxy;
};

/// One chat platform's section of the config ("teams", …), read by the platform itself
/// (bot/channels/<platform>/) and kept here in its own type.
struct ChannelSettings {
    virtual ~ChannelSettings() = default;
    /// Off: its endpoints are not served and nothing is sent there.
    virtual bool enabled() const noexcept = 0;
    /// The outbox's pace towards one tenant (workspace, team) of the platform: below the
    /// platform's own limit, so that replies to people still have room.
    int outbox_per_tenant_per_second = 40;
    /// Municipalities (by name or kommunenummer, as the role directory has them) whose
    /// announcements and reminders this platform posts into a channel of theirs, as well as to
    /// each superbruger it can reach: for a platform that cannot write to people first.
    virtual std::vector<std::string> municipality_channels() const { return {}; }
};

/// One municipality's channel on one platform (see ChannelSettings::municipality_channels): an
/// outbox recipient of its own, `municipality` as the config names it.
struct MunicipalityChannel {
    std::string platform;
    std::string municipality;
};

struct ChangeRequestConfig {
    std::chrono::minutes dialog_timeout{30};  ///< an intake dialog left this long stops catching messages
};

/// Messages the bot sends on its own (notifications, reminders).
struct OutboxConfig {
    std::chrono::seconds poll_interval{2};
    int max_attempts = 8;  ///< then the message is parked for a coordinator to look at
    int keep_sent_days = 90;  ///< sent messages (recipients' ids) are deleted after this; parked ones stay
};

/// Release reviews and their reminders.
struct ReleasesConfig {
    std::vector<int> reminder_offsets_days = {14, 7, 2};  ///< days before the review deadline
    std::chrono::seconds reminder_check_interval{60};
};

struct LogConfig {
    std::string level = "info";
};

struct CliConfig {
    std::string language = "da";  ///< of the admin commands' messages: da or en (--lang overrides)
};

struct Config {
    ServerConfig server;
    StorageConfig storage;
    KnowledgeConfig knowledge;
    HttpClientConfig http_client;
    ChangeRequestConfig change_requests;
    OutboxConfig outbox;
    ReleasesConfig releases;
    LogConfig log;
    CliConfig cli;
    /// Every registered platform's settings, by platform name (defaults where the file has no
    /// section). See bot/channels/registry.cpp.
    std::map<std::string, std::shared_ptr<ChannelSettings const>> channels;
};

/// The defaults, or the file's values over them. Relative paths in the file are taken relative
/// to the file's folder. Throws BotError{config} naming the key (as a JSON path such as
/// "server.port") for a wrong type, a value out of range or an unknown key.
Config load_config(std::optional<std::filesystem::path> const& file);

/// Every municipality channel of the enabled platforms, by platform.
std::vector<MunicipalityChannel> municipality_channels(Config const& config);

/// The same, from JSON text (for tests); `base` resolves relative paths.
Config parse_config(std::string const& text, std::filesystem::path const& base);

}  // namespace superbruger::bot
