// Arguments: the command line of one subcommand (flags, options with values, positionals).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace superbruger::bot::cli {

/// Options look like "--name value" or "--name=value"; flags like "--name". Every option and
/// flag a command accepts must be declared before parse(), so a typo is an error, not ignored.
class Arguments {
public:
    Arguments(std::vector<std::string> args, std::set<std::string> flags, std::set<std::string> options);

    /// Throws BotError{usage} for an unknown option or an option without its value.
    void parse();

    bool flag(std::string const& name) const { return seen_flags_.contains(name); }
    std::optional<std::string> option(std::string const& name) const;
    std::vector<std::string> const& positionals() const noexcept { return positionals_; }

private:
    std::vector<std::string> args_;
    std::set<std::string> flags_;
    std::set<std::string> options_;
    std::set<std::string> seen_flags_;
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::string> positionals_;
};

}  // namespace superbruger::bot::cli
