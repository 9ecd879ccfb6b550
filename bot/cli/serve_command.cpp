// `superbot serve`: the HTTP service with graceful shutdown on SIGTERM/SIGINT and knowledge
// reload on SIGHUP.
#include "bot/app.hpp"
#include "bot/answer_retention.hpp"
#include "storage/hand_offs.hpp"
#include "bot/background_tasks.hpp"
#include "bot/channels/channel_endpoint.hpp"
#include "bot/channels/conversation_memory.hpp"
#include "bot/channels/registry.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/http/client.hpp"
#include "bot/http/router.hpp"
#include "bot/http/server.hpp"
#include "bot/http/service_routes.hpp"
#include "bot/log.hpp"
#include "bot/outbound_handoff.hpp"
#include "bot/outbound_thread.hpp"
#include "bot/outbox_worker.hpp"
#include "bot/releases/reminder_planner.hpp"
#include "storage/outbox.hpp"

#include "bot/cli/pid_file.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage_da =
    "Brug: superbot serve [--config FIL] [--lang da|en]\n"
    "\n"
    "Serverer HTTP på server.address:server.port (standard 127.0.0.1:3978) med /healthz, /readyz\n"
    "og /metrics, og webhook-endepunkterne for hver chatplatform, hvis config-afsnit slår den til\n"
    "(hemmeligheder kommer fra de miljøvariabler, config'en nævner; se README). SIGTERM eller\n"
    "SIGINT stopper den pænt (igangværende forespørgsler besvares); SIGHUP genindlæser\n"
    "vidensmapperne. Loggen er JSON-linjer på stderr.\n";
constexpr char const* usage_en =
    "Usage: superbot serve [--config FILE] [--lang da|en]\n"
    "\n"
    "Serves HTTP on server.address:server.port (default 127.0.0.1:3978) with /healthz, /readyz\n"
    "and /metrics, and the webhook endpoints of each chat platform whose config section turns it\n"
    "on (secrets come from environment variables the config names; see the README). SIGTERM or\n"
    "SIGINT stops it gracefully (requests in flight are answered);\n"
    "SIGHUP re-reads the knowledge folders. Logs are JSON lines on stderr.\n";

http::ServerLimits limits_of(ServerConfig const& c) {
    http::ServerLimits l;
    l.max_body_bytes = c.max_body_bytes;
    l.max_connections = c.max_connections;
    l.max_connections_per_ip = c.max_connections_per_ip;
    l.first_byte_timeout = c.first_byte_timeout;
    l.request_timeout = c.request_timeout;
    l.idle_timeout = c.idle_timeout;
    return l;
}

http::ClientSettings client_settings_of(HttpClientConfig const& c) {
    http::ClientSettings s;
    s.ca_file = c.ca_file;
    s.connect_timeout = c.connect_timeout;
    s.request_timeout = c.request_timeout;
    s.proxy = http::proxy_settings(c.https_proxy, c.no_proxy, [](char const* name) { return std::getenv(name); });
    return s;
}

}  // namespace

