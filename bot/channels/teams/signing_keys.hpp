// SigningKeys: the Bot Framework's token signing keys, fetched through the OpenID metadata and
// cached (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication step 3: refresh at least every 24 hours; on an unknown key id,
// refresh at most once per configured interval, as the SDK's openIdMetadata.ts does hourly).
#pragma once

#include "adapters/crypto/jwt.hpp"
#include "bot/http/client.hpp"
#include "bot/http/single_flight.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::bot::channels::teams {

namespace net = boost::asio;

class SigningKeys {
public:
    SigningKeys(http::Client& client, std::string metadata_url, std::chrono::seconds unknown_kid_refresh_interval);

    /// Makes sure the keys are fresh enough to judge a token signed with `kid`: fetches when
    /// none are cached, when they are 24 hours old, or when `kid` is unknown and the last fetch
    /// is older than the refresh interval (while none were ever loaded: than the short cold
    /// back-off). A failed fetch keeps the keys there were (logged).
    net::awaitable<void> prepare_for(std::string const& kid);

    /// Fetches until the first key set is loaded, waiting 1 s, 2 s, 4 s… (at most 30 s) between
    /// failed attempts, so a failure at start-up costs seconds, not the refresh interval. Ends
    /// when keys are loaded or at stop().
    net::awaitable<void> warm_up();
    void stop();

    /// True once a key set has been loaded (readiness: no genuine token can pass before).
    bool loaded() const noexcept { return !keys_.empty(); }

    /// The cached key with that id, or null.
    adapters::crypto::RsaJwk const* find(std::string const& kid) const;

    std::size_t size() const noexcept { return keys_.size(); }

private:
    net::awaitable<void> fetch();

    http::Client& client_;
    std::string metadata_url_;
    std::chrono::seconds unknown_kid_interval_;
    std::vector<adapters::crypto::RsaJwk> keys_;
    std::chrono::steady_clock::time_point fetched_at_{};   ///< last successful fetch
    std::chrono::steady_clock::time_point attempted_at_{};  ///< last attempt, successful or not
    bool ever_attempted_ = false;
    std::chrono::seconds cold_backoff_{1};  ///< next wait while no key set was ever loaded
    bool stopping_ = false;
    std::shared_ptr<net::steady_timer> warm_up_timer_;
    http::SingleFlight flight_;
};

/// The key id in a "Bearer <jwt>" header's JWT header, or "" when it cannot be read (the full
/// check then refuses the token with the precise reason).
std::string key_id_of(std::string_view authorization);

}  // namespace superbruger::bot::channels::teams
