// Classifying Slack Web API answers.
#include "adapters/slack/web_api.hpp"

#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace superbruger::adapters::slack {

namespace {

using nlohmann::json;

/// When Slack says "rate limited" without saying how long: a minute, Tier 1's window.
constexpr std::chrono::seconds default_rate_limit_wait{60};
/// Retry-After values past this are read as this: a broken header must not park a message for a year.
constexpr std::chrono::seconds max_wait{3600};

/// Slack's own transient errors: the same call may succeed later. From the "Errors" tables of
/// the methods (chat.postMessage, conversations.open, views.open, users.info) and
/// https://api.slack.com/web#responses.
constexpr std::array<std::string_view, 8> transient_errors = {"ratelimited",      "rate_limited",    "internal_error",
                                                              "fatal_error",      "service_unavailable", "request_timeout",
                                                              "team_added_to_org", "message_limit_exceeded"};

/// Retry-After as delta-seconds (RFC 9110 §10.2.3); Slack sends seconds. Anything else: nothing.
std::optional<std::chrono::seconds> seconds_of(std::string_view header) {
    while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
    while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
    long long n = 0;
    auto const [end, error] = std::from_chars(header.data(), header.data() + header.size(), n);
    if (header.empty() || error != std::errc{} || end != header.data() + header.size() || n < 0) return std::nullopt;
    return std::min(std::chrono::seconds(n), max_wait);
}

ApiOutcome retry(std::string error, std::chrono::seconds after) {
    ApiOutcome o;
    o.kind = ApiOutcome::Kind::retry;
    o.error = std::move(error);
    o.retry_after = after;
    return o;
}

ApiOutcome refused(std::string error) {
    ApiOutcome o;
    o.kind = ApiOutcome::Kind::refused;
    o.error = std::move(error);
    return o;
}

}  // namespace

ApiOutcome classify_response(unsigned status, std::string_view retry_after, std::string_view body) {
    auto const wait = seconds_of(retry_after);
    if (status == 429) return retry("HTTP 429", wait.value_or(default_rate_limit_wait));
    if (status >= 500 || status == 408) return retry("HTTP " + std::to_string(status), wait.value_or(std::chrono::seconds(0)));
    if (status < 200 || status >= 300) return refused("HTTP " + std::to_string(status));

    auto const j = parse_untrusted_json(body);
    // A 200 we cannot read (a proxy's page, a cut connection) says nothing about whether the
    // message went out; trying again may show it twice, giving up may lose it: we try again.
    if (!j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) return retry("an answer that is not Slack's JSON", std::chrono::seconds(0));
    if (j["ok"].get<bool>()) {
        ApiOutcome o;
        o.kind = ApiOutcome::Kind::sent;
        auto const it = j.find("channel");
        if (it != j.end() && it->is_string()) o.channel = it->get<std::string>();
        else if (it != j.end() && it->is_object()) o.channel = string_member(*it, "id");
        o.ts = string_member(j, "ts");
        return o;
    }
    auto error = string_member(j, "error");
    if (error.empty()) error = "ok:false without an error";
    if (std::find(transient_errors.begin(), transient_errors.end(), error) != transient_errors.end()) {
        bool const limited = error == "ratelimited" || error == "rate_limited";
        return retry(std::move(error), wait.value_or(limited ? default_rate_limit_wait : std::chrono::seconds(0)));
    }
    // Everything else Slack documents as an error is about the call itself (channel_not_found,
    // not_in_channel, is_archived, invalid_auth, account_inactive, token_revoked,
    // user_not_found, cannot_dm_bot, missing_scope, invalid_blocks, msg_too_long, …): the same
    // call will fail the same way.
    return refused(std::move(error));
}

UserInfo parse_user_info(std::string_view body) {
    auto const j = parse_untrusted_json(body);
    if (!j.is_object() || !j.contains("user") || !j["user"].is_object()) {
        throw AdapterError(AdapterError::Kind::bad_request, "users.info answered without a user object");
    }
    auto const& u = j["user"];
    UserInfo info;
    info.id = string_member(u, "id");
    if (info.id.empty()) throw AdapterError(AdapterError::Kind::bad_request, "users.info answered a user without an id");
    info.team_id = string_member(u, "team_id");
    json const profile = u.contains("profile") && u["profile"].is_object() ? u["profile"] : json::object();
    info.email = string_member(profile, "email");
    info.name = string_member(profile, "display_name");
    if (info.name.empty()) info.name = string_member(profile, "real_name");
    if (info.name.empty()) info.name = string_member(u, "real_name");
    if (info.name.empty()) info.name = string_member(u, "name");
    info.is_bot = u.contains("is_bot") && u["is_bot"].is_boolean() && u["is_bot"].get<bool>();
    info.deleted = u.contains("deleted") && u["deleted"].is_boolean() && u["deleted"].get<bool>();
    return info;
}

}  // namespace superbruger::adapters::slack
