// Channel: what the one endpoint handler (ChannelEndpoint) needs of a chat platform, and what the
// outbox needs to reach a person there.
//
// A platform is two folders and one line: its pure protocol in adapters/<platform>/ (verify,
// parse, render, classify; no sockets), its runtime in bot/channels/<platform>/ (credentials,
// sends, its config section), and its registration in bot/channels/registry.cpp. Nothing
// outside those names a platform.
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/http/types.hpp"
#include "storage/conversation_store.hpp"
#include "storage/outbox.hpp"

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace superbruger::bot::channels {

namespace net = boost::asio;

/// One thing a platform told the bot, verified and parsed.
struct InboundEvent {
    enum class Kind {
        message,  ///< a person wrote to the bot (or pressed a button): the assistant answers
        added,    ///< the bot was added to a conversation: it says hello
        removed,  ///< the bot was removed from a conversation: it forgets it
        other,    ///< nothing for the bot to do (a typing indicator, an edit, …)
    };
    Kind kind = Kind::message;
    std::string delivery_id;        ///< the platform's id of this delivery, for its retries; empty: none
    adapters::ChatMessage message;  ///< kind message: what was said; the others: who, where
    /// Where the bot may write later (proactive messages). The platform fills all but `platform`
    /// and `updated_at`; an empty conversation id or address: nothing to remember.
    storage::StoredConversation conversation;
};

/// What the bot answers each event with (an event without an answer: nullopt), in order.
using Replies = std::vector<std::optional<adapters::ChatReply>>;

/// One inbound request whose sender was verified. Only such a request can be parsed, so no
/// platform can parse a body before its credentials were checked.
class VerifiedRequest {
public:
    virtual ~VerifiedRequest() = default;

    /// Reads the body. Throws adapters::AdapterError: bad_request (400) for a body that is not
    /// this platform's, unauthenticated (401) where the body contradicts the credentials.
    virtual std::vector<InboundEvent> parse() = 0;

    /// What the platform looks up before the events are answered (Slack: the sender's e-mail,
    /// which links them to the role directory). Runs after parse(); never throws.
    virtual net::awaitable<void> complete(std::vector<InboundEvent>& events) {
        (void)events;
        co_return;
    }

    /// The HTTP answer once the events were handled. A platform that answers inline puts the
    /// replies in it; one that posts replies back starts those sends in the background and
    /// answers 200 at once. `replies[i]` answers `events[i]` of parse().
    virtual net::awaitable<http::Response> answer(Replies replies) = 0;
};

class Channel {
public:
    virtual ~Channel() = default;

    /// The platform's name: the first half of every identity it brings ("teams", …).
    virtual std::string const& platform() const noexcept = 0;

    /// The HTTP paths the platform POSTs to.
    virtual std::vector<std::string> paths() const = 0;

    /// Checks the request's credentials from its headers and raw bytes alone: a request that is
    /// not from the platform is refused before anything parses its body. Throws
    /// adapters::AdapterError{unauthenticated} (401; the reason goes to the log only).
    virtual net::awaitable<std::unique_ptr<VerifiedRequest>> verify(http::Request const& request, http::RequestContext const& context) = 0;

    /// Sends a message the bot writes on its own (the outbox) to a person. Throws BotError; one
    /// with `permanent()` set means the platform refused it for good (the message is parked).
    virtual net::awaitable<void> send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) = 0;

    /// Background work the channel needs while serving (key refreshes, …).
    virtual void start() {}
    /// Called once the server has drained its requests.
    virtual void stop() {}

    /// Empty when the channel can take requests; else why not (for /readyz).
    virtual std::string readiness() const { return {}; }
};

}  // namespace superbruger::bot::channels
