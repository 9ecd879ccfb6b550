// Mattermost token checks, compared in constant time (adapters/crypto/hmac.hpp).
#include "adapters/mattermost/request_token.hpp"

#include "adapters/crypto/hmac.hpp"
#include "adapters/error.hpp"

namespace superbruger::adapters::mattermost {

namespace {

[[noreturn]] void refuse(std::string const& reason) { throw AdapterError(AdapterError::Kind::unauthenticated, reason); }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto const lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

}  // namespace

std::string token_of_authorization(std::string_view header) {
    header = trimmed(header);
    auto const space = header.find(' ');
    if (space == std::string_view::npos) return {};
    auto const scheme = header.substr(0, space);
    // RFC 9110 §11.1: the auth scheme is case-insensitive.
    if (!equals_ignoring_case(scheme, "token") && !equals_ignoring_case(scheme, "bearer")) return {};
    auto const token = trimmed(header.substr(space + 1));
    if (token.find(' ') != std::string_view::npos) return {};
    return std::string(token);
}

void verify_token(std::string_view token, std::vector<std::string> const& configured) {
    if (token.empty()) refuse("no Mattermost token in the request");
    bool matched = false;
    // No early exit: every configured token is compared, so the time does not tell which matched.
    for (auto const& c : configured) matched = (!c.empty() && crypto::equal_in_constant_time(token, c)) || matched;
    if (!matched) refuse("the Mattermost token does not match a configured one");
}

void verify_command_token(std::string_view authorization_header, std::string_view body_token,
                          std::vector<std::string> const& configured) {
    auto const header_token = token_of_authorization(authorization_header);
    if (!authorization_header.empty() && header_token.empty()) refuse("an Authorization header that is not 'Token <token>'");
    if (!header_token.empty() && !body_token.empty() && !crypto::equal_in_constant_time(header_token, body_token)) {
        refuse("the Authorization token and the body's token differ");
    }
    verify_token(header_token.empty() ? body_token : std::string_view(header_token), configured);
}

}  // namespace superbruger::adapters::mattermost
