// StorageError: the storage layer's one exception type; SQLite exceptions never leave storage/.
#pragma once

#include <stdexcept>
#include <string>

namespace superbruger::storage {

class StorageError : public std::runtime_error {
public:
    enum class Kind { unavailable, not_found, conflict, corrupt };

    StorageError(Kind kind, std::string const& what) : std::runtime_error(what), kind_(kind) {}
    Kind kind() const noexcept { return kind_; }

private:
    Kind kind_;
};

}  // namespace superbruger::storage
