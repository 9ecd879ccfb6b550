// load_knowledge: documents + glossaries → KnowledgeIndex.
#include "knowledge/knowledge_base.hpp"

#include "knowledge/danish_text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace superbruger::knowledge {

LoadedKnowledge load_knowledge(std::vector<std::filesystem::path> const& folders) {
    namespace fs = std::filesystem;
    auto loaded = load_documents(folders);
    LoadedKnowledge out;
    out.problems = std::move(loaded.problems);

    Stemmer danish(StemLanguage::danish);
    Stemmer english(StemLanguage::english);
    Glossary glossary;
    for (auto const& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;  // already reported by load_documents
        std::vector<fs::path> files;
        for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file() && it->path().extension() == ".glossary") files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (auto const& path : files) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            glossary.add_text(text.str(), path.string(), danish, english, out.problems);
        }
    }
    out.index = std::make_shared<KnowledgeIndex const>(std::move(loaded.documents), std::move(glossary));
    return out;
}

}  // namespace superbruger::knowledge
