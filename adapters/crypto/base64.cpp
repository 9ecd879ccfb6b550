// Base64 and base64url through OpenSSL's EVP_DecodeBlock / EVP_EncodeBlock; base64url is mapped
// to and from the standard alphabet.
#include "adapters/crypto/base64.hpp"

#include <openssl/evp.h>

namespace superbruger::adapters::crypto {

namespace {

/// `text` in the standard alphabet without padding.
std::optional<std::string> decode_unpadded(std::string standard) {
    if (standard.size() % 4 == 1) return std::nullopt;
    for (char c : standard) {
        if (c != '+' && c != '/' && !std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
    }
    auto const padding = (4 - standard.size() % 4) % 4;
    standard.append(padding, '=');
    std::string out(standard.size() / 4 * 3, '\0');
    auto const n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                   reinterpret_cast<unsigned char const*>(standard.data()), static_cast<int>(standard.size()));
    if (n < 0) return std::nullopt;
    out.resize(static_cast<std::size_t>(n) - padding);  // EVP_DecodeBlock counts the padding as zero bytes
    return out;
}

std::string_view without_padding(std::string_view text) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
    std::string standard(without_padding(text));
    for (auto& c : standard) {
        if (c == '-') c = '+';
        else if (c == '_') c = '/';
        else if (c == '+' || c == '/') return std::nullopt;  // not in the URL-safe alphabet
    }
    return decode_unpadded(std::move(standard));
}

std::string base64url_encode(std::string_view bytes) {
    auto out = base64_encode(bytes);
    while (!out.empty() && out.back() == '=') out.pop_back();
    for (auto& c : out) {
        if (c == '+') c = '-';
        else if (c == '/') c = '_';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) { return decode_unpadded(std::string(without_padding(text))); }

std::string base64_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    auto const n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                   reinterpret_cast<unsigned char const*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace superbruger::adapters::crypto
