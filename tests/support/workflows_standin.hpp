// A loopback stand-in for Teams Workflows flows ("Post to a channel when a webhook request is
// received"): each channel has a URL /workflows/<channel>?sig=<signature>, whose signature is the
// credential like Power Automate's. A wrong signature gets 401, a body that is not the documented
// envelope with an Adaptive Card 400 (Microsoft's flow refuses it too), a good post 202. It records
// every post for assertions and can be told to answer the next ones with an error.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::tests {

struct WorkflowsPost {
    std::string channel;  ///< the URL's <channel>
    unsigned answered = 0;  ///< the status the stand-in gave
    nlohmann::json json;    ///< the body parsed (null when it is no JSON)

    /// The card's text blocks, one per line.
    std::string card_text() const;
};

class WorkflowsStandIn {
public:
    WorkflowsStandIn();
    ~WorkflowsStandIn();
    WorkflowsStandIn(WorkflowsStandIn const&) = delete;
    WorkflowsStandIn& operator=(WorkflowsStandIn const&) = delete;

    /// The flow URL of `channel`, signed: what the config's environment variable holds.
    std::string url_of(std::string const& channel) const;

    /// The next `count` posts are answered `status` with `body` (a connector's 200 that says it
    /// was throttled, a 429, a 404 of a deleted flow …).
    void fail_next(int count, unsigned status, std::string body = {});

    /// Every post so far, oldest first, including the refused ones.
    std::vector<WorkflowsPost> posts() const;
    /// The posts to `channel` that were accepted.
    std::vector<WorkflowsPost> delivered(std::string const& channel) const;
    /// Waits until `count` posts (accepted or not) have come.
    bool wait_for(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

    static constexpr char const* signature = "standin-signature";

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::uint16_t port_ = 0;
};

}  // namespace superbruger::tests
