// Knowledge: a document parses or is refused with a KnowledgeError, an index of it can be
// searched, and any question against the bundled knowledge base gets hits, excerpts and an
// explanation without crashing.
#include "knowledge/danish_text.hpp"
#include "knowledge/document_loader.hpp"
#include "knowledge/error.hpp"
#include "knowledge/knowledge_base.hpp"
#include "knowledge/language.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace superbruger::knowledge;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    static auto const bundled = load_knowledge({SB_BUNDLED_KNOWLEDGE_DIR});
    if (size > 16384) return 0;  // questions and documents are small; long inputs only slow the run
    auto const text = superbruger::fuzz::as_text(data, size);

    (void)detect_language(text);
    (void)split_words(fold_case(text));
    auto const result = bundled.index->search(text);
    for (auto const& hit : result.hits) (void)bundled.index->excerpt(result, hit, 300);
    (void)bundled.index->explain(text.substr(0, 200));

    try {
        auto doc = parse_document(text, "fuzz.md");
        auto const title = doc.title;
        std::vector<Document> docs;
        docs.push_back(std::move(doc));
        KnowledgeIndex own(std::move(docs), Glossary{});
        auto const r = own.search(title);
        for (auto const& hit : r.hits) (void)own.excerpt(r, hit, 200);
    } catch (KnowledgeError const&) {
    }
    return 0;
}
