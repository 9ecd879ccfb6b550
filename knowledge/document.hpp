// Document, Section, SourceRef: the knowledge base as loaded from its Markdown files.
#pragma once

#include <string>
#include <vector>

namespace superbruger::knowledge {

/// A part of a document under one "## " heading; the text before the first heading is the
/// section with an empty heading (the document's introduction).
struct Section {
    std::string heading;
    std::string text;  ///< Markdown body, paragraphs separated by blank lines
};

struct Document {
    std::string id;       ///< unique, stable; used in "Læs mere" pointers
    std::string title;
    std::string kind;     ///< role, procedure, background or local
    std::string source;   ///< where the facts come from (the citation)
    std::vector<std::string> aliases;
    std::vector<Section> sections;
    std::string file;     ///< the file it was read from, for error messages
};

/// What an answer cites.
struct SourceRef {
    std::string document_id;
    std::string document_title;
    std::string section;  ///< heading, empty for the introduction
    std::string origin;   ///< Document::source
};

}  // namespace superbruger::knowledge
