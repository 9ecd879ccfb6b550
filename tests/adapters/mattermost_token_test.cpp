// Mattermost's request tokens: the webhook's body token, the command's Authorization header, the
// refusals of wrong, missing and unconfigured tokens.
#include "adapters/error.hpp"
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/request_token.hpp"
#include "tests/support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace superbruger::adapters;
using namespace superbruger::adapters::mattermost;

namespace {

std::string sample(std::string const& name) { return superbruger::tests::protocol_sample(name); }

/// A header's value from a published .http sample.
std::string header(std::string const& http, std::string const& name) {
    auto const at = http.find("\n" + name + ": ");
    REQUIRE(at != std::string::npos);
    auto const start = at + name.size() + 3;
    return http.substr(start, http.find('\n', start) - start);
}

std::string wire_body(std::string const& http) {
    std::string body;
    for (char c : http.substr(http.find("\n\n") + 2)) {
        if (c != '\n') body += c;
    }
    return body;
}

void check_unauthenticated(std::function<void()> const& call) {
    try {
        call();
        FAIL("no AdapterError");
    } catch (AdapterError const& e) {
        CHECK(e.kind() == AdapterError::Kind::unauthenticated);
    }
}

std::vector<std::string> const configured = {"qzgakf1nx3yt9dr4n8585ihbxy", "zmigewsanbbsdf59xnmduzypjc"};

}  // namespace

TEST_CASE("the docs' outgoing webhook token is accepted and a wrong one refused", "[adapters][mattermost]") {
    auto const in = parse_outgoing_webhook("application/x-www-form-urlencoded", wire_body(sample("mattermost-outgoing-webhook-request.http")));
    CHECK_NOTHROW(verify_token(in.token, configured));
    check_unauthenticated([&] { verify_token(in.token, {"qzgakf1nx3yt9dr4n8585ihbxy"}); });
    check_unauthenticated([] { verify_token("zmigewsanbbsdf59xnmduzypjd", configured); });  // last character
    check_unauthenticated([] { verify_token("zmigewsanbbsdf59xnmduzypj", configured); });   // a prefix
    check_unauthenticated([] { verify_token("", configured); });
    // Nothing configured, or only empty tokens: nothing is accepted, not even an empty token.
    check_unauthenticated([] { verify_token("zmigewsanbbsdf59xnmduzypjc", {}); });
    check_unauthenticated([] { verify_token("", {""}); });
}

TEST_CASE("the docs' slash command is accepted by its Authorization header and body token", "[adapters][mattermost]") {
    auto const http = sample("mattermost-slash-command-request.http");
    auto const authorization = header(http, "Authorization");
    CHECK(authorization == "Token qzgakf1nx3yt9dr4n8585ihbxy");
    CHECK(token_of_authorization(authorization) == "qzgakf1nx3yt9dr4n8585ihbxy");
    auto const in = parse_slash_command("application/x-www-form-urlencoded", wire_body(http));
    CHECK_NOTHROW(verify_command_token(authorization, in.token, configured));
    // Either alone is enough.
    CHECK_NOTHROW(verify_command_token(authorization, "", configured));
    CHECK_NOTHROW(verify_command_token("", in.token, configured));
    check_unauthenticated([&] { verify_command_token(authorization, in.token, {"zmigewsanbbsdf59xnmduzypjc"}); });
}

TEST_CASE("Authorization headers: the scheme, blanks, and what is no token", "[adapters][mattermost]") {
    CHECK(token_of_authorization("token abc") == "abc");
    CHECK(token_of_authorization("  Token   abc  ") == "abc");
    CHECK(token_of_authorization("Bearer abc") == "abc");
    CHECK(token_of_authorization("Basic YWJjOmRlZg==").empty());
    CHECK(token_of_authorization("Token").empty());
    CHECK(token_of_authorization("Token a b").empty());
    CHECK(token_of_authorization("").empty());
    // A header and a body that disagree are refused even when one of them is right.
    check_unauthenticated([] { verify_command_token("Token qzgakf1nx3yt9dr4n8585ihbxy", "forged", configured); });
    check_unauthenticated([] { verify_command_token("Token forged", "qzgakf1nx3yt9dr4n8585ihbxy", configured); });
    // A header that is there but no token is not silently replaced by the body's.
    check_unauthenticated([] { verify_command_token("Basic eA==", "qzgakf1nx3yt9dr4n8585ihbxy", configured); });
    check_unauthenticated([] { verify_command_token("", "", configured); });
}
