// SimilarRequests: TF-IDF cosine for duplicates, a small knowledge index for topics.
#include "bot/change_requests/similar_requests.hpp"

#include <algorithm>
#include <cmath>

namespace superbruger::bot::change_requests {

namespace {

constexpr double title_weight = 2.0;
/// Character n-grams catch what stemming misses in Danish (compounds, irregular forms); words
/// stay the stronger signal.
constexpr std::size_t gram_length = 4;
constexpr double gram_weight = 0.5;

void add_text(SimilarRequests::Features& out, std::string const& text, double weight, knowledge::Stemmer const& stemmer) {
    for (auto const& token : knowledge::analyze(text, stemmer)) {
        out["w:" + token.stem] += weight;
        auto const padded = " " + token.word + " ";
        if (padded.size() < gram_length) continue;
        for (std::size_t i = 0; i + gram_length <= padded.size(); ++i) {
            // Byte n-grams: a split inside an æ/ø/å only makes a rarer feature, never a wrong match.
            out["g:" + padded.substr(i, gram_length)] += weight * gram_weight;
        }
    }
}

double idf(int df, std::size_t documents) {
    return std::log((static_cast<double>(documents) + 1.0) / (static_cast<double>(df) + 1.0)) + 1.0;
}

double cosine(SimilarRequests::Features const& a, SimilarRequests::Features const& b, std::unordered_map<std::string, int> const& df,
              std::size_t documents) {
    auto weight = [&](std::string const& feature, double tf) {
        auto it = df.find(feature);
        return tf * idf(it == df.end() ? 0 : it->second, documents);
    };
    double dot = 0, na = 0, nb = 0;
    for (auto const& [f, tf] : a) {
        auto const wa = weight(f, tf);
        na += wa * wa;
        if (auto it = b.find(f); it != b.end()) dot += wa * weight(f, it->second);
    }
    for (auto const& [f, tf] : b) {
        auto const wb = weight(f, tf);
        nb += wb * wb;
    }
    return na == 0 || nb == 0 ? 0.0 : dot / std::sqrt(na * nb);
}

}  // namespace

SimilarRequests::SimilarRequests() : stemmer_(knowledge::StemLanguage::danish) {}
SimilarRequests::~SimilarRequests() = default;

SimilarRequests::Features SimilarRequests::features_of(std::string const& title, std::string const& description) const {
    Features f;
    add_text(f, title, title_weight, stemmer_);
    add_text(f, description, 1.0, stemmer_);
    return f;
}

void SimilarRequests::refresh(std::vector<storage::ChangeRequest> const& all) {
    std::string signature;
    for (auto const& r : all) signature += r.ref + "@" + r.updated_at + ";";
    if (signature == signature_ && features_.size() == all.size()) return;
    features_.clear();
    document_frequency_.clear();
    std::vector<knowledge::Document> docs;
    for (auto const& r : all) {
        features_.push_back(features_of(r.title, r.description));
        for (auto const& [feature, tf] : features_.back()) ++document_frequency_[feature];
        docs.push_back({r.ref, r.title, "request", "", {r.area}, {{"", r.description}, {"", r.benefit}}, ""});
    }
    index_ = all.empty() ? nullptr : std::make_unique<knowledge::KnowledgeIndex>(std::move(docs), knowledge::Glossary{});
    signature_ = std::move(signature);
}

std::vector<std::pair<storage::ChangeRequest, double>> SimilarRequests::duplicates_of(std::vector<storage::ChangeRequest> const& all,
                                                                                      std::string const& title,
                                                                                      std::string const& description, std::size_t max) {
    refresh(all);
    auto const query = features_of(title, description);
    std::vector<std::pair<storage::ChangeRequest, double>> out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        // The new text counts as one more document, so a feature only it has is rare, not unknown.
        auto const score = cosine(query, features_[i], document_frequency_, all.size() + 1);
        if (score >= min_similarity) out.emplace_back(all[i], score);
    }
    std::stable_sort(out.begin(), out.end(), [](auto const& a, auto const& b) { return a.second > b.second; });
    if (out.size() > max) out.resize(max);
    return out;
}

std::vector<storage::ChangeRequest> SimilarRequests::about(std::vector<storage::ChangeRequest> const& all, std::string const& topic,
                                                           std::size_t max) {
    refresh(all);
    std::vector<storage::ChangeRequest> out;
    if (!index_) return out;
    for (auto const& hit : index_->search(topic, max).hits) {
        // The same floor as before the split: a hit covering under 30 % of the topic's words is noise.
        if (hit.confidence < 0.3) continue;
        for (auto const& r : all) {
            if (r.ref == hit.source.document_id) out.push_back(r);
        }
    }
    return out;
}

}  // namespace superbruger::bot::change_requests
