// Markdown-with-header parsing and folder walking for the knowledge base.
#include "knowledge/document_loader.hpp"

#include "knowledge/error.hpp"
#include "knowledge/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace superbruger::knowledge {

namespace {

std::string trim(std::string_view s) {
    auto const ws = " \t\r\n";
    auto begin = s.find_first_not_of(ws);
    if (begin == std::string_view::npos) return {};
    auto end = s.find_last_not_of(ws);
    return std::string(s.substr(begin, end - begin + 1));
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto comma = s.find(',', start);
        if (comma == std::string_view::npos) comma = s.size();
        auto item = trim(s.substr(start, comma - start));
        if (!item.empty()) out.push_back(item);
        start = comma + 1;
    }
    return out;
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string line(text.substr(start, nl - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = nl + 1;
    }
    return lines;
}

void finish_section(Document& doc, Section& section) {
    section.text = trim(section.text);
    if (!section.text.empty() || !section.heading.empty()) doc.sections.push_back(std::move(section));
    section = {};
}

}  // namespace

Document parse_document(std::string_view text, std::string const& file) {
    using Kind = KnowledgeError::Kind;
    auto lines = lines_of(text);
    if (lines.empty() || trim(lines[0]) != "---") {
        throw KnowledgeError(Kind::malformed, "the file must start with a '---' header line", 1);
    }
    Document doc;
    doc.file = file;
    std::size_t i = 1;
    bool closed = false;
    for (; i < lines.size(); ++i) {
        auto const line_no = static_cast<int>(i + 1);
        auto line = trim(lines[i]);
        if (line == "---") {
            closed = true;
            ++i;
            break;
        }
        if (line.empty() || line[0] == '#') continue;
        auto colon = line.find(':');
        if (colon == std::string::npos) {
            throw KnowledgeError(Kind::malformed, "header line is not 'key: value'", line_no);
        }
        auto key = trim(std::string_view(line).substr(0, colon));
        auto value = trim(std::string_view(line).substr(colon + 1));
        if (key == "id") doc.id = value;
        else if (key == "title") doc.title = value;
        else if (key == "kind") {
            static std::set<std::string> const kinds = {"role", "procedure", "background", "local"};
            if (!kinds.contains(value)) {
                throw KnowledgeError(Kind::malformed, "kind must be role, procedure, background or local, not '" + value + "'", line_no);
            }
            doc.kind = value;
        }
        else if (key == "source") doc.source = value;
        else if (key == "aliases") doc.aliases = split_list(value);
        else throw KnowledgeError(Kind::malformed, "unknown header key '" + key + "'", line_no);
    }
    if (!closed) throw KnowledgeError(Kind::malformed, "the header has no closing '---' line", static_cast<int>(lines.size()));
    for (auto [key, value] : {std::pair{"id", &doc.id}, {"title", &doc.title}, {"kind", &doc.kind}, {"source", &doc.source}}) {
        if (value->empty()) throw KnowledgeError(Kind::malformed, std::string("the header has no '") + key + "'", 1);
    }

    Section section;
    for (; i < lines.size(); ++i) {
        auto const& line = lines[i];
        if (line.starts_with("## ")) {
            finish_section(doc, section);
            section.heading = trim(std::string_view(line).substr(3));
        } else if (line.starts_with("# ")) {
            continue;  // a top-level title repeats the header's title
        } else {
            section.text += line;
            section.text += '\n';
        }
    }
    finish_section(doc, section);
    if (doc.sections.empty()) throw KnowledgeError(Kind::malformed, "the document has no text", static_cast<int>(lines.size()));
    return doc;
}

std::vector<std::filesystem::path> files_below(std::filesystem::path const& folder, std::string_view extension,
                                               std::vector<LoadProblem>& problems) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        problems.push_back({folder.string(), 0, "not a readable folder"});
        return files;
    }
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == extension) files.push_back(it->path());
    }
    if (ec) problems.push_back({folder.string(), 0, "cannot list folder: " + ec.message()});
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<std::string> read_text_file(std::filesystem::path const& path, std::vector<LoadProblem>& problems) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || (!in.good() && !in.eof())) {
        problems.push_back({path.string(), 0, "cannot read file"});
        return std::nullopt;
    }
    // Checked here, at the boundary, so no text of ours is ever malformed further on.
    auto content = text.str();
    auto const line_of = [&content](std::size_t at) { return 1 + static_cast<int>(std::count(content.begin(), content.begin() + static_cast<long>(at), '\n')); };
    if (auto const bad = utf8::invalid_at(content); bad != std::string::npos) {
        problems.push_back({path.string(), line_of(bad), "is not valid UTF-8 (save the file as UTF-8)"});
        return std::nullopt;
    }
    if (auto const nul = content.find('\0'); nul != std::string::npos) {
        problems.push_back({path.string(), line_of(nul), "holds a NUL character"});
        return std::nullopt;
    }
    return content;
}

LoadResult load_documents(std::vector<std::filesystem::path> const& folders) {
    LoadResult result;
    std::set<std::string> ids;
    for (auto const& folder : folders) {
        for (auto const& path : files_below(folder, ".md", result.problems)) {
            auto text = read_text_file(path, result.problems);
            if (!text) continue;
            try {
                auto doc = parse_document(*text, path.string());
                if (!ids.insert(doc.id).second) {
                    result.problems.push_back({path.string(), 2, "duplicate id '" + doc.id + "'"});
                    continue;
                }
                result.documents.push_back(std::move(doc));
            } catch (KnowledgeError const& e) {
                result.problems.push_back({path.string(), e.line(), e.what()});
            }
        }
    }
    return result;
}

}  // namespace superbruger::knowledge
