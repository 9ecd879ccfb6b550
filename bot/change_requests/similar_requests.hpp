// SimilarRequests: the filed requests most like a new one, and the filed requests about a topic.
// The two are different questions: a duplicate is a request that says much the same thing (a
// symmetric similarity of the two texts), while "ændringsønsker om breve" is a search for
// requests that mention a few words.
#pragma once

#include "knowledge/danish_text.hpp"
#include "knowledge/index.hpp"
#include "storage/change_requests.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace superbruger::bot::change_requests {

class SimilarRequests {
public:
    SimilarRequests();
    ~SimilarRequests();

    /// At most `max` requests from `all` that resemble a new request with this title and
    /// description, most similar first, each with its similarity (0..1): the cosine of TF-IDF
    /// vectors over word stems and over character 4-grams of the words (so compounds and
    /// inflections meet: "journalnotater" and "notat"), the title counting twice.
    std::vector<std::pair<storage::ChangeRequest, double>> duplicates_of(std::vector<storage::ChangeRequest> const& all,
                                                                         std::string const& title, std::string const& description,
                                                                         std::size_t max = 3);

    /// At most `max` requests from `all` about `topic`, best first (the knowledge search over
    /// titles, descriptions and benefits).
    std::vector<storage::ChangeRequest> about(std::vector<storage::ChangeRequest> const& all, std::string const& topic,
                                              std::size_t max = 10);

    /// Below this similarity a request is not shown as a possible duplicate. Chosen on
    /// bench/change_requests/duplicate_pairs.jsonl (bench_duplicate_detection).
    static constexpr double min_similarity = 0.38;

    /// A text's features: feature → weight before IDF.
    using Features = std::unordered_map<std::string, double>;

private:
    Features features_of(std::string const& title, std::string const& description) const;
    void refresh(std::vector<storage::ChangeRequest> const& all);

    knowledge::Stemmer stemmer_;
    std::string signature_;               ///< refs and update times of the requests below
    std::vector<Features> features_;      ///< per request of the last `all`, same order
    std::unordered_map<std::string, int> document_frequency_;
    std::unique_ptr<knowledge::KnowledgeIndex> index_;
};

}  // namespace superbruger::bot::change_requests
