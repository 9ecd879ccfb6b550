// A chat network around a real `superbot serve` on one platform, with the platform's loopback
// stand-in in front: people of the directory write to the bot, fill in the forms it offers, and
// read what it wrote into their 1:1 chat. A scenario written against ChatNetwork runs unchanged
// on every platform, which is how the tests show that a feature works everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace superbruger::tests {

/// Someone in the role directory, the same person on every platform. Each network derives the
/// person's platform ids from `handle` (Teams "29:anne" in tenant "tenant-370", Slack "UANNE").
struct Member {
    std::string handle;  ///< lower-case ASCII letters
    std::string municipality;
    std::string number;  ///< kommunenummer
    std::string name;
    std::string role;    ///< "superbruger", or empty
    bool coordinator = false;
};

class ChatNetwork {
public:
    virtual ~ChatNetwork() = default;

    virtual std::string const& platform() const = 0;

    /// One message from `who` in their 1:1 chat; returns the text of the bot's first reply
    /// (with the source line and the buttons' labels, as the person would see them).
    virtual std::string say(Member const& who, std::string const& text) = 0;

    /// Fills in the form the bot's latest reply to `who` offered, as a person would on this
    /// platform (Teams: the card's submit; Slack: the button, the modal, its submission), with
    /// `values` by field id; every id must be a field of that form. Returns the reply's text.
    virtual std::string submit_form(Member const& who, std::map<std::string, std::string> const& values) = 0;

    /// Everything the bot has written into `who`'s 1:1 chat so far, replies and messages of its
    /// own alike, oldest first.
    virtual std::vector<std::string> chat_of(Member const& who) = 0;

    /// The server's database, for a test that moves time on (an outbox row's not_before).
    virtual std::string const& database() const = 0;
    virtual std::uint16_t port() const = 0;
};

/// `superbot serve` with `members` imported, behind the Bot Framework stand-in. `name` keeps the
/// files of scenarios apart.
std::unique_ptr<ChatNetwork> teams_network(std::string const& name, std::vector<Member> const& members);

/// `superbot serve` with `members` imported, behind the Slack Web API stand-in, all in one
/// workspace (the network's shared one).
std::unique_ptr<ChatNetwork> slack_network(std::string const& name, std::vector<Member> const& members);

/// `superbot serve` with `members` imported, behind the Mattermost REST stand-in, all in one
/// team; people write with the slash command in their direct channel with the bot.
std::unique_ptr<ChatNetwork> mattermost_network(std::string const& name, std::vector<Member> const& members);

/// The directory CSV with the platform identity columns (platform;tenant;identitet).
std::string directory_csv(std::vector<Member> const& members, std::string const& platform, std::string (*tenant_of)(Member const&),
                          std::string (*identity_of)(Member const&));

}  // namespace superbruger::tests
