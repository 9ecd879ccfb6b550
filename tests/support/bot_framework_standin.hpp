// A loopback stand-in for the Bot Framework services superbot talks to: the OpenID metadata and
// its JWKS (signed by a test key), the OAuth2 token endpoint, and a Bot Connector that records
// every request and can be told to fail or be slow. The Connector honours Idempotency-Key like a
// server implementing the IETF draft: a key it answered before gets the same answer again and
// shows nothing new. Runs the project's own HTTP server on its own thread.
#pragma once

#include "tests/support/jwt_signer.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace superbruger::tests {

struct RecordedRequest {
    std::string method;
    std::string target;
    std::string authorization;
    std::string content_type;
    std::string body;
    std::string idempotency_key;  ///< the Idempotency-Key header, as sent
    bool replayed = false;        ///< the key was answered before: nothing new was shown
    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

class BotFrameworkStandIn {
public:
    static constexpr char const* app_id = "00000000-0000-4000-8000-00000000b07a";
    static constexpr char const* issuer = "https://api.botframework.com";

    BotFrameworkStandIn();
    ~BotFrameworkStandIn();

    std::uint16_t port() const noexcept { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
    std::string service_url() const { return base_url(); }  ///< the Connector, as activities name it

    /// A token as the Bot Framework would send it: iss, aud = app_id, nbf/exp around now, and
    /// the serviceurl claim. `changes` is merged over those claims (null values remove one).
    std::string token(nlohmann::json const& changes = nlohmann::json::object()) const;
    /// The same, signed by a key the JWKS does not publish.
    std::string forged_token() const;
    JwtSigner const& signer() const noexcept { return *signer_; }

    /// The next `count` Connector posts are answered `status` (with Retry-After when given).
    void fail_connector(int count, unsigned status, std::string retry_after = {});
    /// The next `count` JWKS fetches are answered 503 (a key server down at our start-up).
    void fail_jwks(int count);
    /// The token endpoint answers 401 (bad client secret) from now on.
    void refuse_tokens();
    /// Each Connector post is recorded (shown) at once and answered after `delay`: a sender
    /// killed meanwhile cannot know its message arrived.
    void delay_connector(std::chrono::milliseconds delay);

    /// From now on Connector posts are only counted, not kept (long benches would fill memory).
    void count_connector_only();
    /// Connector posts so far, kept or only counted.
    std::size_t connector_count() const;

    /// Requests under /v3/ so far, oldest first.
    std::vector<RecordedRequest> connector_requests() const;
    /// How many there were, without copying them (for load benchmarks that poll).
    std::size_t connector_request_count() const;
    std::vector<RecordedRequest> token_requests() const;
    int jwks_fetches() const;
    /// Waits until the Connector has received `count` requests (answered or failed).
    bool wait_for_connector(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::unique_ptr<JwtSigner> signer_;
    std::unique_ptr<JwtSigner> stranger_;
    std::uint16_t port_ = 0;
};

/// A Teams message activity from user 29:anne in tenant `tenant`, for the stand-in's Connector.
nlohmann::json teams_message(std::string const& service_url, std::string const& id, std::string const& text,
                             std::string const& tenant = "tenant-naestved");

}  // namespace superbruger::tests
