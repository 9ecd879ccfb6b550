// JWT parsing and RSA verification through OpenSSL 3's EVP interfaces.
#include "adapters/crypto/jwt.hpp"

#include "adapters/crypto/base64.hpp"
#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <algorithm>

namespace superbruger::adapters::crypto {

namespace {

[[noreturn]] void refuse(std::string const& reason) { throw AdapterError(AdapterError::Kind::unauthenticated, reason); }

EVP_MD const* digest_for(std::string_view alg) {
    if (alg == "RS256") return EVP_sha256();
    if (alg == "RS384") return EVP_sha384();
    if (alg == "RS512") return EVP_sha512();
    return nullptr;
}

struct BnFree {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;

/// A string member, or `fallback` when it is absent or not a string: tokens and key sets come
/// from outside, and json::value() would throw type_error for {"alg": 5}.
std::string string_field(nlohmann::json const& object, char const* key, std::string fallback = {}) {
    auto const it = object.find(key);
    if (it == object.end()) return fallback;
    return it->is_string() ? it->get<std::string>() : std::string();
}

Bn bignum_from(nlohmann::json const& jwk, char const* field) {
    if (!jwk.contains(field) || !jwk[field].is_string()) refuse(std::string("JWK without '") + field + "'");
    auto bytes = base64url_decode(jwk[field].get<std::string>());
    if (!bytes || bytes->empty()) refuse(std::string("JWK '") + field + "' is not base64url");
    return Bn(BN_bin2bn(reinterpret_cast<unsigned char const*>(bytes->data()), static_cast<int>(bytes->size()), nullptr));
}

}  // namespace

struct RsaJwk::Key {
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

RsaJwk::RsaJwk(nlohmann::json const& jwk) : key_(std::make_unique<Key>()) {
    if (!jwk.is_object() || string_field(jwk, "kty") != "RSA") refuse("JWK is not an RSA key");
    kid_ = string_field(jwk, "kid");
    if (jwk.contains("endorsements") && jwk["endorsements"].is_array()) {
        for (auto const& e : jwk["endorsements"]) {
            if (e.is_string()) endorsements_.push_back(e.get<std::string>());
        }
    }
    auto n = bignum_from(jwk, "n");
    auto e = bignum_from(jwk, "e");
    if (BN_num_bits(n.get()) < 2048) refuse("JWK RSA modulus is shorter than 2048 bits");
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!build || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        refuse("cannot build RSA key parameters");
    }
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(build.get()), OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                                                                   EVP_PKEY_CTX_free);
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key_->pkey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        refuse("cannot make an RSA key from the JWK");
    }
}

RsaJwk::~RsaJwk() = default;
RsaJwk::RsaJwk(RsaJwk&&) noexcept = default;
RsaJwk& RsaJwk::operator=(RsaJwk&&) noexcept = default;

bool RsaJwk::verifies(std::string_view alg, std::string_view signed_input, std::string_view signature) const {
    auto const* md = digest_for(alg);
    if (md == nullptr) return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key_->pkey) != 1) return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<unsigned char const*>(signature.data()), signature.size(),
                            reinterpret_cast<unsigned char const*>(signed_input.data()), signed_input.size()) == 1;
}

std::vector<RsaJwk> parse_jwks(nlohmann::json const& jwks) {
    std::vector<RsaJwk> keys;
    if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array()) return keys;
    for (auto const& jwk : jwks["keys"]) {
        if (!jwk.is_object() || string_field(jwk, "use", "sig") != "sig") continue;
        try {
            keys.emplace_back(jwk);
        } catch (AdapterError const&) {
            // A key we cannot use is skipped; a token signed with it then finds no key.
        }
    }
    return keys;
}

Jwt parse_jwt(std::string_view compact) {
    auto const first = compact.find('.');
    auto const second = first == std::string_view::npos ? first : compact.find('.', first + 1);
    if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
        refuse("token is not a JWT (three dot-separated parts)");
    }
    auto header = base64url_decode(compact.substr(0, first));
    auto claims = base64url_decode(compact.substr(first + 1, second - first - 1));
    auto signature = base64url_decode(compact.substr(second + 1));
    if (!header || !claims || !signature) refuse("token part is not base64url");
    Jwt jwt;
    jwt.header = parse_untrusted_json(*header);
    jwt.claims = parse_untrusted_json(*claims);
    if (!jwt.header.is_object() || !jwt.claims.is_object()) refuse("token header or claims are not JSON objects");
    jwt.signed_input = std::string(compact.substr(0, second));
    jwt.signature = std::move(*signature);
    return jwt;
}

void check_claims(Jwt const& token, ClaimRules const& rules, std::chrono::system_clock::time_point now) {
    auto const alg = string_field(token.header, "alg");
    if (digest_for(alg) == nullptr) refuse("token algorithm '" + alg + "' is not allowed");
    if (!token.claims.contains("iss") || token.claims["iss"] != rules.issuer) refuse("token issuer is not " + rules.issuer);

    bool audience_ok = false;
    if (auto const& aud = token.claims.contains("aud") ? token.claims["aud"] : nlohmann::json(); aud.is_string()) {
        audience_ok = std::find(rules.audiences.begin(), rules.audiences.end(), aud.get<std::string>()) != rules.audiences.end();
    } else if (aud.is_array()) {
        for (auto const& a : aud) {
            audience_ok |= a.is_string() &&
                           std::find(rules.audiences.begin(), rules.audiences.end(), a.get<std::string>()) != rules.audiences.end();
        }
    }
    if (!audience_ok) refuse("token audience is not this bot");

    auto const seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    auto const skew = rules.clock_skew.count();
    if (!token.claims.contains("exp") || !token.claims["exp"].is_number()) refuse("token has no expiry");
    if (token.claims["exp"].get<double>() + static_cast<double>(skew) < static_cast<double>(seconds)) refuse("token has expired");
    if (token.claims.contains("nbf")) {
        if (!token.claims["nbf"].is_number()) refuse("token nbf is not a number");
        if (token.claims["nbf"].get<double>() - static_cast<double>(skew) > static_cast<double>(seconds)) refuse("token is not valid yet");
    }
}

}  // namespace superbruger::adapters::crypto
