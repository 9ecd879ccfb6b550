// Posting into a Teams channel through an incoming webhook: a Workflows flow ("Post to a channel
// when a webhook request is received", https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook)
// or a legacy connector URL. This is how a municipality that answers through an outgoing webhook
// still gets announcements and reminders: the outgoing webhook cannot write first.
#pragma once

#include "adapters/chat_message.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace superbruger::adapters::teams_webhook {

/// Incoming webhooks and Workflows take at most 28 KB per message; the post keeps under this.
constexpr std::size_t max_post_bytes = 26 * 1024;

/// The body (JSON text) to POST: `{"type":"message","attachments":[{Adaptive Card}]}`, the envelope both
/// Workflows and connectors read. Such a card cannot send Action.Submit back to anyone, so the
/// reply's actions are written out as what to type to the outgoing webhook, and a form is left
/// out. The text is shortened until the body fits in `max_bytes`.
std::string workflows_post_body(ChatReply const& reply, std::size_t max_bytes = max_post_bytes);

/// What the webhook's answer means.
struct PostOutcome {
    enum class Kind {
        sent,     ///< 2xx: Workflows answers 202, a connector 200 with "1"
        retry,    ///< throttled (429, or a connector's 200 that says so), 408 or 5xx
        refused,  ///< will fail the same way again (400 bad card, 401/403/404 a revoked URL or flow …)
    };
    Kind kind = Kind::retry;
    std::chrono::seconds retry_after{0};  ///< zero: the Retry-After header or our own backoff
    std::string error;  ///< the status and the start of the body (never the URL: it is the credential)
};

PostOutcome classify_post_response(unsigned status, std::string_view body);

}  // namespace superbruger::adapters::teams_webhook
