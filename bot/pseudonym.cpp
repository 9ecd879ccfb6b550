// Pseudonyms through OpenSSL's SHA-256.
#include "bot/pseudonym.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace superbruger::bot {

std::string pseudonym(std::string_view platform, std::string_view user_id) {
    std::string input;
    input.reserve(platform.size() + 1 + user_id.size());
    input.append(platform).append(":").append(user_id);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

}  // namespace superbruger::bot
