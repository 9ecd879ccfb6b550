// load_knowledge: documents + glossaries → KnowledgeIndex.
#include "knowledge/knowledge_base.hpp"

#include "knowledge/danish_text.hpp"


namespace superbruger::knowledge {

LoadedKnowledge load_knowledge(std::vector<std::filesystem::path> const& folders) {
    auto loaded = load_documents(folders);
    LoadedKnowledge out;
    out.problems = std::move(loaded.problems);

    Stemmer danish(StemLanguage::danish);
    Stemmer english(StemLanguage::english);
    Glossary glossary;
    std::vector<LoadProblem> listing_problems;  // missing folders: already reported by load_documents
    for (auto const& folder : folders) {
        for (auto const& path : files_below(folder, ".glossary", listing_problems)) {
            if (auto text = read_text_file(path, out.problems)) {
                glossary.add_text(*text, path.string(), danish, english, out.problems);
            }
        }
    }
    out.index = std::make_shared<KnowledgeIndex const>(std::move(loaded.documents), std::move(glossary), system_danish_words(),
                                                            system_english_words());
    return out;
}

}  // namespace superbruger::knowledge
