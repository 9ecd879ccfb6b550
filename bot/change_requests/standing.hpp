// Standing: what the asker may do with change requests, from the role directory.
#pragma once

#include "bot/directory/directory_service.hpp"

#include <string>
#include <vector>

namespace superbruger::bot::change_requests {

struct Standing {
    directory::Asker asker;
    bool coordinator = false;          ///< a coordinator of the network
    bool superbruger = false;          ///< holds superbruger (or systemansvarlig) in their municipality now
    bool systemansvarlig = false;      ///< holds systemansvarlig in their municipality now
    bool may_submit() const noexcept { return coordinator || superbruger || systemansvarlig; }
};

Standing standing_of(directory::DirectoryService& directory, std::string const& platform, adapters::Sender const& sender);

/// "Name (email)" of the municipality's current superbrugere, for "ask them".
std::vector<std::string> superbrugere_of(directory::DirectoryService& directory, std::int64_t municipality_id);

}  // namespace superbruger::bot::change_requests
