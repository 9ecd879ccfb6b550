// `superbot probe`: asks the local server whether it is up or ready, for a container's
// HEALTHCHECK or a monitoring agent on the same host. Exit 0 when it answers 200, else 1.
#include "bot/cli/commands.hpp"
#include "bot/cli/setup.hpp"
#include "bot/error.hpp"
#include "bot/http/client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include <iostream>

namespace superbruger::bot::cli {

namespace {

constexpr char const* usage =
    "Usage: superbot probe [--config FILE] [--path /readyz|/healthz] [--timeout SECONDS]\n"
    "\n"
    "GETs http://<server.address>:<server.port>/readyz (or --path) of the server this config\n"
    "describes; a wildcard address (0.0.0.0, ::) is probed on loopback. Prints the answer. Exit\n"
    "code 0 for 200, 1 for any other status or no answer within --timeout (default 3 s).\n";

/// Where a server listening on `address` can be reached from this host.
std::string loopback_for(std::string const& address) {
    if (address == "0.0.0.0") return "127.0.0.1";
    if (address == "::" || address == "[::]") return "[::1]";
    if (address.find(':') != std::string::npos && address.front() != '[') return "[" + address + "]";
    return address;
}

}  // namespace

int run_probe(std::vector<std::string> const& argv) {
    Arguments args(argv, {"--help"}, {"--config", "--path", "--timeout"});
    args.parse();
    if (args.flag("--help")) {
        std::cout << usage;
        return exit_ok;
    }
    if (!args.positionals().empty()) throw BotError(BotError::Kind::usage, "probe takes no arguments (see superbot probe --help)");
    auto const path = args.option("--path").value_or("/readyz");
    if (path != "/readyz" && path != "/healthz") throw BotError(BotError::Kind::usage, "--path must be /readyz or /healthz");
    int timeout = 3;
    if (auto t = args.option("--timeout")) {
        try {
            timeout = std::stoi(*t);
        } catch (std::exception const&) {
            timeout = 0;
        }
        if (timeout < 1 || timeout > 60) throw BotError(BotError::Kind::usage, "--timeout must be a whole number of seconds from 1 to 60");
    }
    auto const config = load_config_and_logging(args, true);
    auto const url = "http://" + loopback_for(config.server.address) + ":" + std::to_string(config.server.port) + path;

    http::ClientSettings settings;
    settings.connect_timeout = std::chrono::seconds(timeout);
    settings.request_timeout = std::chrono::seconds(timeout);
    settings.max_response_bytes = 64 * 1024;
    http::net::io_context ioc;
    http::Client client(ioc, settings);
    auto future = boost::asio::co_spawn(ioc, client.send({http::bhttp::verb::get, url, {}, {}}), boost::asio::use_future);
    ioc.run();
    http::ClientResponse response;
    try {
        response = future.get();
    } catch (BotError const& e) {
        if (e.kind() != BotError::Kind::upstream) throw;
        std::cerr << "probe: " << url << ": " << e.what() << '\n';
        return exit_failure;
    }
    if (response.status != 200) {
        std::cerr << "probe: " << url << " answered " << response.status << ": " << response.body << '\n';
        return exit_failure;
    }
    std::cout << response.body << (response.body.ends_with('\n') ? "" : "\n");
    return exit_ok;
}

}  // namespace superbruger::bot::cli
