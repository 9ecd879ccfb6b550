// HMAC-SHA256 against RFC 4231's test case 2, the constant-time comparison, and standard base64.
#include "adapters/crypto/base64.hpp"
#include "adapters/crypto/hmac.hpp"

#include <catch2/catch.hpp>

using namespace superbruger::adapters::crypto;

namespace {
std::string hex(std::string const& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) out += std::string{digits[b >> 4], digits[b & 0xF]};
    return out;
}
}  // namespace

TEST_CASE("HMAC-SHA256 gives RFC 4231's test case 2", "[adapters][crypto]") {
    CHECK(hex(hmac_sha256("Jefe", "what do ya want for nothing?")) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hmac_sha256("", "").size() == 32);
}

TEST_CASE("constant-time comparison tells equal from unequal bytes", "[adapters][crypto]") {
    CHECK(equal_in_constant_time("abc", "abc"));
    CHECK_FALSE(equal_in_constant_time("abc", "abd"));
    CHECK_FALSE(equal_in_constant_time("abc", "abcd"));
    CHECK_FALSE(equal_in_constant_time("", "a"));
    CHECK(equal_in_constant_time("", ""));
}

TEST_CASE("standard base64 round-trips, with or without padding, and refuses other alphabets", "[adapters][crypto]") {
    std::string const bytes = "\xfb\xff\x01 superbruger";
    auto const text = base64_encode(bytes);
    CHECK(text == "+/8BIHN1cGVyYnJ1Z2Vy");
    CHECK(base64_decode(text) == bytes);
    CHECK(base64_decode("TWE=") == std::string("Ma"));
    CHECK(base64_decode("TWE") == std::string("Ma"));
    CHECK_FALSE(base64_decode("-_8B"));       // base64url's alphabet
    CHECK_FALSE(base64url_decode("+/8B"));    // and the other way round
    CHECK(base64url_decode("-_8B") == std::string("\xfb\xff\x01"));
}
