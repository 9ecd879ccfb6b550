// AdapterError: the adapter layer's one error type.
#pragma once

#include <stdexcept>
#include <string>

namespace superbruger::adapters {

class AdapterError : public std::runtime_error {
public:
    enum class Kind {
        unauthenticated,  ///< a missing, forged, expired or misdirected credential: 401, reason only in the log
        bad_request,      ///< a body we cannot read: 400
    };
    AdapterError(Kind kind, std::string const& reason) : std::runtime_error(reason), kind_(kind) {}
    Kind kind() const noexcept { return kind_; }

private:
    Kind kind_;
};

}  // namespace superbruger::adapters
