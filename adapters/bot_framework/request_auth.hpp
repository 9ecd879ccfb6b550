// The Bot Framework's check of an incoming request (Connector → bot), as specified in "Authenticate
// requests with the Bot Connector API" (shared/design/protocols.md §1.3): Bearer JWT, signed by a
// key from the OpenID metadata's JWKS, issuer, audience = our app id, validity with 5 minutes'
// skew, the key's endorsements include the activity's channel, and the token's `serviceurl`
// claim equals the activity's serviceUrl. There is deliberately no switch to turn it off.
#pragma once

#include "adapters/crypto/jwt.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace superbruger::adapters::bot_framework {

struct AuthSettings {
    std::string issuer = "https://api.botframework.com";
    std::string app_id;  ///< the bot's Microsoft App ID: the only audience accepted
    std::chrono::seconds clock_skew{300};
};

/// The signing key with that key id, or null when the key set (even refreshed) has none.
using KeyLookup = std::function<crypto::RsaJwk const*(std::string const& kid)>;

/// Returns when the token stops being acceptable (its expiry plus the skew) when the request may
/// be trusted; otherwise throws AdapterError{unauthenticated} with the reason (for the log, never
/// for the caller).
std::chrono::system_clock::time_point authenticate(std::string_view authorization, std::string_view channel_id, std::string_view service_url,
                  AuthSettings const& settings, KeyLookup const& keys, std::chrono::system_clock::time_point now);

}  // namespace superbruger::adapters::bot_framework
