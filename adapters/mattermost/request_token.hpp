// Mattermost's request tokens. Mattermost signs nothing: an outgoing webhook sends the token shown
// when it was created in the body's `token` field
// (https://developers.mattermost.com/integrate/webhooks/outgoing/), a slash command sends its token
// as `Authorization: Token <token>` and again in the body's `token` field
// (https://developers.mattermost.com/integrate/slash-commands/custom/). The check compares that
// token with the configured ones in constant time. Reading `token` out of a body means parsing
// it, so these functions take the token already read: the caller decides the order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::adapters::mattermost {

/// The token of an `Authorization: Token <token>` header (the scheme in any case, blanks around
/// the token ignored); "Bearer <token>" is read too, as the docs' prose calls it a bearer token
/// though their example uses "Token". Empty for anything else.
std::string token_of_authorization(std::string_view header);

/// Throws AdapterError{unauthenticated} unless `token` is non-empty and equals one of
/// `configured` (every one is compared, in constant time). Empty configured tokens never match:
/// a bot with none configured refuses everything.
void verify_token(std::string_view token, std::vector<std::string> const& configured);

/// A slash command's check: the Authorization header's token when there is one, else the body's
/// `token` field. When both are present they must agree, so a forged header cannot ride on a
/// copied body or the other way round.
void verify_command_token(std::string_view authorization_header, std::string_view body_token,
                          std::vector<std::string> const& configured);

}  // namespace superbruger::adapters::mattermost
