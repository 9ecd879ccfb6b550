// Directory CSV import (validate all, then write all) and export.
#include "bot/directory/directory_csv.hpp"

#include "bot/csv.hpp"
#include "bot/error.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"

#include <chrono>
#include <map>
#include <optional>

namespace superbruger::bot::directory {

std::vector<std::string> const csv_columns = {"kommune", "kommunenummer", "fase", "navn", "email", "titel",
                                              "rolle",   "system",        "fra",  "koordinator", "teams_tenant",
                                              "teams_objektid"};

namespace {

struct ImportRow {
    int line = 0;
    storage::Municipality municipality;
    bool phase_given = false;
    std::string tenant;
    std::string aad_object_id;  ///< the person's Teams (Entra) object id, so "vores" works from Teams
    std::optional<storage::Person> person;
    std::string role;  ///< role id, empty for none
    std::string system = "DUBU";
    std::string from;
};

bool valid_date(std::string const& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                       std::chrono::day{static_cast<unsigned>(d)}}
        .ok();
}

bool valid_email(std::string const& s) {
    auto const at = s.find('@');
    return s.size() <= 254 && at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos &&
           s.find_first_of(" \t,;<>") == std::string::npos && s.back() != '.';
}

class RowReader {
public:
    RowReader(csv::Row const& row, std::map<std::string, std::size_t> const& columns, std::vector<ImportProblem>& problems)
        : row_(row), columns_(columns), problems_(problems) {}

    std::string get(std::string const& column) const {
        auto it = columns_.find(column);
        if (it == columns_.end() || it->second >= row_.fields.size()) return {};
        return trim_space(row_.fields[it->second]);
    }
    void problem(std::string message) { problems_.push_back({row_.line, std::move(message)}); }

private:
    csv::Row const& row_;
    std::map<std::string, std::size_t> const& columns_;
    std::vector<ImportProblem>& problems_;
};

std::optional<ImportRow> read_row(RowReader& r, int line, RoleCatalogue const& roles, std::string const& today) {
    ImportRow row;
    row.line = line;
    bool ok = true;
    auto fail = [&](std::string message) {
        r.problem(std::move(message));
        ok = false;
    };
    row.municipality.kommunenummer = r.get("kommunenummer");
    row.municipality.name = r.get("kommune");
    if (row.municipality.kommunenummer.size() != 3 ||
        row.municipality.kommunenummer.find_first_not_of("0123456789") != std::string::npos) {
        fail("kommunenummer must be three digits, not '" + row.municipality.kommunenummer + "'");
    }
    if (row.municipality.name.empty() || row.municipality.name.size() > 100) fail("kommune must be a name of 1 to 100 characters");
    if (auto phase = r.get("fase"); !phase.empty()) {
        if (phase.size() != 1 || phase[0] < '1' || phase[0] > '4') fail("fase must be 1, 2, 3 or 4, not '" + phase + "'");
        else {
            row.municipality.phase = phase[0] - '0';
            row.phase_given = true;
        }
    }
    row.tenant = r.get("teams_tenant");
    row.aad_object_id = r.get("teams_objektid");

    auto const email = r.get("email");
    auto const name = r.get("navn");
    if (!email.empty() || !name.empty()) {
        if (!valid_email(email)) fail("email '" + email + "' is not an e-mail address");
        if (name.empty() || name.size() > 200) fail("navn must be a name of 1 to 200 characters");
        auto title = r.get("titel");
        if (title.size() > 200) fail("titel is longer than 200 characters");
        auto const coordinator = knowledge::fold_case(r.get("koordinator"));
        bool is_coordinator = false;
        if (coordinator == "ja" || coordinator == "yes" || coordinator == "1" || coordinator == "true") is_coordinator = true;
        else if (!coordinator.empty() && coordinator != "nej" && coordinator != "no" && coordinator != "0" && coordinator != "false") {
            fail("koordinator must be ja or nej, not '" + coordinator + "'");
        }
        row.person = storage::Person{0, name, email, title, std::nullopt, is_coordinator};
    }
    if (auto role = r.get("rolle"); !role.empty()) {
        if (!row.person) fail("rolle needs a person (navn and email)");
        if (auto info = roles.find(role)) row.role = info->id;
        else fail("rolle '" + role + "' is not a role of the role gallery");
    }
    if (auto system = r.get("system"); !system.empty()) {
        if (system.size() > 40) fail("system is longer than 40 characters");
        row.system = system;
    }
    row.from = r.get("fra");
    if (row.from.empty()) row.from = today;
    else if (!valid_date(row.from)) fail("fra must be a date YYYY-MM-DD, not '" + row.from + "'");
    if (!ok) return std::nullopt;
    return row;
}

}  // namespace

