// Slack's signed requests ("Verifying requests from Slack",
// https://docs.slack.dev/authentication/verifying-requests-from-slack): every HTTP request Slack
// sends (events, slash commands, interactivity) carries X-Slack-Request-Timestamp and
// X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body)).
// The check needs only the headers and the raw bytes, so it runs before anything parses the body.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace superbruger::adapters::slack {

/// Slack's replay window: the SDKs refuse a timestamp more than five minutes from now, either way.
inline constexpr std::chrono::seconds signature_window{300};

/// "v0=" followed by the lower-case hex HMAC-SHA256 of the base string.
std::string request_signature(std::string_view signing_secret, std::string_view timestamp, std::string_view raw_body);

/// Throws AdapterError{unauthenticated} with the reason (for the log) unless both headers are
/// present, the timestamp is whole seconds within `window` of `now`, and the signature matches
/// (compared in constant time). An empty signing secret refuses everything: a bot without one
/// configured must not accept requests anybody could sign.
void verify_request(std::string_view signing_secret, std::string_view timestamp_header, std::string_view signature_header,
                    std::string_view raw_body, std::chrono::system_clock::time_point now,
                    std::chrono::seconds window = signature_window);

}  // namespace superbruger::adapters::slack
