// The Workflows envelope around an Adaptive Card without submit actions, and what its answers mean.
#include "adapters/teams_webhook/workflows_post.hpp"

#include "adapters/bot_framework/message_activity.hpp"
#include "adapters/teams_webhook/outgoing_webhook.hpp"

namespace superbruger::adapters::teams_webhook {

namespace {

/// A connector that was throttled still answers 200, with this in its body
/// (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#rate-limiting-for-connectors).
constexpr std::string_view throttled_marker = "HTTP error 429";
/// ... and a connector that could not deliver for another reason says this.
constexpr std::string_view failed_marker = "delivery failed";
/// A connector's window is 60 posts per 30 seconds at most; a throttled one waits out a window.
constexpr std::chrono::seconds connector_window{30};

std::string error_of(unsigned status, std::string_view body) {
    // Cut at a character (never inside one): the excerpt goes into the outbox row as text.
    auto excerpt = bot_framework::shortened(std::string(body.substr(0, 4096)), 200);
    return "HTTP " + std::to_string(status) + (excerpt.empty() ? "" : ": " + excerpt);
}

std::string post_body(ChatReply const& reply) {
    ChatReply shown = reply;
    shown.actions.clear();
    shown.form.reset();
    JsonWriter w;
    w.begin_object().member("type", "message").key("attachments").begin_array();
    // contentUrl null as in Microsoft's sample; some connector versions refuse a card without it.
    w.begin_object().member("contentType", "application/vnd.microsoft.card.adaptive").key("contentUrl").null().key("content");
    bot_framework::write_adaptive_card(w, shown, actions_to_type(reply));
    w.end_object().end_array().end_object();
    return w.take();
}

}  // namespace

std::string workflows_post_body(ChatReply const& reply, std::size_t max_bytes) {
    ChatReply fitted = reply;
    for (;;) {
        auto body = post_body(fitted);
        if (body.size() <= max_bytes) return body;
        // A quarter off the text at a time (it is in the card twice: its blocks and fallbackText),
        // then off the footer, then the hints: every round shrinks something, so this ends.
        if (auto const units = bot_framework::utf16_units(fitted.text); units > 1) {
            fitted.text = bot_framework::shortened(fitted.text, units * 3 / 4);
        } else if (auto const footer = bot_framework::utf16_units(fitted.footer); footer > 1) {
            fitted.footer = bot_framework::shortened(fitted.footer, footer * 3 / 4);
        } else if (!fitted.actions.empty()) {
            fitted.actions.pop_back();
        } else {
            return body;  // nothing left to shorten but the envelope
        }
    }
}

PostOutcome classify_post_response(unsigned status, std::string_view body) {
    PostOutcome o;
    o.error = error_of(status, body);
    if (status == 429 || status == 408 || status >= 500) return o;  // retry
    if (status >= 200 && status < 300) {
        if (body.find(throttled_marker) != std::string_view::npos) {
            o.retry_after = connector_window;
            return o;
        }
        if (body.find(failed_marker) != std::string_view::npos) {
            o.kind = PostOutcome::Kind::refused;
            return o;
        }
        o.kind = PostOutcome::Kind::sent;
        o.error.clear();
        return o;
    }
    o.kind = PostOutcome::Kind::refused;
    return o;
}

}  // namespace superbruger::adapters::teams_webhook
