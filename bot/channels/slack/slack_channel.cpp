// SlackChannel: verify the signature, read the request, answer inline or post back.
#include "bot/channels/slack/slack_channel.hpp"

#include "bot/channels/api_call.hpp"
#include "bot/channels/channel_secret.hpp"
#include "bot/channels/slack/slack_command.hpp"

#include "adapters/error.hpp"
#include "adapters/slack/app_manifest.hpp"
#include "adapters/slack/message_blocks.hpp"
#include "adapters/slack/reply_address.hpp"
#include "adapters/slack/request_signature.hpp"
#include "bot/background_tasks.hpp"
#include "bot/error.hpp"
#include "bot/http/responses.hpp"
#include "bot/log.hpp"

#include <cstdlib>

namespace superbruger::bot::channels::slack {

namespace {

namespace sa = adapters::slack;
using http::bhttp::status;

std::string const slack_platform = "slack";

/// Replies on their way to Slack at most; more requests wait (backpressure).
constexpr std::size_t max_replies_in_flight = 256;

std::string header(http::Request const& request, char const* name) { return std::string(request[name]); }

/// Where the bot may write later: the channel alone (a trigger_id, response_url or thread is
/// good for this question only).
storage::StoredConversation conversation_of(sa::Inbound const& in) {
    auto const to = sa::parse_reply_address(in.message.reply_address);
    storage::StoredConversation c;
    if (to.channel.empty()) return c;
    sa::ReplyAddress lasting;
    lasting.channel = to.channel;
    lasting.user_id = to.user_id;
    lasting.team_id = to.team_id;
    c.conversation_id = to.channel;
    c.kind = to.channel.starts_with('D') ? "personal" : "channel";  // D…: a direct message's channel
    c.user_id = to.user_id;
    c.tenant_id = in.message.sender.tenant_id;
    c.address = sa::format_reply_address(lasting);
    return c;
}

/// One request whose signature was verified.
class SlackRequest final : public VerifiedRequest {
public:
    SlackRequest(SlackChannel& channel, http::Request const& request) : channel_(channel), request_(request) {}

    std::vector<InboundEvent> parse() override {
        in_ = sa::parse_request(header(request_, "Content-Type"), request_.body(), channel_.inbound_settings(),
                                header(request_, "X-Slack-Retry-Num"), header(request_, "X-Slack-Retry-Reason"));
        std::vector<InboundEvent> events;
        if (in_.kind == sa::Inbound::Kind::ignored) log::debug("slack_ignored", {{"reason", in_.reason}});
        if (in_.kind != sa::Inbound::Kind::message) return events;
        InboundEvent event;
        event.kind = InboundEvent::Kind::message;
        event.delivery_id = in_.message.message_id;  // the Events API's event_id: the same on each retry
        event.message = in_.message;
        event.conversation = conversation_of(in_);
        events.push_back(std::move(event));
        return events;
    }

    net::awaitable<void> complete(std::vector<InboundEvent>& events) override {
        auto* emails = channel_.user_emails();
        if (emails == nullptr) co_return;
        for (auto& event : events) {
            auto& sender = event.message.sender;
            if (event.kind != InboundEvent::Kind::message || !sender.email.empty()) continue;
            auto user = sender.user_id;
            sender.email = co_await emails->of(std::move(user));
        }
    }