ImportResult import_csv(std::string_view text, DirectoryService& directory, storage::Change const& change, bool replace) {
    ImportResult result;
    std::vector<csv::Row> rows;
    try {
        rows = csv::parse(text);
    } catch (BotError const& e) {
        result.problems.push_back({0, e.what()});
        return result;
    }
    if (rows.empty()) {
        result.problems.push_back({1, "the file is empty; the first line must name the columns"});
        return result;
    }
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) {
        auto name = knowledge::fold_case(trim_space(rows[0].fields[i]));
        if (std::find(csv_columns.begin(), csv_columns.end(), name) == csv_columns.end()) {
            result.problems.push_back({rows[0].line, "unknown column '" + rows[0].fields[i] + "'"});
        } else if (!columns.emplace(name, i).second) {
            result.problems.push_back({rows[0].line, "column '" + name + "' appears twice"});
        }
    }
    for (auto const* required : {"kommune", "kommunenummer"}) {
        if (!columns.contains(required)) result.problems.push_back({rows[0].line, std::string("column '") + required + "' is missing"});
    }
    if (!result.problems.empty()) return result;

    auto const& roles = directory.roles();
    auto& store = directory.store();
    std::vector<ImportRow> good;
    std::map<std::string, std::pair<std::string, int>> names_by_number;            // nummer → (name, line)
    std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> sa;  // (nummer, system) → (email, line)
    for (std::size_t i = 1; i < rows.size(); ++i) {
        RowReader reader(rows[i], columns, result.problems);
        auto row = read_row(reader, rows[i].line, roles, change.date);
        if (!row) continue;
        auto const folded_name = knowledge::fold_case(row->municipality.name);
        auto [named, fresh] = names_by_number.try_emplace(row->municipality.kommunenummer, folded_name, row->line);
        if (!fresh && named->second.first != folded_name) {
            reader.problem("kommunenummer " + row->municipality.kommunenummer + " is called '" + row->municipality.name +
                           "' here but differently on line " + std::to_string(named->second.second));
            continue;
        }
        if (row->role == "systemansvarlig") {
            auto const key = std::pair{row->municipality.kommunenummer, row->system};
            auto const email = knowledge::fold_case(row->person->email);
            auto [other, first] = sa.try_emplace(key, email, row->line);
            if (!first && other->second.first != email) {
                reader.problem("a municipality has one systemansvarlig per system; line " + std::to_string(other->second.second) +
                               " names another for " + row->municipality.name);
                continue;
            }
            if (auto const m = directory.municipality_named(row->municipality.kommunenummer); m && !replace) {
                for (auto const& held : store.current_holders(m->id, "systemansvarlig", row->system)) {
                    if (knowledge::fold_case(held.person.email) != email) {
                        reader.problem(m->name + " already has " + held.person.name + " as systemansvarlig; import with --replace to end that term");
                    }
                }
            }
        }
        good.push_back(std::move(*row));
    }
    if (!result.problems.empty()) return result;

    try {
        directory.database().write_all_or_nothing([&] {
            for (auto const& row : good) {
                auto const existing = directory.municipality_named(row.municipality.kommunenummer);
                int const wanted_phase = row.phase_given ? row.municipality.phase : existing ? existing->phase : 4;
                auto municipality = row.municipality;
                municipality.phase = existing ? existing->phase : wanted_phase;
                auto saved = store.save_municipality(municipality, change);
                // A phase change goes through the rule that ends the project roles at phase 4.
                if (saved.phase != wanted_phase) {
                    directory.set_phase(saved, wanted_phase, change);
                    saved.phase = wanted_phase;
                }
                ++result.municipalities;
                if (!row.tenant.empty()) store.add_tenant(saved.id, "teams", row.tenant, change);
                if (!row.person) continue;
                auto person = *row.person;
                person.municipality_id = saved.id;
                person = store.save_person(person, change);
                if (!row.aad_object_id.empty()) store.add_identity(person.id, "teams", row.aad_object_id, change);
                ++result.people;
                if (row.role.empty()) continue;
                bool held = false;
                for (auto const& a : store.current_holders(saved.id, row.role, row.system)) held |= a.person.id == person.id;
                if (held) {
                    ++result.assignments_kept;
                    continue;
                }
                auto const before = store.current_holders(saved.id, row.role, row.system).size();
                storage::Change dated = change;
                dated.date = row.from;
                store.assign(person.id, saved.id, row.role, row.system,
                             replace ? storage::RoleDirectory::AssignMode::replace_current_holder
                                     : storage::RoleDirectory::AssignMode::add,
                             dated);
                ++result.assignments_added;
                if (row.role == "systemansvarlig" && before > 0) ++result.terms_ended;
            }
        });
    } catch (storage::StorageError const& e) {
        // Validation should have caught it; if the data changed meanwhile, nothing was written.
        result.problems.push_back({0, e.what()});
        result.municipalities = result.people = result.assignments_added = result.assignments_kept = result.terms_ended = 0;
    }
    return result;
}

std::string export_csv(DirectoryService& directory) {
    auto& store = directory.store();
    std::string out = csv::format_row(csv_columns);
    for (auto const& m : store.municipalities()) {
        std::vector<std::int64_t> listed;
        auto row_of = [&](storage::Person const& p, std::string const& role, std::string const& system, std::string const& from) {
            return csv::format_row({m.name, m.kommunenummer, std::to_string(m.phase), p.name, p.email, p.title, role, system,
                                    from, p.coordinator ? "ja" : "nej", "", ""});
        };
        for (auto const& a : store.current_assignments(m.id)) {
            out += row_of(a.person, a.role, a.system, a.valid_from);
            listed.push_back(a.person.id);
        }
        for (auto const& p : store.people()) {
            if (p.municipality_id == m.id && std::find(listed.begin(), listed.end(), p.id) == listed.end()) {
                out += row_of(p, "", "", "");
                listed.push_back(p.id);
            }
        }
        if (listed.empty()) out += csv::format_row({m.name, m.kommunenummer, std::to_string(m.phase), "", "", "", "", "", "", "", "", ""});
    }
    return out;
}

}  // namespace superbruger::bot::directory
