// OpenID metadata and token documents.
#include "adapters/bot_framework/service_documents.hpp"

#include "adapters/error.hpp"
#include "adapters/percent_encoding.hpp"
#include "adapters/untrusted_json.hpp"

#include <nlohmann/json.hpp>

namespace superbruger::adapters::bot_framework {

namespace {
[[noreturn]] void bad(std::string const& what) { throw AdapterError(AdapterError::Kind::bad_request, what); }
}  // namespace

std::string jwks_uri_of(std::string_view openid_metadata) {
    auto const j = parse_untrusted_json(openid_metadata);
    if (!j.is_object()) bad("OpenID metadata is not a JSON object");
    auto it = j.find("jwks_uri");
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) bad("OpenID metadata has no jwks_uri");
    return it->get<std::string>();
}

std::string client_credentials_form(std::string_view app_id, std::string_view app_password, std::string_view scope) {
    return "grant_type=client_credentials&client_id=" + percent_encode(app_id) + "&client_secret=" + percent_encode(app_password) +
           "&scope=" + percent_encode(scope);
}

AccessToken parse_token_response(std::string_view body) {
    auto const j = parse_untrusted_json(body);
    if (!j.is_object()) bad("token response is not a JSON object");
    auto token = j.find("access_token");
    if (token == j.end() || !token->is_string() || token->get<std::string>().empty()) bad("token response has no access_token");
    AccessToken out{token->get<std::string>(), std::chrono::seconds(0)};
    if (auto e = j.find("expires_in"); e != j.end()) {
        // Azure AD has sent expires_in both as a number and as a string.
        if (e->is_number_integer()) out.expires_in = std::chrono::seconds(e->get<long long>());
        else if (e->is_string()) out.expires_in = std::chrono::seconds(std::atoll(e->get<std::string>().c_str()));
    }
    if (out.expires_in.count() <= 0) out.expires_in = std::chrono::seconds(3600);
    return out;
}

}  // namespace superbruger::adapters::bot_framework