    net::awaitable<http::Response> answer(Replies replies) override {
        switch (in_.kind) {
        case sa::Inbound::Kind::url_verification:
            co_return http::json_response(status::ok, {{"challenge", in_.challenge}});
        case sa::Inbound::Kind::open_form: {
            auto work = channel_.messenger().open_form(address(), *in_.form);
            co_await spawn("slack_open_form", std::move(work));
            co_return ok();
        }
        case sa::Inbound::Kind::ignored:
            co_return ok();
        case sa::Inbound::Kind::message:
            break;
        }
        if (replies.empty() || !replies.front()) co_return ok();
        auto reply = std::move(*replies.front());
        if (in_.source == sa::Inbound::Source::slash_command) {
            // Slack waits 3 s for a command's answer (https://api.slack.com/interactivity/slash-commands#responding_to_commands):
            // the first message goes inline, any further ones to the response_url.
            auto const messages = sa::reply_messages(reply);
            if (messages.size() > 1) {
                auto work = channel_.messenger().reply_rest(address(), reply);
                co_await spawn("slack_command_rest", std::move(work));
            }
            co_return http::json_response(status::ok, sa::command_response(messages.front()));
        }
        if (in_.source == sa::Inbound::Source::view_submission && reply.form) {
            // The answer to a submitted form is another form (what to mend, or the next item of a
            // review): the modal stays open and shows it, with the answer's text on top.
            auto const metadata = sa::form_metadata(reply.form->submit_command, in_.message.reply_address);
            auto view = sa::modal_view(*reply.form, metadata, {}, reply.text);
            co_return http::json_response(status::ok, sa::view_update_response(std::move(view)));
        }
        auto work = channel_.messenger().reply(address(), std::move(reply));
        co_await spawn("slack_reply", std::move(work));
        // Otherwise the modal is closed; the answer goes to the conversation it was opened from.
        if (in_.source == sa::Inbound::Source::view_submission) co_return http::json_response(status::ok, sa::view_clear_response());
        co_return ok();
    }

private:
    static http::Response ok() { return http::Response{status::ok, 11}; }
    sa::ReplyAddress address() const { return sa::parse_reply_address(in_.message.reply_address); }

    /// `work` is created (its arguments copied into its frame) before this coroutine starts, so
    /// no temporary of the caller's co_await expression outlives its statement (see
    /// slack_messenger.cpp on GCC 12).
    net::awaitable<void> spawn(char const* what, net::awaitable<void> work) {
        auto& background = channel_.background();
        co_await background.wait_for_room(max_replies_in_flight);
        background.spawn(what, std::move(work));
    }

    SlackChannel& channel_;
    http::Request const& request_;
    sa::Inbound in_;
};

}  // namespace

SlackChannel::SlackChannel(SlackSettings const& settings, std::string bot_token, std::string signing_secret, ChannelDependencies deps)
    : deps_(deps),
      signing_secret_(std::move(signing_secret)),
      inbound_{settings.bot_user_id, settings.app_id, settings.channel_messages},
      api_(deps.outbound_client, settings.api_base_url, std::move(bot_token), retry_policy_of(settings)),
      messenger_(api_, deps.outbound) {
    if (settings.look_up_emails) emails_.emplace(api_, deps.outbound);
}

std::string const& SlackChannel::platform() const noexcept { return slack_platform; }

std::vector<std::string> SlackChannel::paths() const { return {sa::events_path, sa::commands_path, sa::interactivity_path}; }

net::awaitable<std::unique_ptr<VerifiedRequest>> SlackChannel::verify(http::Request const& request, http::RequestContext const&) {
    sa::verify_request(signing_secret_, header(request, "X-Slack-Request-Timestamp"), header(request, "X-Slack-Signature"), request.body(),
                       std::chrono::system_clock::now());
    co_return std::make_unique<SlackRequest>(*this, request);
}

net::awaitable<void> SlackChannel::send_to_person(storage::OutboxMessage const& message, adapters::ChatReply reply) {
    co_await messenger_.send_to_person(message.recipient, std::move(reply));
}

ChannelRegistration registration() {
    ChannelRegistration r;
    r.platform = slack_platform;
    r.read_settings = read_slack_settings;
    r.make = [](ChannelSettings const& settings, ChannelDependencies deps) -> std::unique_ptr<Channel> {
        auto const& slack = static_cast<SlackSettings const&>(settings);
        return std::make_unique<SlackChannel>(slack, secret_from_environment(slack.bot_token_env, "slack.bot_token_env", "'slack.enabled' is true", "the bot token (xoxb-…)"),
                                              secret_from_environment(slack.signing_secret_env, "slack.signing_secret_env", "'slack.enabled' is true",
                                                                      "the app's signing secret"), deps);
    };
    r.command = run_slack_command;
    r.command_summary = "manifest --url BASE: the Slack app manifest (JSON) for this installation";
    r.command_summary_da = "manifest --url BASE: Slack-appens manifest (JSON) til denne installation";
    return r;
}

}  // namespace superbruger::bot::channels::slack
