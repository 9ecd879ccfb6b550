// Matching release-note items by content.
#include "bot/releases/item_changes.hpp"

#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"

#include <algorithm>
#include <optional>

namespace superbruger::bot::releases {

namespace {

/// Text as items are compared: case-folded, runs of blanks as one space.
std::string normal(std::string const& text) {
    std::string out;
    for (char c : knowledge::fold_case(trim_space(text))) {
        bool const blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (blank && !out.empty() && out.back() == ' ') continue;
        out += blank ? ' ' : c;
    }
    return out;
}

}  // namespace

std::vector<ItemChange> match_items(std::vector<storage::ReleaseItem> const& old_items, std::vector<storage::ReleaseItem> const& new_items,
                                    std::map<int, std::size_t> const& answers_by_number) {
    std::vector<std::optional<std::size_t>> match(new_items.size());  // new index → old index
    std::vector<bool> taken(old_items.size(), false);
    auto const pass = [&](bool with_body) {
        for (std::size_t n = 0; n < new_items.size(); ++n) {
            if (match[n]) continue;
            for (std::size_t o = 0; o < old_items.size(); ++o) {
                if (taken[o] || normal(old_items[o].title) != normal(new_items[n].title)) continue;
                if (with_body && normal(old_items[o].body) != normal(new_items[n].body)) continue;
                match[n] = o;
                taken[o] = true;
                break;
            }
        }
    };
    pass(true);
    pass(false);
    auto const answers = [&](int number) {
        auto const it = answers_by_number.find(number);
        return it == answers_by_number.end() ? std::size_t{0} : it->second;
    };
    std::vector<ItemChange> out;
    for (std::size_t n = 0; n < new_items.size(); ++n) {
        ItemChange c;
        c.new_number = new_items[n].number;
        c.title = new_items[n].title;
        if (match[n]) {
            auto const& old = old_items[*match[n]];
            c.old_number = old.number;
            c.kind = normal(old.body) == normal(new_items[n].body) ? ItemChange::Kind::unchanged : ItemChange::Kind::changed;
            c.answers = answers(old.number);
        } else {
            c.kind = ItemChange::Kind::added;
        }
        out.push_back(std::move(c));
    }
    for (std::size_t o = 0; o < old_items.size(); ++o) {
        if (taken[o]) continue;
        out.push_back({ItemChange::Kind::removed, old_items[o].number, 0, old_items[o].title, answers(old_items[o].number)});
    }
    return out;
}

bool moves_answers(std::vector<ItemChange> const& changes) {
    return std::any_of(changes.begin(), changes.end(), [](ItemChange const& c) {
        return c.answers > 0 && (c.kind == ItemChange::Kind::removed || c.old_number != c.new_number);
    });
}

}  // namespace superbruger::bot::releases
