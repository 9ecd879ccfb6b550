// A test signing authority: an RSA key of its own, its JWK, and compact JWTs it signs, so tests
// (and the loopback OpenID/JWKS stand-in) can issue tokens like the Bot Framework's.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace superbruger::tests {

class JwtSigner {
public:
    explicit JwtSigner(std::string kid);  ///< makes a fresh 2048-bit RSA key
    ~JwtSigner();
    JwtSigner(JwtSigner const&) = delete;
    JwtSigner& operator=(JwtSigner const&) = delete;

    /// The public key as a JWK with the Bot Framework's endorsements.
    nlohmann::json jwk(nlohmann::json endorsements = nlohmann::json::array({"msteams"})) const;
    /// header.claims.signature; `alg` other than RS256/384/512 is written but signed with RS256.
    std::string sign(nlohmann::json const& claims, std::string const& alg = "RS256") const;

private:
    std::string kid_;
    struct Key;
    std::unique_ptr<Key> key_;
};

}  // namespace superbruger::tests
