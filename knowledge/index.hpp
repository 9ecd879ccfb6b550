// KnowledgeIndex: ranked search over the sections of the knowledge base.
#pragma once

#include "knowledge/document.hpp"
#include "knowledge/glossary.hpp"
#include "knowledge/question.hpp"
#include "knowledge/word_list.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace superbruger::knowledge {

struct Hit {
    SourceRef source;
    std::size_t document = 0;
    std::size_t section = 0;
    double score = 0;       ///< relevance, comparable within one search only
    double confidence = 0;  ///< share (0..1) of the question's weighted terms the section covers
};

/// How a question was understood (its concepts); private to the index, kept with the result
/// so that the excerpt does not analyse the question a second time.
struct AnalysedQuestion;

struct SearchResult {
    std::vector<Hit> hits;  ///< best first
    std::shared_ptr<AnalysedQuestion const> question;
    /// Confidence of the best hit, 0 without hits. The caller compares it with its threshold.
    double confidence() const noexcept { return hits.empty() ? 0.0 : hits.front().confidence; }
};

/// Built once from the loaded documents and glossary; immutable afterwards, so a reload builds a
/// new index and swaps it in. Searching is not thread-safe (the stemmers keep state): use one
/// index per thread or serialise calls.
class KnowledgeIndex {
public:
    /// `dictionary`, `english_dictionary`: real Danish and English words, never taken for typos of
    /// the base's words (either may be null). A misspelt function word ("hvme", "trough") is
    /// corrected unless it is a real Danish word.
    KnowledgeIndex(std::vector<Document> documents, Glossary glossary, std::shared_ptr<WordList const> dictionary = nullptr,
                   std::shared_ptr<WordList const> english_dictionary = nullptr);
    ~KnowledgeIndex();
    KnowledgeIndex(KnowledgeIndex const&) = delete;
    KnowledgeIndex& operator=(KnowledgeIndex const&) = delete;

    /// The best sections for a question, at most `max_hits`, one per document.
    SearchResult search(std::string_view question, std::size_t max_hits = 3) const;

    /// The part of a hit's section that answers the searched question best, at most `max_chars`
    /// bytes. `hit` must come from `result`.
    std::string excerpt(SearchResult const& result, Hit const& hit, std::size_t max_chars) const;

    /// Human-readable account of how a question was understood and ranked: its concepts with
    /// their weights and matching terms, and the best hits. For operators tuning the knowledge.
    std::string explain(std::string_view question) const;

    /// The kind of answer the searched question asks for (who, when, stands_for, …).
    static QuestionType question_type(SearchResult const& result) noexcept;

    std::vector<Document> const& documents() const noexcept;
    std::size_t section_count() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace superbruger::knowledge
