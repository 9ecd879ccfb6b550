// ChannelEndpoint: the per-message work every platform shares.
#include "bot/channels/channel_endpoint.hpp"

#include "adapters/error.hpp"
#include "bot/assistant.hpp"
#include "bot/background_tasks.hpp"
#include "bot/http/responses.hpp"
#include "bot/log.hpp"
#include "bot/texts.hpp"
#include "bot/time_format.hpp"
#include "knowledge/language.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace superbruger::bot::channels {

namespace {

using http::bhttp::status;

/// Claims reach the database this often (see DeliveryClaims).
constexpr auto claim_flush_interval = std::chrono::milliseconds(250);

}  // namespace

ChannelEndpoint::ChannelEndpoint(Channel& channel, Assistant& assistant, storage::Database& database, ConversationMemory& conversations,
                                 BackgroundTasks& background)
    : channel_(channel),
      assistant_(assistant),
      database_(database),
      conversations_(conversations),
      background_(background),
      claims_(conversations.store(), channel.platform()),
      flush_timer_(std::make_shared<net::steady_timer>(background.executor())) {}

void ChannelEndpoint::add_routes(http::Router& router) {
    for (auto const& path : channel_.paths()) {
        router.add(http::bhttp::verb::post, path, [this](http::Request& req, http::RequestContext& ctx) { return handle(req, ctx); });
    }
}

void ChannelEndpoint::start() {
    background_.spawn(channel_.platform() + "_claims",
                      [](ChannelEndpoint* self, std::shared_ptr<net::steady_timer> timer) -> net::awaitable<void> {
                          while (!self->stopping_) {
                              timer->expires_after(claim_flush_interval);
                              co_await timer->async_wait(net::as_tuple(net::use_awaitable));
                              self->flush_claims();
                          }
                      }(this, flush_timer_));
}

void ChannelEndpoint::stop() {
    stopping_ = true;
    flush_timer_->cancel();
    flush_claims();
}

void ChannelEndpoint::flush_claims() {
    try {
        claims_.flush(std::chrono::system_clock::now());
    } catch (std::exception const& e) {
        // Kept for the next flush.
        log::warn("delivery_claims_not_written", {{"platform", channel_.platform()}, {"error", e.what()}, {"pending", claims_.pending()}});
    }
}

net::awaitable<http::Response> ChannelEndpoint::handle(http::Request& req, http::RequestContext& ctx) {
    std::string refusal;
    std::unique_ptr<VerifiedRequest> verified;
    try {
        verified = co_await channel_.verify(req, ctx);
    } catch (adapters::AdapterError const& e) {
        refusal = e.what();  // answered outside the catch: GCC 12 coroutines and co_return in a handler
    }
    auto refuse = [&](std::string const& reason) {
        log::warn("channel_unauthenticated", {{"platform", channel_.platform()}, {"request_id", ctx.request_id}, {"reason", reason}});
        return http::error_response(status::unauthorized, "unauthorized", ctx.request_id);
    };
    if (!verified) co_return refuse(refusal.empty() ? "not verified" : refusal);

    std::vector<InboundEvent> events;
    try {
        events = verified->parse();
    } catch (adapters::AdapterError const& e) {
        if (e.kind() == adapters::AdapterError::Kind::unauthenticated) co_return refuse(e.what());
        log::info("channel_bad_request", {{"platform", channel_.platform()}, {"request_id", ctx.request_id}, {"reason", e.what()}});
        co_return http::error_response(status::bad_request, e.what(), ctx.request_id);
    }
    co_await verified->complete(events);
    auto replies = process(events);
    log::debug("channel_request", {{"platform", channel_.platform()}, {"request_id", ctx.request_id}, {"events", events.size()}});
    co_return co_await verified->answer(std::move(replies));
}

Replies ChannelEndpoint::process(std::vector<InboundEvent> const& events) {
    Replies replies;
    replies.reserve(events.size());
    for (auto const& event : events) replies.push_back(process_one(event));
    return replies;
}

std::optional<adapters::ChatReply> ChannelEndpoint::process_one(InboundEvent const& event) {
    std::optional<adapters::ChatReply> reply;
    if (event.kind == InboundEvent::Kind::other) return reply;
    auto const now = std::chrono::system_clock::now();
    if (!event.delivery_id.empty() && !claims_.claim(event.delivery_id, now)) {
        log::debug("channel_retry_ignored", {{"platform", channel_.platform()}});
        return reply;
    }
    auto const& platform = channel_.platform();
    auto const& conversation = event.conversation;
    // One transaction for the stored conversation and whatever the assistant writes: all of it
    // is kept, or (on an error, which the platform retries) none of it.
    try {
        database_.write_all_or_nothing([&] {
            switch (event.kind) {
            case InboundEvent::Kind::message:
                conversations_.remember(platform, conversation, utc_timestamp(now));
                reply = assistant_.handle(event.message);
                break;
            case InboundEvent::Kind::added:
                conversations_.remember(platform, conversation, utc_timestamp(now));
                reply = adapters::ChatReply{};
                reply->text = texts::welcome(knowledge::Language::da);
                break;
            case InboundEvent::Kind::removed:
                conversations_.forget(platform, conversation.conversation_id);
                break;
            case InboundEvent::Kind::other:
                break;
            }
        });
    } catch (storage::StorageError const& e) {
        conversations_.forget_cached(platform, conversation.conversation_id);
        if (e.kind() != storage::StorageError::Kind::conflict) {
            // Rolled back: the retry must be handled, and the conversation written again.
            claims_.release(event.delivery_id);
            throw;
        }
        // A value the database refuses (a CHECK the chat's own checks did not foresee): its
        // retry would fail the same way, so the delivery stays handled and the person is told,
        // instead of a 500 the platform would retry. Nothing of it was kept.
        log::error("channel_input_refused_by_database", {{"platform", platform}, {"error", e.what()}});
        reply = adapters::ChatReply{};
        reply->text = texts::not_stored(knowledge::detect_language(event.message.text));
        reply->confident = false;
    } catch (...) {
        // Rolled back: the retry must be handled, and the conversation written again.
        claims_.release(event.delivery_id);
        conversations_.forget_cached(platform, conversation.conversation_id);
        throw;
    }
    return reply;
}

}  // namespace superbruger::bot::channels
