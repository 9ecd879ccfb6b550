// MattermostMessenger: REST calls on the outbound thread.
#include "bot/channels/mattermost/mattermost_messenger.hpp"

#include "adapters/mattermost/inbound.hpp"
#include "bot/error.hpp"

#include <boost/asio/co_spawn.hpp>

namespace superbruger::bot::channels::mattermost {

namespace ma = adapters::mattermost;

namespace {
// The REST endpoints (https://api.mattermost.com/). Each call below builds its arguments into
// named locals first: GCC 12 destroys a by-value temporary made inside a co_await expression from
// another temporary twice (see bot/channels/slack/slack_messenger.cpp).
std::string const posts_path = "/api/v4/posts";
std::string const direct_channel_path = "/api/v4/channels/direct";
std::string const dialogs_open_path = "/api/v4/actions/dialogs/open";
std::string const users_me_path = "/api/v4/users/me";
}  // namespace

net::awaitable<void> MattermostMessenger::post(ma::ReplyAddress to, adapters::ChatReply reply) {
    if (!to.channel_id.empty()) {
        auto body = ma::post_body(to.channel_id, reply, render_, to.root_id);
        co_await api_.post(posts_path, std::move(body));
        co_return;
    }
    if (to.response_url.empty()) throw BotError::refused("Mattermost: a reply with neither a channel nor a response_url", 0);
    auto body = ma::command_response(reply, render_);
    std::string what = "Mattermost response_url";
    co_await api_.post_to_url(std::move(what), std::move(to.response_url), std::move(body));
}

net::awaitable<void> MattermostMessenger::reply(ma::ReplyAddress to, adapters::ChatReply reply) {
    co_await outbound_.run(post(std::move(to), std::move(reply)));
}

net::awaitable<void> MattermostMessenger::dialogs_open(ma::ReplyAddress to, adapters::Form form) {
    // The trigger_id opens this dialog only; the submission answers where the click came from.
    auto const trigger_id = std::move(to.trigger_id);
    to.trigger_id.clear();
    auto const state = ma::dialog_state(form.submit_command, ma::format_reply_address(to), render_.action_secret);
    auto dialog = ma::dialog(form, state, render_);
    auto body = ma::dialog_open_body(trigger_id, std::move(dialog), render_);
    co_await api_.post(dialogs_open_path, std::move(body));
}

net::awaitable<void> MattermostMessenger::open_form(ma::ReplyAddress to, adapters::Form form) {
    if (to.trigger_id.empty()) throw BotError::refused("Mattermost: a form button click without a trigger_id", 0);
    co_await outbound_.run(dialogs_open(std::move(to), std::move(form)));
}

net::awaitable<void> MattermostMessenger::open_and_post(std::string user_id, adapters::ChatReply message) {
    if (!bot_user_id_) {
        // channels/direct takes both user ids, the bot's own first: the token's user.
        auto const me = co_await api_.get(users_me_path);
        if (me.id.empty()) throw BotError(BotError::Kind::upstream, "Mattermost users/me named no user id");
        bot_user_id_ = me.id;
    }
    auto body = ma::direct_channel_body(*bot_user_id_, user_id);
    auto const opened = co_await api_.post(direct_channel_path, std::move(body));
    if (opened.id.empty()) throw BotError(BotError::Kind::upstream, "Mattermost channels/direct named no channel");
    ma::ReplyAddress to;
    to.channel_id = opened.id;
    to.user_id = std::move(user_id);
    co_await post(std::move(to), std::move(message));
}

net::awaitable<void> MattermostMessenger::post_to_webhook(std::string municipality, std::string url, adapters::ChatReply message) {
    auto body = ma::incoming_webhook_body(message, render_);
    auto what = "Mattermost incoming webhook of " + municipality;
    co_await api_.post_to_url(std::move(what), std::move(url), std::move(body));
}

net::awaitable<void> MattermostMessenger::send_to_channel(std::string municipality, std::string url, adapters::ChatReply message) {
    co_await outbound_.run(post_to_webhook(std::move(municipality), std::move(url), std::move(message)));
}

net::awaitable<void> MattermostMessenger::send_to_person(std::string user_id, adapters::ChatReply message) {
    co_await outbound_.run(open_and_post(std::move(user_id), std::move(message)));
}

}  // namespace superbruger::bot::channels::mattermost
