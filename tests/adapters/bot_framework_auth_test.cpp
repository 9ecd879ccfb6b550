// Bot Framework request authentication: every rule of "Authenticate requests with the Bot
// Connector API" refuses on its own.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
#include "adapters/bot_framework/request_auth.hpp"
#include "adapters/error.hpp"
#include "tests/support/jwt_signer.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::adapters;
using namespace std::chrono_literals;

namespace {

auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
std::string const service_url = "https://smba.trafficmanager.net/teams/";

struct Fixture {
    tests::JwtSigner signer{"bf-key"};
    tests::JwtSigner impostor{"bf-key"};
    crypto::RsaJwk key{signer.jwk()};
    bot_framework::AuthSettings settings{"https://api.botframework.com", "app-id", 300s};
    bot_framework::KeyLookup keys = [this](std::string const& kid) { return kid == "bf-key" ? &key : nullptr; };

    nlohmann::json claims() const {
        auto const t = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
        return {{"iss", "https://api.botframework.com"}, {"aud", "app-id"}, {"exp", t + 3600}, {"nbf", t - 60},
                {"serviceurl", service_url}};
    }

    std::string check(std::string const& authorization, std::string const& channel = "msteams",
                      std::string const& url = service_url) const {
        try {
            auto const token = bot_framework::authenticate_token(authorization, settings, keys, now);
            bot_framework::check_activity_matches(token, channel, url);
            return "trusted";
        } catch (AdapterError const& e) {
            return e.what();
        }
    }
};

}  // namespace

TEST_CASE("a request signed by the Bot Framework's key for this bot is trusted", "[adapters][bot_framework][auth]") {
    Fixture f;
    CHECK(f.check("Bearer " + f.signer.sign(f.claims())) == "trusted");
}

TEST_CASE("each failed rule refuses the request", "[adapters][bot_framework][auth]") {
    Fixture f;
    auto token = f.signer.sign(f.claims());
    CHECK_THAT(f.check(""), Catch::Contains("no Bearer"));
    CHECK_THAT(f.check("bearer " + token), Catch::Contains("no Bearer"));
    CHECK_THAT(f.check("Bearer " + token + " extra"), Catch::Contains("malformed"));
    CHECK_THAT(f.check("Bearer " + f.impostor.sign(f.claims())), Catch::Contains("signature"));

    auto claims = f.claims();
    claims["aud"] = "another-bot";
    CHECK_THAT(f.check("Bearer " + f.signer.sign(claims)), Catch::Contains("audience"));
    claims = f.claims();
    claims["iss"] = "https://sts.windows.net/x/";
    CHECK_THAT(f.check("Bearer " + f.signer.sign(claims)), Catch::Contains("issuer"));
    claims = f.claims();
    claims["exp"] = claims["nbf"].get<long long>() - 600;
    CHECK_THAT(f.check("Bearer " + f.signer.sign(claims)), Catch::Contains("expired"));

    tests::JwtSigner unknown("other-key");
    CHECK_THAT(f.check("Bearer " + unknown.sign(f.claims())), Catch::Contains("no signing key"));

    CHECK_THAT(f.check("Bearer " + token, "msteams", "https://evil.example/"), Catch::Contains("serviceurl"));
    claims = f.claims();
    claims.erase("serviceurl");
    CHECK_THAT(f.check("Bearer " + f.signer.sign(claims)), Catch::Contains("serviceurl"));
    CHECK_THAT(f.check("Bearer " + token, "slack"), Catch::Contains("not endorsed"));
}

TEST_CASE("the token is judged without the activity, and the activity is then held to it", "[adapters][bot_framework][auth]") {
    Fixture f;
    auto const token = bot_framework::authenticate_token("Bearer " + f.signer.sign(f.claims()), f.settings, f.keys, now);
    CHECK(token.service_url == service_url);
    CHECK(token.valid_until == now + 3600s + 300s);
    CHECK_NOTHROW(bot_framework::check_activity_matches(token, "msteams", service_url));
    CHECK_THROWS_AS(bot_framework::check_activity_matches(token, "msteams", service_url + "x"), AdapterError);
    // A forged token fails before any activity exists to be read.
    CHECK_THROWS_AS(bot_framework::authenticate_token("Bearer " + f.impostor.sign(f.claims()), f.settings, f.keys, now), AdapterError);
}
