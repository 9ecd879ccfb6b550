// SimilarRequests: a small knowledge index over the requests.
#include "bot/change_requests/similar_requests.hpp"

namespace superbruger::bot::change_requests {

std::vector<std::pair<storage::ChangeRequest, double>> SimilarRequests::find(std::vector<storage::ChangeRequest> const& all,
                                                                             std::string const& title, std::string const& description,
                                                                             std::size_t max) {
    std::vector<std::pair<storage::ChangeRequest, double>> out;
    if (all.empty()) return out;
    std::string signature;
    for (auto const& r : all) signature += r.ref + "@" + r.updated_at + ";";
    if (!index_ || signature != indexed_) {
        std::vector<knowledge::Document> docs;
        for (auto const& r : all) {
            docs.push_back({r.ref, r.title, "request", "", {r.area}, {{"", r.description}, {"", r.benefit}}, ""});
        }
        index_ = std::make_unique<knowledge::KnowledgeIndex>(std::move(docs), knowledge::Glossary{});
        indexed_ = signature;
    }
    // The title carries the gist; the start of the description adds the domain words.
    auto const question = title + ". " + description.substr(0, 400);
    auto const result = index_->search(question, max);
    for (auto const& hit : result.hits) {
        if (hit.confidence < min_similarity) continue;
        for (auto const& r : all) {
            if (r.ref == hit.source.document_id) out.emplace_back(r, hit.confidence);
        }
    }
    return out;
}

}  // namespace superbruger::bot::change_requests
