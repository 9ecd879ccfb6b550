// JWT verification as the Bot Framework check needs it: a good token passes; a forged, expired,
// early, misaddressed or wrongly signed one is refused with a reason.
#include "adapters/crypto/base64.hpp"
#include "adapters/crypto/jwt.hpp"
#include "adapters/error.hpp"
#include "tests/support/jwt_signer.hpp"

#include <catch2/catch.hpp>

using namespace superbruger;
using namespace superbruger::adapters::crypto;
using namespace std::chrono_literals;

namespace {

auto const now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
long long at(std::chrono::seconds offset) { return std::chrono::duration_cast<std::chrono::seconds>((now + offset).time_since_epoch()).count(); }

nlohmann::json good_claims() {
    return {{"iss", "https://api.botframework.com"}, {"aud", "app-id"}, {"exp", at(1h)}, {"nbf", at(-5min)},
            {"serviceurl", "https://smba.trafficmanager.net/teams/"}};
}

ClaimRules const rules{"https://api.botframework.com", {"app-id"}, 300s};

std::string refusal(std::function<void()> const& check) {
    try {
        check();
    } catch (adapters::AdapterError const& e) {
        CHECK(e.kind() == adapters::AdapterError::Kind::unauthenticated);
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("base64url round trips and refuses foreign characters", "[adapters][crypto]") {
    for (std::string s : {"", "f", "fo", "foo", "foob", "\xff\xfe\x00zz"}) CHECK(base64url_decode(base64url_encode(s)) == s);
    CHECK(base64url_encode("\xfb\xff") == "-_8");
    CHECK_FALSE(base64url_decode("ab+c"));
    CHECK_FALSE(base64url_decode("a"));
}

TEST_CASE("a token signed by the key verifies and its claims pass", "[adapters][crypto][jwt]") {
    tests::JwtSigner signer("key-1");
    RsaJwk key(signer.jwk());
    CHECK(key.kid() == "key-1");
    CHECK(key.endorsements() == std::vector<std::string>{"msteams"});
    for (std::string alg : {"RS256", "RS384", "RS512"}) {
        auto token = parse_jwt(signer.sign(good_claims(), alg));
        CHECK(key.verifies(token.header["alg"].get<std::string>(), token.signed_input, token.signature));
        CHECK(refusal([&] { check_claims(token, rules, now); }) == "accepted");
    }
}

TEST_CASE("forged and wrongly signed tokens do not verify", "[adapters][crypto][jwt]") {
    tests::JwtSigner signer("key-1");
    tests::JwtSigner other("key-1");  // same kid, different key: an impostor
    RsaJwk key(signer.jwk());
    auto forged = parse_jwt(other.sign(good_claims()));
    CHECK_FALSE(key.verifies("RS256", forged.signed_input, forged.signature));

    // A good signature over other claims: change one claim and keep the signature.
    auto compact = signer.sign(good_claims());
    auto tampered_claims = good_claims();
    tampered_claims["aud"] = "someone-else";
    auto const dot1 = compact.find('.');
    auto const dot2 = compact.find('.', dot1 + 1);
    auto tampered = parse_jwt(compact.substr(0, dot1 + 1) + base64url_encode(tampered_claims.dump()) + compact.substr(dot2));
    CHECK_FALSE(key.verifies("RS256", tampered.signed_input, tampered.signature));
    // An algorithm the key does not do.
    auto token = parse_jwt(compact);
    CHECK_FALSE(key.verifies("HS256", token.signed_input, token.signature));
}

TEST_CASE("claims are checked: algorithm, issuer, audience, expiry, not-before with skew", "[adapters][crypto][jwt]") {
    tests::JwtSigner signer("k");
    auto with = [&](std::string const& field, nlohmann::json value, std::string const& alg = "RS256") {
        auto claims = good_claims();
        if (value.is_null()) claims.erase(field);
        else claims[field] = std::move(value);
        return parse_jwt(signer.sign(claims, alg));
    };
    CHECK_THAT(refusal([&] { check_claims(with("iss", "https://evil.example"), rules, now); }), Catch::Contains("issuer"));
    CHECK_THAT(refusal([&] { check_claims(with("aud", "other-app"), rules, now); }), Catch::Contains("audience"));
    CHECK(refusal([&] { check_claims(with("aud", nlohmann::json::array({"x", "app-id"})), rules, now); }) == "accepted");
    CHECK_THAT(refusal([&] { check_claims(with("exp", at(-6min)), rules, now); }), Catch::Contains("expired"));
    CHECK(refusal([&] { check_claims(with("exp", at(-4min)), rules, now); }) == "accepted");  // within the 5 min skew
    CHECK_THAT(refusal([&] { check_claims(with("exp", nullptr), rules, now); }), Catch::Contains("no expiry"));
    CHECK_THAT(refusal([&] { check_claims(with("nbf", at(6min)), rules, now); }), Catch::Contains("not valid yet"));
    CHECK_THAT(refusal([&] { check_claims(with("iss", "https://api.botframework.com", "none"), rules, now); }),
               Catch::Contains("algorithm"));
    CHECK_THAT(refusal([&] { check_claims(with("iss", "https://api.botframework.com", "HS256"), rules, now); }),
               Catch::Contains("algorithm"));
}

TEST_CASE("malformed tokens and keys are refused, not crashed on", "[adapters][crypto][jwt]") {
    CHECK_THAT(refusal([] { parse_jwt("abc"); }), Catch::Contains("three"));
    CHECK_THAT(refusal([] { parse_jwt("a.b.c.d"); }), Catch::Contains("three"));
    CHECK_THAT(refusal([] { parse_jwt("!!.e30.e30"); }), Catch::Contains("base64url"));
    CHECK_THAT(refusal([] { parse_jwt(base64url_encode("[1]") + ".e30.e30"); }), Catch::Contains("JSON objects"));
    CHECK_THAT(refusal([] { RsaJwk(nlohmann::json{{"kty", "EC"}}); }), Catch::Contains("RSA"));
    CHECK_THAT(refusal([] { RsaJwk(nlohmann::json{{"kty", "RSA"}, {"n", "AQAB"}, {"e", "AQAB"}}); }), Catch::Contains("2048"));

    tests::JwtSigner signer("k1");
    auto jwks = nlohmann::json{{"keys", {signer.jwk(), {{"kty", "EC"}, {"kid", "ec"}}, nlohmann::json{{"kty", "RSA"}, {"use", "enc"}}}}};
    auto keys = parse_jwks(jwks);
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].kid() == "k1");
    CHECK(parse_jwks(nlohmann::json::array()).empty());
}

TEST_CASE("token and key fields of the wrong JSON type are refused, not thrown as type errors", "[adapters][crypto][hardening]") {
    auto const part = [](char const* json) { return base64url_encode(json); };
    ClaimRules const rules{"https://api.botframework.com", {"app"}, 300s};
    for (auto const* header : {R"({"alg": 5})", R"({"alg": null})", R"({"alg": ["RS256"]})"}) {
        INFO(header);
        auto const token = parse_jwt(part(header) + "." + part(R"({"iss":"https://api.botframework.com","aud":"app","exp":1})") + ".c2ln");
        CHECK_THROWS_AS(check_claims(token, rules, std::chrono::system_clock::now()), adapters::AdapterError);
    }
    auto const keys = parse_jwks(nlohmann::json::parse(R"({"keys":[{"kty":5},{"kty":"RSA","kid":7,"n":"AQAB","e":"AQAB"},{"use":1},7]})"));
    CHECK(keys.empty());
}
