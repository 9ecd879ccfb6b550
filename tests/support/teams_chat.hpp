// A Teams network around a real `superbot serve`: the loopback Bot Framework, a directory of
// people imported from CSV, and a way to write to the bot as one of them and read its reply as
// it reached the Connector. For scenario tests that go through the whole Teams path.
#pragma once

#include "tests/support/bot_framework_standin.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <sys/types.h>

namespace superbruger::tests {

struct TeamsPerson {
    std::string user_id;  ///< "29:…"
    std::string aad;      ///< Entra object id, the directory's teams_objektid
    std::string tenant;
    std::string chat;     ///< their 1:1 conversation id
};

class TeamsChat {
public:
    /// Imports `directory_csv` and starts the server. `name` keeps files of scenarios apart.
    TeamsChat(std::string const& name, std::string const& directory_csv);
    ~TeamsChat();
    TeamsChat(TeamsChat const&) = delete;
    TeamsChat& operator=(TeamsChat const&) = delete;

    /// One message from `who`; returns the text (or the card's text) of the bot's reply.
    std::string say(TeamsPerson const& who, std::string const& text);
    /// A card submit from `who`: `command` with the form's values, as Teams sends Action.Submit.
    std::string submit(TeamsPerson const& who, std::string const& command, std::map<std::string, std::string> const& values);
    /// The reply's activity as the Connector received it.
    nlohmann::json const& last_reply() const { return last_reply_; }

    static std::string text_of(nlohmann::json const& activity);
    BotFrameworkStandIn& bf() { return bf_; }
    std::string const& database() const { return database_; }
    std::uint16_t port() const { return port_; }

private:
    std::string send(TeamsPerson const& who, nlohmann::json activity);

    BotFrameworkStandIn bf_;
    std::uint16_t port_;
    std::string database_;
    pid_t pid_ = 0;
    int sent_ = 0;
    nlohmann::json last_reply_;
};

}  // namespace superbruger::tests
