// Optimal string alignment distance over code points.
#include "bot/near_names.hpp"

#include "knowledge/danish_text.hpp"
#include "knowledge/utf8.hpp"

#include <algorithm>

namespace superbruger::bot {

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
    auto const a = knowledge::utf8::decode(a_text);
    auto const b = knowledge::utf8::decode(b_text);
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t const cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::optional<std::string> nearest_name(std::string const& typed, std::vector<std::string> const& candidates) {
    auto const folded = knowledge::fold_case(typed);
    auto const letters = knowledge::utf8::length(folded);
    if (letters < 3) return std::nullopt;
    std::size_t const allowed = letters <= 5 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    bool tie = false;
    for (auto const& c : candidates) {
        auto const distance = edit_distance(folded, knowledge::fold_case(c));
        if (distance == 0) return std::nullopt;
        if (distance < best_distance) {
            best = c;
            best_distance = distance;
            tie = false;
        } else if (distance == best_distance) {
            tie = true;
        }
    }
    if (!best || tie) return std::nullopt;
    return best;
}

}  // namespace superbruger::bot
