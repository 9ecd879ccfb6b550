// KnowledgeError: the knowledge layer's one exception type.
#pragma once

#include <stdexcept>
#include <string>

namespace superbruger::knowledge {

class KnowledgeError : public std::runtime_error {
public:
    enum class Kind { malformed, unavailable };

    /// `line` is 1-based within the file, or 0 when the problem is not tied to a line.
    KnowledgeError(Kind kind, std::string const& what, int line = 0)
        : std::runtime_error(what), kind_(kind), line_(line) {}
    Kind kind() const noexcept { return kind_; }
    int line() const noexcept { return line_; }

private:
    Kind kind_;
    int line_;
};

}  // namespace superbruger::knowledge
