// The rules of change requests: the statuses and their order, the urgency scale, the field
// limits, and who may move a request where.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::change_requests {

/// In the order a request travels: ny → under vurdering → sendt til KOMBIT → prioriteret |
/// afvist → implementeret (with a release).
std::vector<std::string> const& statuses();

/// Where a request may be supported by another municipality (not once it is implemented, rejected
/// or withdrawn), edited by its submitter (ny, under vurdering) and withdrawn (until KOMBIT has
/// prioritised it).
bool supportable(std::string const& status);
bool editable(std::string const& status);
bool withdrawable(std::string const& status);

/// A status from what someone typed (Danish or English, any case): "sendt til kombit",
/// "sent to KOMBIT", "prioritised", "rejected", …; nullopt when it is none.
std::optional<std::string> status_named(std::string_view folded);

/// "lav", "middel", "høj" from Danish or English words (low/medium/high); nullopt otherwise.
std::optional<std::string> urgency_named(std::string_view folded);

/// Whether the status may follow `from` at all (for anyone).
bool transition_exists(std::string const& from, std::string const& to);

enum class Mover {
    coordinator,               ///< a coordinator of the network: every transition
    home_systemansvarlig,      ///< the submitting municipality's systemansvarlig
    other,                     ///< anyone else: none
};

/// Whether `mover` may move a request from `from` to `to`. The submitting municipality's
/// systemansvarlig takes its own requests as far as "sendt til KOMBIT"; coordinators do the rest.
bool may_move(Mover mover, std::string const& from, std::string const& to);

struct FieldLimit {
    char const* name;  ///< key in the draft
    std::size_t max_chars;
};
/// The intake's fields in the order they are asked, with their limits (characters).
std::vector<FieldLimit> const& fields();

}  // namespace superbruger::bot::change_requests
