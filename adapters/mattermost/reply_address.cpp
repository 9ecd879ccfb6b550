// Mattermost reply addresses as compact JSON.
#include "adapters/mattermost/reply_address.hpp"

#include "adapters/error.hpp"
#include "adapters/untrusted_json.hpp"

#include <nlohmann/json.hpp>

namespace superbruger::adapters::mattermost {

namespace {

using nlohmann::json;

struct Member {
    char const* key;
    std::string ReplyAddress::*field;
};

constexpr Member members[] = {{"channel", &ReplyAddress::channel_id},        {"root", &ReplyAddress::root_id},
                              {"response_url", &ReplyAddress::response_url}, {"trigger_id", &ReplyAddress::trigger_id},
                              {"user", &ReplyAddress::user_id},              {"team", &ReplyAddress::team_id}};

[[noreturn]] void bad_request(std::string const& reason) { throw AdapterError(AdapterError::Kind::bad_request, reason); }

}  // namespace

std::string format_reply_address(ReplyAddress const& address) {
    json j = json::object();
    for (auto const& m : members) {
        if (!(address.*m.field).empty()) j[m.key] = address.*m.field;
    }
    return j.dump();
}

ReplyAddress parse_reply_address(std::string_view text) {
    auto const j = parse_untrusted_json(text);
    if (!j.is_object()) bad_request("a Mattermost reply address is not a JSON object");
    ReplyAddress address;
    for (auto const& m : members) {
        auto const it = j.find(m.key);
        if (it == j.end()) continue;
        if (!it->is_string()) bad_request(std::string("a Mattermost reply address has a non-text ") + m.key);
        address.*m.field = it->get<std::string>();
    }
    if (address.channel_id.empty() && address.user_id.empty()) bad_request("a Mattermost reply address names neither a channel nor a user");
    return address;
}

}  // namespace superbruger::adapters::mattermost
