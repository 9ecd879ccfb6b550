// HMAC-SHA256 through OpenSSL's one-shot HMAC().
#include "adapters/crypto/hmac.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace superbruger::adapters::crypto {

std::string hmac_sha256(std::string_view key, std::string_view message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    // A zero-length key is legal for HMAC; OpenSSL wants a non-null pointer for it.
    static constexpr unsigned char no_key = 0;
    auto const* k = key.empty() ? &no_key : reinterpret_cast<unsigned char const*>(key.data());
    if (HMAC(EVP_sha256(), k, static_cast<int>(key.size()), reinterpret_cast<unsigned char const*>(message.data()), message.size(), mac,
             &mac_len) == nullptr) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return std::string(reinterpret_cast<char const*>(mac), mac_len);
}

bool equal_in_constant_time(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace superbruger::adapters::crypto
