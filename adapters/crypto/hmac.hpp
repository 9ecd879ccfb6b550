// HMAC-SHA256 and a constant-time comparison (OpenSSL), for the platforms that sign requests
// with a shared secret (Slack, Teams outgoing webhooks).
#pragma once

#include <string>
#include <string_view>

namespace superbruger::adapters::crypto {

/// The 32 raw bytes of HMAC-SHA256(key, message). An empty key is allowed, as in HMAC itself.
std::string hmac_sha256(std::string_view key, std::string_view message);

/// True when both hold the same bytes, in time that depends on the length only (CRYPTO_memcmp),
/// so a caller guessing a MAC learns nothing from how long a refusal took.
bool equal_in_constant_time(std::string_view a, std::string_view b) noexcept;

}  // namespace superbruger::adapters::crypto
