// Slack request signatures: HMAC-SHA256 in hex over v0:<timestamp>:<body>.
#include "adapters/slack/request_signature.hpp"

#include "adapters/crypto/hmac.hpp"
#include "adapters/error.hpp"

#include <charconv>

namespace superbruger::adapters::slack {

namespace {

[[noreturn]] void refuse(std::string const& reason) { throw AdapterError(AdapterError::Kind::unauthenticated, reason); }

/// Digits only, like the SDKs' int() of the header: no sign, no blanks, no fraction.
bool read_seconds(std::string_view text, long long& out) {
    if (text.empty() || text.size() > 12) return false;
    auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc{} && end == text.data() + text.size() && text.front() != '-' && text.front() != '+';
}

}  // namespace

std::string request_signature(std::string_view signing_secret, std::string_view timestamp, std::string_view raw_body) {
    std::string base = "v0:";
    base.reserve(base.size() + timestamp.size() + 1 + raw_body.size());
    base.append(timestamp).append(":").append(raw_body);
    std::string mac;
    try {
        mac = crypto::hmac_sha256(signing_secret, base);
    } catch (std::exception const& e) {
        refuse(e.what());
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "v0=";
    for (unsigned char byte : mac) {
        out += hex[byte >> 4];
        out += hex[byte & 0xF];
    }
    return out;
}

void verify_request(std::string_view signing_secret, std::string_view timestamp_header, std::string_view signature_header,
                    std::string_view raw_body, std::chrono::system_clock::time_point now, std::chrono::seconds window) {
    if (signing_secret.empty()) refuse("no Slack signing secret configured");
    if (timestamp_header.empty()) refuse("no X-Slack-Request-Timestamp header");
    if (signature_header.empty()) refuse("no X-Slack-Signature header");
    long long seconds = 0;
    if (!read_seconds(timestamp_header, seconds)) refuse("X-Slack-Request-Timestamp is not a number of seconds");
    auto const now_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    auto const age = now_seconds - seconds;
    // Both ways: a timestamp from the future is as suspect as an old one (slack_sdk's
    // SignatureVerifier.is_valid uses abs(now - timestamp) > 60 * 5).
    if (age > window.count() || -age > window.count()) refuse("X-Slack-Request-Timestamp is outside the five-minute window");
    auto const expected = request_signature(signing_secret, timestamp_header, raw_body);
    if (!crypto::equal_in_constant_time(signature_header, expected)) {
        refuse("X-Slack-Signature does not match the body");
    }
}

}  // namespace superbruger::adapters::slack
