// Slack request signatures: Slack's own worked example, then forged, replayed, unsigned and
// tampered requests.
#include "adapters/error.hpp"
#include "adapters/slack/request_signature.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <cctype>

using namespace superbruger::adapters;
using namespace superbruger::adapters::slack;

namespace {

// https://docs.slack.dev/authentication/verifying-requests-from-slack (the values slack_sdk's
// test_signature_verifier.py uses).
constexpr char const* doc_secret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr char const* doc_timestamp = "1531420618";
constexpr char const* doc_signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

std::chrono::system_clock::time_point at(long long seconds) { return std::chrono::system_clock::time_point(std::chrono::seconds(seconds)); }

std::string doc_body() { return superbruger::tests::protocol_sample("slack-slash-command-signed-body.txt"); }

std::string refusal(std::string_view secret, std::string_view timestamp, std::string_view signature, std::string_view body,
                    std::chrono::system_clock::time_point now) {
    try {
        verify_request(secret, timestamp, signature, body, now);
    } catch (AdapterError const& e) {
        CHECK(e.kind() == AdapterError::Kind::unauthenticated);
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("Slack's documented signing example gives the documented signature", "[adapters][slack]") {
    CHECK(request_signature(doc_secret, doc_timestamp, doc_body()) == doc_signature);
    CHECK_NOTHROW(verify_request(doc_secret, doc_timestamp, doc_signature, doc_body(), at(1531420618)));
    // Anywhere within five minutes either way.
    CHECK_NOTHROW(verify_request(doc_secret, doc_timestamp, doc_signature, doc_body(), at(1531420618 + 300)));
    CHECK_NOTHROW(verify_request(doc_secret, doc_timestamp, doc_signature, doc_body(), at(1531420618 - 300)));
}

TEST_CASE("a replayed Slack request older than five minutes is refused, and one from the future too", "[adapters][slack]") {
    CHECK_THAT(refusal(doc_secret, doc_timestamp, doc_signature, doc_body(), at(1531420618 + 301)), Catch::Contains("five-minute"));
    CHECK_THAT(refusal(doc_secret, doc_timestamp, doc_signature, doc_body(), at(1531420618 - 301)), Catch::Contains("five-minute"));
    // slack_sdk's own case: a clock far from the timestamp.
    CHECK_THAT(refusal(doc_secret, doc_timestamp, doc_signature, doc_body(), at(1700000000)), Catch::Contains("five-minute"));
}

TEST_CASE("a forged or tampered Slack request is refused", "[adapters][slack]") {
    auto const now = at(1531420618);
    // The SDK's tampered body: "------" appended.
    CHECK_THAT(refusal(doc_secret, doc_timestamp, doc_signature, doc_body() + "------", now), Catch::Contains("does not match"));
    CHECK_THAT(refusal("another-secret", doc_timestamp, doc_signature, doc_body(), now), Catch::Contains("does not match"));
    // A fresh timestamp with the old signature: the timestamp is part of what is signed.
    CHECK_THAT(refusal(doc_secret, "1531420619", doc_signature, doc_body(), at(1531420619)), Catch::Contains("does not match"));
    std::string flipped = doc_signature;
    flipped.back() = flipped.back() == '3' ? '4' : '3';
    CHECK_THAT(refusal(doc_secret, doc_timestamp, flipped, doc_body(), now), Catch::Contains("does not match"));
    // Upper-case hex, a missing "v0=", a shorter or longer value: all different strings.
    std::string upper = doc_signature;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(refusal(doc_secret, doc_timestamp, upper, doc_body(), now) != "accepted");
    CHECK(refusal(doc_secret, doc_timestamp, std::string(doc_signature).substr(3), doc_body(), now) != "accepted");
    CHECK(refusal(doc_secret, doc_timestamp, std::string(doc_signature) + "0", doc_body(), now) != "accepted");
    CHECK(refusal(doc_secret, doc_timestamp, "v1=" + std::string(doc_signature).substr(3), doc_body(), now) != "accepted");
}

TEST_CASE("an unsigned Slack request or a bad timestamp is refused", "[adapters][slack]") {
    auto const now = at(1531420618);
    CHECK_THAT(refusal(doc_secret, "", doc_signature, doc_body(), now), Catch::Contains("X-Slack-Request-Timestamp"));
    CHECK_THAT(refusal(doc_secret, doc_timestamp, "", doc_body(), now), Catch::Contains("X-Slack-Signature"));
    CHECK_THAT(refusal(doc_secret, "", "", doc_body(), now), Catch::Contains("header"));
    for (auto const* bad : {"1531420618.5", "-1531420618", "+1531420618", " 1531420618", "1531420618 ", "abc", "99999999999999999999"}) {
        CAPTURE(bad);
        CHECK_THAT(refusal(doc_secret, bad, doc_signature, doc_body(), now), Catch::Contains("number of seconds"));
    }
}

TEST_CASE("without a signing secret every Slack request is refused", "[adapters][slack]") {
    auto const now = at(1531420618);
    // Even one signed with the empty key: an unset secret must not be a secret anybody knows.
    auto const signed_with_nothing = request_signature("", doc_timestamp, doc_body());
    CHECK_THAT(refusal("", doc_timestamp, signed_with_nothing, doc_body(), now), Catch::Contains("no Slack signing secret"));
}
