// The parsers of the platforms added on the channel seam (Slack, Mattermost, Teams outgoing
// webhooks) and their renderers: any body is read or refused with AdapterError, and whatever
// text and form it carries renders to JSON that dumps strictly (no cut UTF-8 sequence).
// The first byte picks the parser: 0 Slack JSON, 1 Slack form, 2 Mattermost JSON, 3 Mattermost
// form, 4 Teams outgoing webhook.
#include "adapters/error.hpp"
#include "adapters/mattermost/inbound.hpp"
#include "adapters/mattermost/reply.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/message_blocks.hpp"
#include "adapters/teams_webhook/outgoing_webhook.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace superbruger::adapters;

namespace {

constexpr char const* json_type = "application/json";
constexpr char const* form_type = "application/x-www-form-urlencoded";

/// The message's own text, name and form as a reply: every renderer must take any of them.
ChatReply echo(ChatMessage const& m, std::optional<Form> form) {
    ChatReply reply;
    reply.text = m.text;
    reply.footer = m.sender.display_name;
    reply.citations = {{"d", m.sender.display_name, "", ""}};
    reply.actions = {{m.sender.display_name, m.text}};
    if (!form) {
        Form f;
        for (auto const& [id, value] : m.form_values) f.fields.push_back({id, value, FormField::Kind::line, 0, {}, value});
        f.submit_command = m.text;
        if (!f.fields.empty()) form = f;
    }
    reply.form = form;
    return reply;
}

void render(ChatReply const& reply) {
    for (auto const& message : slack::reply_messages(reply)) (void)message.dump();
    if (reply.form) (void)slack::modal_view(*reply.form, "{}", {}, reply.text).dump();
    mattermost::RenderSettings mm;
    mm.action_url = "https://bot.example/api/mattermost/action";
    mm.action_secret = "s";
    (void)mattermost::webhook_response(reply, mm).dump();
    (void)mattermost::command_response(reply, mm).dump();
    if (reply.form) (void)mattermost::dialog(*reply.form, "{}", mm, reply.text).dump();
    (void)teams_webhook::response_body(reply).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size == 0) return 0;
    auto const body = superbruger::fuzz::as_text(data + 1, size - 1);
    try {
        switch (data[0] % 5) {
        case 0:
        case 1: {
            auto const in = slack::parse_request(data[0] % 5 == 0 ? json_type : form_type, body, {"UBOT", "", true});
            render(echo(in.message, in.form));
            break;
        }
        case 2:
        case 3: {
            auto const in = mattermost::parse_request(data[0] % 5 == 2 ? json_type : form_type, body, {"ubot", "superbot", "s"});
            render(echo(in.message, in.form));
            break;
        }
        default:
            render(echo(teams_webhook::parse_message(body), std::nullopt));
        }
    } catch (AdapterError const&) {
    }
    return 0;
}
