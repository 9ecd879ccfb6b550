// Command-line parsing for subcommands.
#include "bot/cli/arguments.hpp"

#include "bot/error.hpp"

namespace superbruger::bot::cli {

Arguments::Arguments(std::vector<std::string> args, std::set<std::string> flags, std::set<std::string> options)
    : args_(std::move(args)), flags_(std::move(flags)), options_(std::move(options)) {}

void Arguments::parse() {
    // The language of these messages: the command's --lang, read ahead (Danish unless "en").
    bool english = false;
    for (std::size_t i = 0; i < args_.size(); ++i) {
        english |= args_[i] == "--lang=en" || (args_[i] == "--lang" && i + 1 < args_.size() && args_[i + 1] == "en");
    }
    bool only_positionals = false;
    for (std::size_t i = 0; i < args_.size(); ++i) {
        auto const& arg = args_[i];
        if (only_positionals || !arg.starts_with("--")) {
            positionals_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positionals = true;
            continue;
        }
        auto const eq = arg.find('=');
        auto const name = arg.substr(0, eq);
        if (flags_.contains(name) && eq == std::string::npos) {
            seen_flags_.insert(name);
        } else if (options_.contains(name)) {
            if (eq != std::string::npos) {
                values_.emplace_back(name, arg.substr(eq + 1));
            } else if (i + 1 < args_.size()) {
                values_.emplace_back(name, args_[++i]);
            } else {
                throw BotError(BotError::Kind::usage, name + (english ? " needs a value" : " kræver en værdi"));
            }
        } else {
            throw BotError(BotError::Kind::usage, (english ? "unknown option " : "ukendt tilvalg ") + name);
        }
    }
}

std::optional<std::string> Arguments::option(std::string const& name) const {
    std::optional<std::string> last;
    for (auto const& [n, v] : values_) {
        if (n == name) last = v;
    }
    return last;
}

}  // namespace superbruger::bot::cli
