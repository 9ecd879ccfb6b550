// Secrets from the environment: a missing one says what to set; a URL that is its own credential
// must be https (plain http only to loopback), and an error never quotes it.
#include "bot/channels/channel_secret.hpp"
#include "bot/error.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace superbruger::bot;

namespace {
std::string refusal(char const* value) {
    ::setenv("SB_TEST_SECRET_URL", value, 1);
    try {
        (void)channels::secret_url_from_environment("SB_TEST_SECRET_URL", "x.y", "'x.enabled' is true", "a URL");
    } catch (BotError const& e) {
        CHECK(e.kind() == BotError::Kind::config);
        return e.what();
    }
    return {};
}
}  // namespace

TEST_CASE("a secret URL must be https, or http to loopback, and is never quoted", "[bot][config][channels]") {
    CHECK(refusal("https://prod-01.westeurope.logic.azure.com/workflows/abc?sig=secret").empty());
    CHECK(refusal("http://127.0.0.1:8080/hooks/abc").empty());
    CHECK(refusal("http://[::1]:8080/hooks/abc").empty());
    CHECK(refusal("http://localhost/hooks/abc").empty());
    auto const plain = refusal("http://chat.example.dk/hooks/topsecret");
    CHECK_THAT(plain, Catch::Contains("SB_TEST_SECRET_URL") && Catch::Contains("x.y") && !Catch::Contains("topsecret"));
    CHECK_THAT(refusal("ftp://x/topsecret"), !Catch::Contains("topsecret"));
    CHECK_THAT(refusal("not a url topsecret"), Catch::Contains("no https:// URL") && !Catch::Contains("topsecret"));
    ::unsetenv("SB_TEST_SECRET_URL");
    CHECK_THROWS_AS(channels::secret_url_from_environment("SB_TEST_SECRET_URL", "x.y", "'x.enabled' is true", "a URL"), BotError);
}
