// Turning audit entries (JSON before/after texts written by storage::RoleDirectory) into lines.
#include "bot/directory/directory_import_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace superbruger::bot::directory {

namespace {

/// "teams" → "Teams": platform names are written as names in the report.
std::string platform_shown(std::string platform) {
    if (!platform.empty() && platform[0] >= 'a' && platform[0] <= 'z') platform[0] = static_cast<char>(platform[0] - 'a' + 'A');
    return platform;
}

using nlohmann::json;

std::string say(knowledge::Language lang, std::string da, std::string en) { return lang == knowledge::Language::da ? da : en; }

json parsed(std::string const& text) {
    if (text.empty()) return json::object();
    // Our own audit texts, written by SQLite's json_object; a damaged one shows as nothing.
    auto value = json::parse(text, nullptr, false);
    return value.is_object() ? value : json::object();
}

/// A field as display text: strings as they are, numbers as digits, null as "".
std::string text_of(json const& object, char const* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

std::string yes_no(knowledge::Language lang, std::string const& flag) { return flag == "1" ? say(lang, "ja", "yes") : say(lang, "nej", "no"); }

class Report {
public:
    Report(std::map<std::string, std::string> const& numbers, knowledge::Language lang) : numbers_(numbers), lang_(lang) {}

    void add(std::string const& municipality, std::string line) {
        auto it = std::find_if(groups_.begin(), groups_.end(), [&](auto const& g) { return g.first == municipality; });
        if (it == groups_.end()) it = groups_.insert(groups_.end(), {municipality, {}});
        it->second.push_back("  " + std::move(line));
    }

    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        for (auto const& [name, lines] : groups_) {
            auto const number = numbers_.find(name);
            if (name.empty()) out.push_back(say(lang_, "Uden kommune", "Without a municipality"));
            else out.push_back(number == numbers_.end() ? name : name + " (" + number->second + ")");
            out.insert(out.end(), lines.begin(), lines.end());
        }
        return out;
    }

private:
    std::map<std::string, std::string> const& numbers_;
    knowledge::Language lang_;
    std::vector<std::pair<std::string, std::vector<std::string>>> groups_;
};

/// "navn: A → B; titel: (tom) → C" for the fields that differ.
std::string differences(json const& before, json const& after, std::vector<std::pair<char const*, std::string>> const& fields,
                        knowledge::Language lang, bool flags_are_yes_no = false) {
    std::string out;
    for (auto const& [key, label] : fields) {
        auto old_value = text_of(before, key);
        auto new_value = text_of(after, key);
        if (old_value == new_value) continue;
        if (flags_are_yes_no && std::string(key) == "coordinator") {
            old_value = yes_no(lang, old_value);
            new_value = yes_no(lang, new_value);
        }
        auto const empty = say(lang, "(tom)", "(empty)");
        if (!out.empty()) out += "; ";
        out += label + ": " + (old_value.empty() ? empty : old_value) + " → " + (new_value.empty() ? empty : new_value);
    }
    return out;
}

}  // namespace

void describe_import(std::vector<storage::AuditEntry> const& entries, std::map<std::string, std::string> const& numbers,
                     knowledge::Language lang, ImportResult& result) {
    Report report(numbers, lang);
    std::set<std::string> municipalities_added, municipalities_changed;
    std::set<std::string> people_added, people_changed;
    for (auto const& e : entries) {
        auto const before = parsed(e.before);
        auto const after = parsed(e.after);
        if (e.action == "save_municipality" || e.action == "set_phase") {
            auto const name = text_of(after, "name");
            if (before.empty()) {
                report.add(name, say(lang, "+ ny kommune, fase ", "+ new municipality, phase ") + text_of(after, "phase"));
                municipalities_added.insert(name);
            } else if (auto const diff = differences(before, after, {{"name", say(lang, "navn", "name")}, {"phase", say(lang, "fase", "phase")}}, lang);
                       !diff.empty()) {
                report.add(name, diff);
                municipalities_changed.insert(name);
            }
        } else if (e.action == "add_tenant") {
            auto const name = text_of(after, "name");
            auto const platform = platform_shown(text_of(after, "platform"));
            report.add(name, "+ " + platform + "-tenant " + text_of(after, "tenant"));
            if (!municipalities_added.contains(name)) municipalities_changed.insert(name);
        } else if (e.action == "save_person") {
            auto const who = text_of(after, "name") + " <" + text_of(after, "email") + ">";
            auto const id = text_of(after, "person");
            auto const home = text_of(after, "municipality");
            if (before.empty()) {
                std::string line = "+ " + who + say(lang, ": ny person", ": new person");
                if (auto const title = text_of(after, "title"); !title.empty()) line += say(lang, ", titel ", ", title ") + title;
                if (text_of(after, "coordinator") == "1") line += say(lang, ", koordinator", ", coordinator");
                report.add(home, line);
                people_added.insert(id);
            } else if (auto const diff = differences(before, after,
                                                     {{"name", say(lang, "navn", "name")},
                                                      {"title", say(lang, "titel", "title")},
                                                      {"municipality", say(lang, "kommune", "municipality")},
                                                      {"coordinator", say(lang, "koordinator", "coordinator")}},
                                                     lang, true);
                       !diff.empty()) {
                report.add(home, who + ": " + diff);
                people_changed.insert(id);
            }
        } else if (e.action == "add_identity") {
            auto const id = text_of(after, "person");
            std::string line = text_of(after, "name") + ": + " + platform_shown(text_of(after, "platform")) +
                               say(lang, "-identitet ", " identity ") + text_of(after, "user_id");
            if (!before.empty()) line += say(lang, " (flyttet fra en anden person)", " (moved from another person)");
            report.add(text_of(after, "municipality"), line);
            if (!people_added.contains(id)) people_changed.insert(id);
        } else if (e.action == "assign") {
            report.add(text_of(after, "municipality"), text_of(after, "name") + ": + " + text_of(after, "role") + " (" + text_of(after, "system") +
                                                           ")" + say(lang, " fra ", " from ") + text_of(after, "from"));
            ++result.assignments_added;
        } else if (e.action == "end_assignment") {
            report.add(text_of(after, "municipality"), text_of(after, "name") + ": − " + text_of(after, "role") + " (" + text_of(after, "system") +
                                                           ")" + say(lang, " slutter ", " ends ") + text_of(after, "to"));
            ++result.assignments_ended;
        }
    }
    result.report = report.lines();
    for (auto const& name : municipalities_added) municipalities_changed.erase(name);
    result.municipalities_added = static_cast<int>(municipalities_added.size());
    result.municipalities_changed = static_cast<int>(municipalities_changed.size());
    result.people_added = static_cast<int>(people_added.size());
    for (auto const& id : people_added) people_changed.erase(id);
    result.people_changed = static_cast<int>(people_changed.size());
}

}  // namespace superbruger::bot::directory
