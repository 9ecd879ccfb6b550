// Excerpt selection: units, scoring, growing around the best unit, leading with it.
#include "knowledge/excerpt.hpp"

namespace superbruger::knowledge {

namespace {

bool starts_list_item(std::string_view line) {
    auto p = line.find_first_not_of(' ');
    if (p == std::string_view::npos) return false;
    if (line[p] == '-' || line[p] == '*') return true;
    auto q = p;
    while (q < line.size() && line[q] >= '0' && line[q] <= '9') ++q;
    return q > p && q < line.size() && line[q] == '.';
}

std::string cut_at_word(std::string_view text, std::size_t max_chars) {
    static constexpr std::string_view ellipsis = "…";
    if (text.size() <= max_chars) return std::string(text);
    auto limit = max_chars - ellipsis.size();
    auto space = text.rfind(' ', limit);
    if (space == std::string_view::npos || space < limit / 2) space = limit;
    while (space > 0 && (static_cast<unsigned char>(text[space]) & 0xC0) == 0x80) --space;  // keep UTF-8 whole
    return std::string(text.substr(0, space)) + std::string(ellipsis);
}

}  // namespace

std::vector<TextUnit> split_units(std::string_view text) {
    std::vector<TextUnit> units;
    bool last_is_item = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        auto line = text.substr(pos, nl - pos);
        auto const line_begin = pos;
        pos = nl + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        if (starts_list_item(line)) {
            units.push_back({line_begin, nl});
            last_is_item = true;
            continue;
        }
        if (last_is_item && (line[0] == ' ' || line[0] == '\t')) {
            units.back().end = nl;
            continue;
        }
        last_is_item = false;
        auto start = line_begin;
        for (auto i = line_begin; i + 2 < nl; ++i) {
            auto c = text[i];
            if ((c == '.' || c == '?' || c == '!') && text[i + 1] == ' ') {
                auto n = static_cast<unsigned char>(text[i + 2]);
                if ((n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9') || n == 0xC3 || n == '"') {
                    units.push_back({start, i + 1});
                    start = i + 2;
                }
            }
        }
        units.push_back({start, nl});
    }
    return units;
}

std::string compose_excerpt(std::string_view text, std::vector<TextUnit> const& units, std::vector<double> const& scores,
                            std::size_t max_chars, bool lead) {
    if (units.empty()) return cut_at_word(text, max_chars);
    std::size_t best = 0;
    double best_score = -1;
    for (std::size_t i = 0; i < units.size() && i < scores.size(); ++i) {
        if (scores[i] > best_score) {
            best_score = scores[i];
            best = i;
        }
    }
    lead = lead && best > 0;
    if (text.size() <= max_chars && !lead) return std::string(text);

    auto unit_text = [&](std::size_t i) { return text.substr(units[i].begin, units[i].end - units[i].begin); };
    // Moved to the front, the best unit is followed by a blank line: the cost of that separator.
    std::size_t const separator = lead ? 2 : 0;
    auto span = [&](std::size_t a, std::size_t b) { return units[b].end - units[a].begin + separator; };
    if (unit_text(best).size() > max_chars) return cut_at_word(unit_text(best), max_chars);
    auto first = best;
    auto last = best;
    bool grew = true;
    while (grew) {
        grew = false;
        if (last + 1 < units.size() && span(first, last + 1) <= max_chars) {
            ++last;
            grew = true;
        }
        if (first > 0 && span(first - 1, last) <= max_chars) {
            --first;
            grew = true;
        }
    }
    if (!lead) return std::string(text.substr(units[first].begin, units[last].end - units[first].begin));

    // The best unit, then the rest of the window in the text's order without it.
    std::string out(unit_text(best));
    std::string rest;
    if (first < best) rest += text.substr(units[first].begin, units[best - 1].end - units[first].begin);
    if (best < last) {
        if (!rest.empty()) rest += text.substr(units[best - 1].end, units[best].begin - units[best - 1].end);
        rest += text.substr(units[best + 1].begin, units[last].end - units[best + 1].begin);
    }
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\n')) rest.pop_back();
    std::size_t skip = 0;
    while (skip < rest.size() && (rest[skip] == ' ' || rest[skip] == '\n')) ++skip;
    rest.erase(0, skip);
    if (!rest.empty()) out += "\n\n" + rest;
    return out.size() <= max_chars ? out : cut_at_word(out, max_chars);
}

std::string best_excerpt(std::string_view text, std::size_t max_chars,
                         std::function<double(std::string_view)> const& unit_score) {
    if (text.size() <= max_chars) return std::string(text);
    auto units = split_units(text);
    std::vector<double> scores;
    scores.reserve(units.size());
    for (auto const& u : units) scores.push_back(unit_score(text.substr(u.begin, u.end - u.begin)));
    return compose_excerpt(text, units, scores, max_chars, false);
}

}  // namespace superbruger::knowledge
