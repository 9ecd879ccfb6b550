// CSV reading and writing.
#include "bot/csv.hpp"

#include "bot/error.hpp"

namespace superbruger::bot::csv {

namespace {

char detect_separator(std::string_view text) {
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ';' || c == ',') return c;
        if (c == '\n') break;
    }
    return ',';
}

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@'; }

bool blank(std::vector<std::string> const& fields) {
    return fields.size() == 1 && fields[0].find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

std::vector<Row> parse(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    auto const separator = detect_separator(text);
    std::vector<Row> rows;
    Row row{1, {std::string()}};
    int line = 1;
    bool quoted = false;
    int quote_line = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                row.fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                row.fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
            quote_line = line;
            // format_row's defused formula "'=…" reads back as the text it was written from.
            if (row.fields.back().empty() && i + 2 < text.size() && text[i + 1] == '\'' && formula_start(text[i + 2])) ++i;
        } else if (c == separator) {
            row.fields.emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (!blank(row.fields)) rows.push_back(std::move(row));
            ++line;
            row = Row{line, {std::string()}};
        } else {
            row.fields.back() += c;
        }
    }
    if (quoted) throw BotError(BotError::Kind::usage, "line " + std::to_string(quote_line) + ": a quoted field is never closed");
    if (!blank(row.fields)) rows.push_back(std::move(row));
    return rows;
}

std::string format_row(std::vector<std::string> const& fields, char separator) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += separator;
        auto const& f = fields[i];
        // A leading = + - @ would make a spreadsheet run the cell as a formula: quote-prefix it.
        bool const formula = !f.empty() && formula_start(f[0]);
        if (f.find_first_of(",;\"\r\n") == std::string::npos && !formula) {
            out += f;
            continue;
        }
        out += '"';
        if (formula) out += '\'';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    return out + "\r\n";
}

std::string for_excel(std::string_view csv_text) {
    std::string out = "\xEF\xBB\xBF";
    for (auto const& row : parse(csv_text)) out += format_row(row.fields, ';');
    return out;
}

}  // namespace superbruger::bot::csv