int run_serve(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--lang"});
    args.parse();
    auto const lang = cli_language(args);
    if (args.flag("--help")) {
        std::cout << say(lang, usage_da, usage_en);
        return exit_ok;
    }
    if (!args.positionals().empty()) throw BotError(BotError::Kind::usage, say(lang, "serve tager ingen argumenter", "serve takes no arguments"));
    auto config = load_config_and_logging(args, false);
    App app(config);

    http::net::io_context ioc{1};
    http::Metrics metrics;
    http::Router router;
    bool draining = false;
    bool stopped = false;
    // One per enabled platform; their readiness is part of the server's.
    std::vector<std::unique_ptr<channels::Channel>> channels_served;
    http::add_service_routes(router, metrics, [&]() -> std::string {
        if (draining) return "shutting down";
        if (auto why_not = app.readiness(); !why_not.empty()) return why_not;
        for (auto const& channel : channels_served) {
            if (auto why_not = channel->readiness(); !why_not.empty()) return why_not;
        }
        return {};
    });
    http::Server server(ioc, limits_of(config.server),
                        [&router](http::Request& req, http::RequestContext& ctx) { return router.dispatch(req, ctx); },
                        metrics);
    http::Client client(ioc, client_settings_of(config.http_client));
    // Sends to the platforms run on a thread of their own (HTTP, TLS, JSON of the cards), so the
    // serving thread only handles requests and the database.
    OutboundThread outbound;
    http::Client outbound_client(outbound.context(), client_settings_of(config.http_client));
    OutboundHandoff handoff(outbound.context().get_executor());
    BackgroundTasks background(ioc.get_executor());
    background.on_failure([&metrics](std::string const& task) { metrics.background_task_failed(task); });
    channels::ConversationMemory conversations(app.conversations());
    storage::Outbox outbox(app.database());
    OutboxWorker outbox_worker(ioc.get_executor(), outbox, config.outbox, &metrics);
    std::vector<std::unique_ptr<channels::ChannelEndpoint>> endpoints;
    for (auto const& registration : channels::registered_channels()) {
        auto const& settings = *config.channels.at(registration.platform);
        if (!settings.enabled()) {
            log::info("channel_disabled", {{"platform", registration.platform}});
            continue;
        }
        auto& channel = *channels_served.emplace_back(registration.make(
            settings, channels::ChannelDependencies{conversations, client, outbound_client, handoff, background}));
        auto& channel_endpoint = *endpoints.emplace_back(
            std::make_unique<channels::ChannelEndpoint>(channel, app.assistant(), app.database(), conversations, background));
        channel_endpoint.add_routes(router);
        outbox_worker.add_platform(
            registration.platform, [&channel](storage::OutboxMessage const& m, adapters::ChatReply reply) { return channel.send_to_person(m, std::move(reply)); },
            static_cast<std::size_t>(settings.outbox_per_tenant_per_second));
        channel.start();
        channel_endpoint.start();
        log::info("channel_enabled", {{"platform", registration.platform}});
    }
    outbox_worker.start(background);
    releases::ReminderPlanner reminders(app.database(), app.directory(), config.releases.reminder_offsets_days, municipality_channels(config));
    for (auto const& c : reminders.unknown_channels()) {
        log::warn("municipality_channel_unknown", {{"platform", c.platform},
                                                   {"municipality", c.municipality},
                                                   {"hint", "no municipality of the role directory has this name or kommunenummer"}});
    }
    auto reminder_timer = std::make_shared<boost::asio::steady_timer>(ioc);
    background.spawn("reminders", [](releases::ReminderPlanner& planner, std::shared_ptr<boost::asio::steady_timer> timer,
                                     std::chrono::seconds every) -> boost::asio::awaitable<void> {
        for (;;) {
            try {
                if (auto n = planner.queue_due_reminders(std::chrono::system_clock::now())) log::info("reminders_queued", {{"count", n}});
            } catch (std::exception const& e) {
                log::error("reminders_failed", {{"error", e.what()}});  // tried again at the next check
            }
            timer->expires_after(every);
            auto [ec] = co_await timer->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
            if (ec) co_return;  // cancelled at shutdown
        }
    }(reminders, reminder_timer, config.releases.reminder_check_interval));
    storage::HandOffs hand_offs(app.database());
    AnswerRetention answer_retention(ioc.get_executor(), app.answers(), config.knowledge.keep_answers_days, &hand_offs);
    answer_retention.start(background);
    auto const endpoint = server.listen(config.server.address, config.server.port);
    log::info("listening", {{"address", endpoint.address().to_string()}, {"port", endpoint.port()}});
    PidFile pid_file(config.server.pid_file);
    auto const report_knowledge = [&] {
        metrics.knowledge_loaded(app.knowledge().index()->documents().size(), app.knowledge().problems().size());
    };
    report_knowledge();

    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM, SIGHUP);
    std::function<void()> wait_for_signal = [&] {
        signals.async_wait([&](boost::system::error_code ec, int signal) {
            if (ec) return;
            if (signal == SIGHUP) {
                app.knowledge().reload();
                report_knowledge();
            } else if (!draining) {
                log::info("shutdown_started", {{"signal", signal}, {"grace_seconds", config.server.shutdown_grace.count()}});
                draining = true;
                // Replies still on their way to a platform get the same grace after the last request.
                outbox_worker.stop();
                reminder_timer->cancel();
                answer_retention.stop();
                server.shutdown(config.server.shutdown_grace, [&] {
                    // After the last request: its delivery id is written too.
                    for (auto& channel_endpoint : endpoints) channel_endpoint->stop();
                    for (auto& channel : channels_served) channel->stop();
                    background.drain(config.server.shutdown_grace, [&] {
                        stopped = true;
                        signals.cancel();
                    });
                });
                // Keep listening: a second SIGTERM/SIGINT stops at once.
            } else {
                log::warn("shutdown_forced", {{"signal", signal}});
                ioc.stop();
                return;
            }
            if (!stopped) wait_for_signal();  // the drain may already be over (no open connections)
        });
    };
    wait_for_signal();
    ioc.run();
    log::info("stopped");
    return exit_ok;
}

}  // namespace superbruger::bot::cli
