// JwtSigner through OpenSSL 3.
#include "tests/support/jwt_signer.hpp"

#include "adapters/crypto/base64.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <stdexcept>

namespace superbruger::tests {

using adapters::crypto::base64url_encode;

struct JwtSigner::Key {
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

JwtSigner::JwtSigner(std::string kid) : kid_(std::move(kid)), key_(std::make_unique<Key>()) {
    key_->pkey = EVP_RSA_gen(2048);
    if (key_->pkey == nullptr) throw std::runtime_error("cannot generate an RSA key");
}

JwtSigner::~JwtSigner() = default;

nlohmann::json JwtSigner::jwk(nlohmann::json endorsements) const {
    auto part = [&](char const* name) {
        BIGNUM* bn = nullptr;
        EVP_PKEY_get_bn_param(key_->pkey, name, &bn);
        std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
        BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
        BN_free(bn);
        return base64url_encode(bytes);
    };
    return {{"kty", "RSA"}, {"use", "sig"}, {"kid", kid_}, {"n", part(OSSL_PKEY_PARAM_RSA_N)},
            {"e", part(OSSL_PKEY_PARAM_RSA_E)}, {"endorsements", std::move(endorsements)}};
}

std::string JwtSigner::sign(nlohmann::json const& claims, std::string const& alg) const {
    nlohmann::json const header = {{"alg", alg}, {"typ", "JWT"}, {"kid", kid_}};
    auto const input = base64url_encode(header.dump()) + "." + base64url_encode(claims.dump());
    auto const* md = alg == "RS384" ? EVP_sha384() : alg == "RS512" ? EVP_sha512() : EVP_sha256();
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    if (EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key_->pkey) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<unsigned char const*>(input.data()), input.size()) != 1) {
        throw std::runtime_error("cannot sign");
    }
    std::string signature(length, '\0');
    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<unsigned char const*>(input.data()), input.size());
    signature.resize(length);
    return input + "." + base64url_encode(signature);
}

}  // namespace superbruger::tests
