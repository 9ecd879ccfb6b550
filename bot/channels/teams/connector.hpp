// Connector: calls to the Bot Connector REST API (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages) with our bearer token,
// only to allowed service URL hosts, retried per the Teams rules (§1.6).
#pragma once

#include "bot/http/client.hpp"
#include "bot/http/retry_policy.hpp"
#include "bot/channels/teams/connector_token.hpp"


#include <random>
#include <string>
#include <vector>

namespace superbruger::bot::channels::teams {

namespace net = boost::asio;

class Connector {
public:
    Connector(http::Client& client, ConnectorToken& token, std::vector<std::string> allowed_hosts, http::RetryPolicy retry);

    /// POSTs the JSON text `payload` to `url` and returns the response body of the 2xx answer. A 401 fetches a
    /// new token once; 412/429/5xx-gateway and transport failures are retried with the policy.
    /// Throws BotError{upstream} naming the final status and the Connector's error code, and
    /// BotError{config} for a URL whose host is not allowed (nothing is sent).
    /// A non-empty `idempotency_key` goes out as the Idempotency-Key header, the same on every
    /// attempt, so a receiver that honours it shows a message sent twice (a retry, a send the
    /// outbox repeats after a crash) once.
    net::awaitable<std::string> post(std::string const& url, std::string payload, std::string idempotency_key = {});

    /// True when `service_url` names an allowed host ("*.example.com" matches sub-domains).
    bool allowed(std::string const& service_url) const;

private:
    http::Client& client_;
    ConnectorToken& token_;
    std::vector<std::string> allowed_hosts_;
    http::RetryPolicy retry_;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace superbruger::bot::channels::teams
