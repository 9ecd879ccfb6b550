// The Bot Framework's check of an incoming request (Connector → bot), as specified in "Authenticate
// requests with the Bot Connector API" (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): Bearer JWT, signed by a
// key from the OpenID metadata's JWKS, issuer, audience = our app id, validity with 5 minutes'
// skew, the key's endorsements include the activity's channel, and the token's `serviceurl`
// claim equals the activity's serviceUrl. There is deliberately no switch to turn it off.
// The token is checked in two halves so that nothing of the body is parsed for a request whose
// token is not genuine: the body only supplies the channel and serviceUrl for the second half.
#pragma once

#include "adapters/crypto/jwt.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::adapters::bot_framework {

struct AuthSettings {
    std::string issuer = "https://api.botframework.com";
    std::string app_id;  ///< the bot's Microsoft App ID: the only audience accepted
    std::chrono::seconds clock_skew{300};
};

/// The signing key with that key id, or null when the key set (even refreshed) has none.
using KeyLookup = std::function<crypto::RsaJwk const*(std::string const& kid)>;

/// What a token that passed the check vouches for; the activity it came with must match it.
struct TrustedToken {
    std::string service_url;                ///< the token's `serviceurl` claim (may be empty: then no activity matches)
    std::vector<std::string> endorsements;  ///< channels the signing key may sign for; empty: any
    std::chrono::system_clock::time_point valid_until;  ///< the token's expiry plus the skew
};

/// The token on its own: header shape, issuer, audience, validity and signature. It needs
/// nothing from the request body, so it runs before the body is read. Throws
/// AdapterError{unauthenticated} with the reason (for the log, never for the caller).
TrustedToken authenticate_token(std::string_view authorization, AuthSettings const& settings, KeyLookup const& keys,
                                std::chrono::system_clock::time_point now);

/// The activity against the token that brought it: the key is endorsed for its channel and the
/// token's serviceurl claim equals its serviceUrl. Throws AdapterError{unauthenticated}.
void check_activity_matches(TrustedToken const& token, std::string_view channel_id, std::string_view service_url);

}  // namespace superbruger::adapters::bot_framework
