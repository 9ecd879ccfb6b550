// Bot Framework request authentication: the order follows the SDK (botframework-connector
// jwtTokenExtractor.ts): header shape, then the cheap claim checks, then the signature; the
// endorsements and the serviceUrl claim are checked once the body has been read.
#include "adapters/bot_framework/request_auth.hpp"

#include "adapters/error.hpp"

#include <algorithm>

namespace superbruger::adapters::bot_framework {

namespace {
[[noreturn]] void refuse(std::string const& reason) { throw AdapterError(AdapterError::Kind::unauthenticated, reason); }
}  // namespace

TrustedToken authenticate_token(std::string_view authorization, AuthSettings const& settings, KeyLookup const& keys,
                                std::chrono::system_clock::time_point now) {
    // The SDK splits on one space and wants exactly "Bearer <token>", scheme case-sensitive.
    constexpr std::string_view scheme = "Bearer ";
    if (!authorization.starts_with(scheme)) refuse("no Bearer token in Authorization");
    auto const compact = authorization.substr(scheme.size());
    if (compact.empty() || compact.find(' ') != std::string_view::npos) refuse("malformed Authorization header");

    auto const token = crypto::parse_jwt(compact);
    crypto::check_claims(token, {settings.issuer, {settings.app_id}, settings.clock_skew}, now);

    auto const kid = token.header.value("kid", "");
    auto const* key = keys(kid);
    if (key == nullptr) refuse("no signing key with id '" + kid + "'");
    if (!key->verifies(token.header.value("alg", ""), token.signed_input, token.signature)) refuse("token signature is invalid");

    TrustedToken trusted;
    // The claim is "serviceurl" in lower case (botframework-connector channelValidation.ts).
    if (auto it = token.claims.find("serviceurl"); it != token.claims.end() && it->is_string()) trusted.service_url = it->get<std::string>();
    trusted.endorsements = key->endorsements();
    auto const exp = std::chrono::seconds(static_cast<long long>(token.claims["exp"].get<double>()));
    trusted.valid_until = std::chrono::system_clock::time_point(exp) + settings.clock_skew;
    return trusted;
}

void check_activity_matches(TrustedToken const& token, std::string_view channel_id, std::string_view service_url) {
    // Endorsements: a key that lists channels may sign only for those (Teams: "msteams").
    auto const& endorsed = token.endorsements;
    if (!channel_id.empty() && !endorsed.empty() && std::find(endorsed.begin(), endorsed.end(), channel_id) == endorsed.end()) {
        refuse("signing key is not endorsed for channel '" + std::string(channel_id) + "'");
    }
    if (token.service_url.empty() || token.service_url != service_url) {
        refuse("token serviceurl claim does not match the activity's serviceUrl");
    }
}

}  // namespace superbruger::adapters::bot_framework
