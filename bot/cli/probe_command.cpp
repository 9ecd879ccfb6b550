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

constexpr char const* usage_da =
    "Brug: superbot probe [--config FIL] [--path /readyz|/healthz] [--timeout SEKUNDER] [--lang da|en]\n"
    "\n"
    "Henter http://<server.address>:<server.port>/readyz (eller --path) fra den server, config'en\n"
    "beskriver; en wildcard-adresse (0.0.0.0, ::) spørges på loopback. Skriver svaret. Exitkode 0\n"
    "for 200, 1 for enhver anden status eller intet svar inden --timeout (standard 3 s).\n";
constexpr char const* usage_en =
    "Usage: superbot probe [--config FILE] [--path /readyz|/healthz] [--timeout SECONDS] [--lang da|en]\n"
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
    Arguments args(argv, {"--help"}, {"--config", "--path", "--timeout", "--lang"});
    args.parse();
    auto const lang = cli_language(args);
    if (args.flag("--help")) {
        std::cout << say(lang, usage_da, usage_en);
        return exit_ok;
    }
    if (!args.positionals().empty()) {
        throw BotError(BotError::Kind::usage, say(lang, "probe tager ingen argumenter (se superbot probe --help)", "probe takes no arguments (see superbot probe --help)"));
    }
    auto const path = args.option("--path").value_or("/readyz");
    if (path != "/readyz" && path != "/healthz") throw BotError(BotError::Kind::usage, say(lang, "--path skal være /readyz eller /healthz", "--path must be /readyz or /healthz"));
    int timeout = 3;
    if (auto t = args.option("--timeout")) {
        try {
            timeout = std::stoi(*t);
        } catch (std::exception const&) {
            timeout = 0;
        }
        if (timeout < 1 || timeout > 60) {
            throw BotError(BotError::Kind::usage, say(lang, "--timeout skal være et helt antal sekunder fra 1 til 60", "--timeout must be a whole number of seconds from 1 to 60"));
        }
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
        std::cerr << "probe: " << url << say(lang, " svarede ", " answered ") << response.status << ": " << response.body << '\n';
        return exit_failure;
    }
    std::cout << response.body << (response.body.ends_with('\n') ? "" : "\n");
    return exit_ok;
}

}  // namespace superbruger::bot::cli
