// SlackMessenger: Block Kit messages to Web API methods, on the outbound thread.
#include "bot/channels/slack/slack_messenger.hpp"

#include "adapters/slack/inbound.hpp"
#include "adapters/slack/message_blocks.hpp"
#include "bot/error.hpp"

#include <boost/asio/co_spawn.hpp>

namespace superbruger::bot::channels::slack {

namespace sa = adapters::slack;

namespace {
// The Web API methods (https://docs.slack.dev/reference/methods). Each call below builds its
// arguments into named locals first: GCC 12 destroys a by-value temporary made inside a
// co_await expression from another temporary twice (free(): invalid pointer on views.open).
std::string const chat_post_message = "chat.postMessage";
std::string const conversations_open = "conversations.open";
std::string const views_open_method = "views.open";
}  // namespace

net::awaitable<void> SlackMessenger::post_messages(sa::ReplyAddress to, adapters::ChatReply reply, std::size_t skip) {
    auto const messages = sa::reply_messages(reply);
    for (std::size_t i = skip; i < messages.size(); ++i) {
        if (to.channel.empty()) {
            if (to.response_url.empty()) throw BotError::refused("Slack: a reply with neither a channel nor a response_url", 0);
            auto body = sa::command_response(messages[i]);
            co_await api_.respond(to.response_url, std::move(body));
        } else {
            auto body = sa::post_message_body(messages[i], to.channel, to.thread_ts);
            co_await api_.call(chat_post_message, std::move(body));
        }
    }
}

net::awaitable<void> SlackMessenger::reply(sa::ReplyAddress to, adapters::ChatReply reply) {
    co_await outbound_.run(post_messages(std::move(to), std::move(reply), 0));
}

net::awaitable<void> SlackMessenger::reply_rest(sa::ReplyAddress to, adapters::ChatReply reply) {
    // A slash command may come from a channel the bot is not in: its response_url reaches it.
    if (!to.response_url.empty()) to.channel.clear();
    co_await outbound_.run(post_messages(std::move(to), std::move(reply), 1));
}

net::awaitable<void> SlackMessenger::views_open(sa::ReplyAddress to, adapters::Form form) {
    auto const metadata = sa::form_metadata(form.submit_command, sa::format_reply_address(to));
    auto view = sa::modal_view(form, metadata);
    auto body = sa::views_open_body(to.trigger_id, std::move(view));
    co_await api_.call(views_open_method, std::move(body));
}

net::awaitable<void> SlackMessenger::open_form(sa::ReplyAddress to, adapters::Form form) {
    if (to.trigger_id.empty()) throw BotError::refused("Slack: a form button click without a trigger_id", 0);
    co_await outbound_.run(views_open(std::move(to), std::move(form)));
}

net::awaitable<void> SlackMessenger::open_and_post(std::string user_id, adapters::ChatReply message) {
    auto body = sa::conversations_open_body(user_id);
    auto const opened = co_await api_.call(conversations_open, std::move(body));
    if (opened.channel.empty()) throw BotError(BotError::Kind::upstream, "Slack conversations.open named no channel");
    sa::ReplyAddress to;
    to.channel = opened.channel;
    to.user_id = std::move(user_id);
    co_await post_messages(std::move(to), std::move(message), 0);
}

net::awaitable<void> SlackMessenger::send_to_person(std::string user_id, adapters::ChatReply message) {
    co_await outbound_.run(open_and_post(std::move(user_id), std::move(message)));
}

}  // namespace superbruger::bot::channels::slack
