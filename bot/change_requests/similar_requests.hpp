// SimilarRequests: the filed requests most like a new one, found with the knowledge search
// (stemming, compound splitting, typo tolerance) over the requests' titles and descriptions.
#pragma once

#include "knowledge/index.hpp"
#include "storage/change_requests.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace superbruger::bot::change_requests {

class SimilarRequests {
public:
    /// At most `max` requests from `all` resembling the title and description, most similar
    /// first, each with the share (0..1) of the new text's weighted words it covers. The index is
    /// rebuilt only when the set of requests changed.
    std::vector<std::pair<storage::ChangeRequest, double>> find(std::vector<storage::ChangeRequest> const& all, std::string const& title,
                                                                std::string const& description, std::size_t max = 3);

    /// Below this share a request is not shown as similar.
    static constexpr double min_similarity = 0.3;

private:
    std::unique_ptr<knowledge::KnowledgeIndex> index_;
    std::string indexed_;  ///< refs and update times of the requests in the index
};

}  // namespace superbruger::bot::change_requests
