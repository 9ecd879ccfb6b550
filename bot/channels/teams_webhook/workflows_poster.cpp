// WorkflowsPoster: the card built and posted on the outbound thread.
#include "bot/channels/teams_webhook/workflows_poster.hpp"

#include "adapters/teams_webhook/workflows_post.hpp"
#include "bot/channels/api_call.hpp"
#include "bot/error.hpp"

#include <boost/asio/co_spawn.hpp>

namespace superbruger::bot::channels::teams_webhook {

namespace tw = adapters::teams_webhook;

WorkflowsPoster::WorkflowsPoster(http::Client& client, OutboundHandoff& outbound, std::map<std::string, std::string> urls, http::RetryPolicy retry)
    : client_(client), outbound_(outbound), urls_(std::move(urls)), retry_(retry) {}

net::awaitable<void> WorkflowsPoster::post(std::string municipality, adapters::ChatReply reply) {
    if (!urls_.contains(municipality)) {
        // Queued while the config still named it: a coordinator sees the parked message.
        throw BotError::refused("Teams Workflows: no URL for '" + municipality + "' in teams_webhook.workflows (an outgoing webhook cannot write to a person)", 0);
    }
    co_await outbound_.run(post_here(std::move(municipality), std::move(reply)));
}

net::awaitable<void> WorkflowsPoster::post_here(std::string municipality, adapters::ChatReply reply) {
    auto body = tw::workflows_post_body(reply);
    http::ClientRequest request{http::bhttp::verb::post, urls_.at(municipality), {{"Content-Type", "application/json"}}, std::move(body)};
    auto judge = [](http::ClientResponse const& res) { return verdict_of(tw::classify_post_response(res.status, res.body)); };
    auto what = "Teams Workflows post for " + municipality;
    co_await call_with_retries(client_, std::move(request), judge, retry_, random_, std::move(what), "teams_workflows");
}

}  // namespace superbruger::bot::channels::teams_webhook
