// ChannelEndpoint: the one inbound handler every chat platform's requests go through:
// verify → parse → claim the delivery id → remember the conversation and ask the assistant (one
// transaction) → the platform's answer (inline, or 200 and the replies sent after).
#pragma once

#include "bot/channels/channel.hpp"
#include "bot/channels/conversation_memory.hpp"
#include "bot/channels/delivery_claims.hpp"
#include "bot/http/router.hpp"

#include <boost/asio/steady_timer.hpp>

#include <memory>

namespace superbruger::storage {
class Database;
}

namespace superbruger::bot {
class Assistant;
class BackgroundTasks;
}  // namespace superbruger::bot

namespace superbruger::bot::channels {

class ChannelEndpoint {
public:
    ChannelEndpoint(Channel& channel, Assistant& assistant, storage::Database& database, ConversationMemory& conversations,
                    BackgroundTasks& background);

    /// POST on each of the channel's paths.
    void add_routes(http::Router& router);

    /// Starts writing the claimed delivery ids in batches; stop() writes the last batch (call it
    /// once the server has drained).
    void start();
    void stop();

    /// 401 before anything is read when the credentials fail (the reason is logged, not
    /// returned), 400 for a body that is not the platform's, else the platform's answer.
    net::awaitable<http::Response> handle(http::Request& req, http::RequestContext& ctx);

private:
    /// Claims, stores and answers each event; a claimed duplicate gets no answer.
    Replies process(std::vector<InboundEvent> const& events);
    std::optional<adapters::ChatReply> process_one(InboundEvent const& event);
    void flush_claims();

    Channel& channel_;
    Assistant& assistant_;
    storage::Database& database_;
    ConversationMemory& conversations_;
    BackgroundTasks& background_;
    DeliveryClaims claims_;
    std::shared_ptr<net::steady_timer> flush_timer_;
    bool stopping_ = false;
};

}  // namespace superbruger::bot::channels
