// ChatNetwork on Teams: TeamsChat, with each member's ids derived from their handle.
#include "tests/support/chat_network.hpp"
#include "tests/support/teams_chat.hpp"

#include <catch2/catch.hpp>

namespace superbruger::tests {

namespace {

std::string tenant_of(Member const& m) { return "tenant-" + m.number; }
std::string aad_of(Member const& m) { return "aad-" + m.handle; }
TeamsPerson person_of(Member const& m) { return {"29:" + m.handle, aad_of(m), tenant_of(m), "a:" + m.handle + "-chat"}; }

class TeamsNetwork final : public ChatNetwork {
public:
    TeamsNetwork(std::string const& name, std::vector<Member> const& members)
        : chat_(name, directory_csv(members, "teams", tenant_of, aad_of)) {}

    std::string const& platform() const override { return platform_; }

    std::string say(Member const& who, std::string const& text) override { return chat_.say(person_of(who), text); }

    std::string submit_form(Member const& who, std::map<std::string, std::string> const& values) override {
        // The card's Action.Submit sends its data (the command) merged with the inputs' values.
        auto const& card = chat_.last_reply()["attachments"][0]["content"];
        REQUIRE(card.value("type", "") == "AdaptiveCard");
        std::string command;
        for (auto const& action : card["actions"]) {
            // The form's submit comes first; the reply's own buttons follow it.
            if (command.empty() && action.value("type", "") == "Action.Submit") command = action["data"].value("command", "");
        }
        REQUIRE_FALSE(command.empty());
        for (auto const& [id, value] : values) {
            bool found = false;
            for (auto const& element : card["body"]) found |= element.value("id", "") == id;
            INFO("field " << id);
            REQUIRE(found);
        }
        return chat_.submit(person_of(who), command, values);
    }

    std::vector<std::string> chat_of(Member const& who) override {
        auto const target = "/v3/conversations/a%3A" + who.handle + "-chat/activities";
        std::vector<std::string> out;
        for (auto const& r : chat_.bf().connector_requests()) {
            // …/activities for a message of the bot's own, …/activities/<id> for a reply.
            if (r.target.starts_with(target)) out.push_back(TeamsChat::text_of(r.json()));
        }
        return out;
    }

    std::string const& database() const override { return chat_.database(); }
    std::uint16_t port() const override { return chat_.port(); }

private:
    std::string platform_ = "teams";
    TeamsChat chat_;
};

}  // namespace

std::unique_ptr<ChatNetwork> teams_network(std::string const& name, std::vector<Member> const& members) {
    return std::make_unique<TeamsNetwork>(name, members);
}

}  // namespace superbruger::tests
