// JSON Web Tokens signed with RSA (RS256/384/512) and verified against JSON Web Keys, as the
// Bot Framework signs the requests it sends to a bot. Only what that check needs: no other
// algorithms, and "none" or HMAC tokens are refused outright (no algorithm confusion).
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::adapters::crypto {

/// An RSA public key from a JWKS, with the Bot Framework's extra `endorsements` (channel ids).
class RsaJwk {
public:
    /// Throws AdapterError{unauthenticated} for a key that is not a usable RSA key.
    explicit RsaJwk(nlohmann::json const& jwk);
    ~RsaJwk();
    RsaJwk(RsaJwk&&) noexcept;
    RsaJwk& operator=(RsaJwk&&) noexcept;

    std::string const& kid() const noexcept { return kid_; }
    std::vector<std::string> const& endorsements() const noexcept { return endorsements_; }

    /// True when `signature` is this key's signature of `signed_input` with `alg`.
    bool verifies(std::string_view alg, std::string_view signed_input, std::string_view signature) const;

private:
    std::string kid_;
    std::vector<std::string> endorsements_;
    struct Key;
    std::unique_ptr<Key> key_;
};

/// Parses a JWKS document ({"keys": [...]}); keys that are not RSA signing keys are skipped.
std::vector<RsaJwk> parse_jwks(nlohmann::json const& jwks);

struct Jwt {
    nlohmann::json header;
    nlohmann::json claims;
    std::string signed_input;  ///< "<header>.<payload>" as received
    std::string signature;     ///< raw bytes
};

/// Splits and decodes a compact JWT. Throws AdapterError{unauthenticated} naming what is wrong.
Jwt parse_jwt(std::string_view compact);

struct ClaimRules {
    std::string issuer;
    std::vector<std::string> audiences;  ///< the token's aud must be one of these
    std::chrono::seconds clock_skew{300};
};

/// Algorithm, issuer, audience and validity period (exp required, nbf if present), with skew.
/// Throws AdapterError{unauthenticated} naming the first failed rule.
void check_claims(Jwt const& token, ClaimRules const& rules, std::chrono::system_clock::time_point now);

}  // namespace superbruger::adapters::crypto
