// The small documents exchanged with Microsoft's identity services: OpenID metadata (where the
// signing keys are) and the OAuth2 client-credentials token request and response
// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace superbruger::adapters::bot_framework {

/// `jwks_uri` from an OpenID configuration document. Throws AdapterError{bad_request}.
std::string jwks_uri_of(std::string_view openid_metadata);

/// The x-www-form-urlencoded body of a client-credentials token request.
std::string client_credentials_form(std::string_view app_id, std::string_view app_password, std::string_view scope);

struct AccessToken {
    std::string token;  ///< sent back exactly as received
    std::chrono::seconds expires_in{0};
};

/// Reads {"token_type":"Bearer","expires_in":3600,"access_token":"…"}. Throws
/// AdapterError{bad_request} when there is no usable token.
AccessToken parse_token_response(std::string_view body);

}  // namespace superbruger::adapters::bot_framework
