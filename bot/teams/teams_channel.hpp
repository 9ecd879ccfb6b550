// TeamsChannel: the Bot Framework messaging endpoint (POST /api/messages) and everything it
// needs: signing keys, the Connector with its token, the messenger. Built by `serve` when
// teams.app_id is set.
#pragma once

#include "adapters/bot_framework/request_auth.hpp"
#include "bot/background_tasks.hpp"
#include "bot/config.hpp"
#include "bot/http/client.hpp"
#include "bot/http/router.hpp"
#include "bot/teams/activity_claims.hpp"
#include "bot/teams/connector.hpp"
#include "bot/teams/connector_token.hpp"
#include "bot/teams/signing_keys.hpp"
#include "bot/teams/teams_messenger.hpp"
#include "bot/teams/verified_tokens.hpp"

#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <optional>
#include <string>

namespace superbruger::storage {
class ConversationStore;
class Database;
}  // namespace superbruger::storage

namespace superbruger::bot {
class Assistant;
}

namespace superbruger::bot::teams {

namespace net = boost::asio;

struct TeamsDependencies {
    Assistant& assistant;
    storage::Database& database;
    storage::ConversationStore& conversations;
    http::Client& client;           ///< on the serving thread: signing keys
    http::Client& outbound_client;  ///< on the outbound thread: token and Connector
    net::any_io_executor outbound;  ///< the outbound thread
    BackgroundTasks& background;
};

class TeamsChannel {
public:
    /// `app_password` is the secret from the environment (see TeamsConfig::app_password_env).
    TeamsChannel(TeamsConfig const& config, std::string app_password, TeamsDependencies deps);

    /// Registers POST /api/messages.
    void add_routes(http::Router& router);

    /// Starts writing the handled activity ids to the database in batches; stop() writes the
    /// last batch (call it when the server has drained).
    void start();
    void stop();

    /// One inbound activity: 401 before anything is read when the token fails (the reason is
    /// logged, not returned), 400 for a body that is no activity, else 200 and the reply is
    /// sent through the Connector in the background.
    net::awaitable<http::Response> handle(http::Request& req, http::RequestContext& ctx);

    TeamsMessenger& messenger() noexcept { return messenger_; }

    /// Empty when tokens can be checked; else why not (for /readyz).
    std::string readiness() const { return keys_.loaded() ? std::string() : "Teams signing keys not loaded yet"; }

private:
    /// The synchronous part: claim the activity id, store the conversation, ask the assistant.
    std::optional<adapters::ChatReply> process(adapters::bot_framework::Activity const& activity,
                                               adapters::bot_framework::ConversationReference const& reference, bool& duplicate);

    TeamsDependencies deps_;
    adapters::bot_framework::AuthSettings auth_;
    SigningKeys keys_;
    VerifiedTokens verified_;
    ConnectorToken token_;
    Connector connector_;
    TeamsMessenger messenger_;
    ActivityClaims claims_;
    std::shared_ptr<net::steady_timer> flush_timer_;
    bool stopping_ = false;

    void flush_claims();
};

/// The Teams app password from the environment variable the config names. Throws
/// BotError{config} when it is unset or empty.
std::string app_password_from_environment(TeamsConfig const& config);

}  // namespace superbruger::bot::teams
