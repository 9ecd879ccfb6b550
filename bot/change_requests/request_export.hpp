// Exports of the change requests for KOMBIT and the reference group: CSV (one row per request,
// Excel-safe) or JSON (with supporters and history).
#pragma once

#include "bot/directory/directory_service.hpp"
#include "storage/change_requests.hpp"

#include <optional>
#include <string>

namespace superbruger::bot::change_requests {

std::string export_csv(storage::ChangeRequests const& requests, directory::DirectoryService& directory,
                       std::optional<std::string> const& status);
std::string export_json(storage::ChangeRequests const& requests, directory::DirectoryService& directory,
                        std::optional<std::string> const& status);

}  // namespace superbruger::bot::change_requests
