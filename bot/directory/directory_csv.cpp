// Directory CSV import (validate all, then write all) and export.
#include "bot/directory/directory_csv.hpp"

#include "bot/counted.hpp"
#include "bot/csv.hpp"
#include "bot/directory/directory_import_report.hpp"
#include "bot/error.hpp"
#include "bot/text_encoding.hpp"
#include "bot/trim.hpp"
#include "knowledge/danish_text.hpp"
#include "storage/database.hpp"
#include "storage/error.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <tuple>
#include <map>
#include <optional>
#include <set>

namespace superbruger::bot::directory {

std::vector<std::string> const csv_columns = {"kommune", "kommunenummer", "fase",     "navn",   "email",
                                              "titel",   "rolle",         "system",   "fra",    "koordinator",
                                              "platform", "tenant",       "identitet"};

namespace {

/// Columns of earlier versions, still read: each names one platform's tenant or person id.
struct LegacyIdentityColumn {
    char const* column;
    char const* platform;
    bool tenant;  ///< else the person's identity
};
LegacyIdentityColumn const legacy_identity_columns[] = {
    {"teams_tenant", "teams", true},
    {"teams_objektid", "teams", false},
};

bool known_column(std::string const& name) {
    if (std::find(csv_columns.begin(), csv_columns.end(), name) != csv_columns.end()) return true;
    return std::any_of(std::begin(legacy_identity_columns), std::end(legacy_identity_columns),
                       [&](auto const& c) { return name == c.column; });
}

/// A platform's name as the registry gives it: lower-case letters, digits, '-' and '_'.
bool valid_platform(std::string const& s) {
    return !s.empty() && s.size() <= 30 && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

using Identity = std::pair<std::string, std::string>;  ///< (platform, id)

std::string shown(Identity const& identity) { return identity.first + ":" + identity.second; }

using knowledge::Language;

std::string say(Language lang, std::string da, std::string en) { return lang == Language::da ? da : en; }

struct ImportRow {
    int line = 0;
    storage::Municipality municipality;
    bool phase_given = false;
    std::vector<Identity> tenants;     ///< the municipality's tenants (workspaces) on chat platforms
    std::vector<Identity> identities;  ///< the person's ids on chat platforms, so "vores" works there
    std::optional<storage::Person> person;
    std::optional<bool> coordinator;  ///< empty cell: keep what is stored
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

std::optional<ImportRow> read_row(RowReader& r, int line, RoleCatalogue const& roles, std::string const& today, Language lang) {
    ImportRow row;
    row.line = line;
    bool ok = true;
    auto fail = [&](std::string da, std::string en) {
        r.problem(say(lang, std::move(da), std::move(en)));
        ok = false;
    };
    row.municipality.kommunenummer = r.get("kommunenummer");
    row.municipality.name = r.get("kommune");
    auto const& number = row.municipality.kommunenummer;
    if (number.size() != 3 || number.find_first_not_of("0123456789") != std::string::npos) {
        fail("kommunenummer skal være tre cifre, ikke '" + number + "'", "kommunenummer must be three digits, not '" + number + "'");
    }
    if (row.municipality.name.empty() || row.municipality.name.size() > 100) {
        fail("kommune skal være et navn på 1 til 100 tegn", "kommune must be a name of 1 to 100 characters");
    }
    if (auto phase = r.get("fase"); !phase.empty()) {
        if (phase.size() != 1 || phase[0] < '1' || phase[0] > '4') fail("fase skal være 1, 2, 3 eller 4, ikke '" + phase + "'", "fase must be 1, 2, 3 or 4, not '" + phase + "'");
        else {
            row.municipality.phase = phase[0] - '0';
            row.phase_given = true;
        }
    }
    auto const platform = knowledge::fold_case(r.get("platform"));
    auto const tenant = r.get("tenant");
    auto const identity = r.get("identitet");
    if (!tenant.empty() || !identity.empty()) {
        if (platform.empty()) {
            fail("platform skal udfyldes når tenant eller identitet er det (fx teams)", "platform must be filled in when tenant or identitet is (e.g. teams)");
        } else if (!valid_platform(platform)) {
            fail("platform '" + platform + "' er ikke et platformsnavn (fx teams)", "platform '" + platform + "' is not a platform name (e.g. teams)");
        } else {
            if (!tenant.empty()) row.tenants.emplace_back(platform, tenant);
            if (!identity.empty()) row.identities.emplace_back(platform, identity);
        }
    }
    for (auto const& legacy : legacy_identity_columns) {
        if (auto id = r.get(legacy.column); !id.empty()) (legacy.tenant ? row.tenants : row.identities).emplace_back(legacy.platform, id);
    }

    auto const email = r.get("email");
    auto const name = r.get("navn");
    if (!email.empty() || !name.empty()) {
        if (!valid_email(email)) fail("email '" + email + "' er ikke en e-mailadresse", "email '" + email + "' is not an e-mail address");
        if (name.empty() || name.size() > 200) fail("navn skal være et navn på 1 til 200 tegn", "navn must be a name of 1 to 200 characters");
        auto title = r.get("titel");
        if (title.size() > 200) fail("titel er længere end 200 tegn", "titel is longer than 200 characters");
        auto const coordinator = knowledge::fold_case(r.get("koordinator"));
        if (coordinator == "ja" || coordinator == "yes" || coordinator == "1" || coordinator == "true") row.coordinator = true;
        else if (coordinator == "nej" || coordinator == "no" || coordinator == "0" || coordinator == "false") row.coordinator = false;
        else if (!coordinator.empty()) fail("koordinator skal være ja eller nej, ikke '" + coordinator + "'", "koordinator must be ja or nej, not '" + coordinator + "'");
        row.person = storage::Person{0, name, email, title, std::nullopt, row.coordinator.value_or(false)};
    } else if (!row.identities.empty()) {
        fail("identitet kræver en person (navn og email)", "identitet needs a person (navn and email)");
    }
    if (auto role = r.get("rolle"); !role.empty()) {
        if (!row.person) fail("rolle kræver en person (navn og email)", "rolle needs a person (navn and email)");
        if (auto info = roles.find(role)) row.role = info->id;
        else fail("rolle '" + role + "' er ikke en rolle i rollegalleriet", "rolle '" + role + "' is not a role of the role gallery");
    }
    if (auto system = r.get("system"); !system.empty()) {
        if (system.size() > 40) fail("system er længere end 40 tegn", "system is longer than 40 characters");
        row.system = system;
    }
    row.from = r.get("fra");
    if (row.from.empty()) row.from = today;
    else if (!valid_date(row.from)) fail("fra skal være en dato ÅÅÅÅ-MM-DD, ikke '" + row.from + "'", "fra must be a date YYYY-MM-DD, not '" + row.from + "'");
    if (!ok) return std::nullopt;
    return row;
}

/// One person as the whole file describes them: a cell left empty keeps the stored value (or
/// blanks it with --clear-empty), and two rows must not disagree about the same person.
struct PersonInFile {
    storage::Person person;
    std::string home;  ///< kommunenummer of where they work
    int first_line = 0;
    int title_line = 0;
    int coordinator_line = 0;
    std::optional<bool> coordinator;
};

/// Raised inside the write with the line being written, so a failure names it.
struct LineFailure {
    int line;
    storage::StorageError error;
};

}  // namespace

ImportResult import_csv(std::string_view text, DirectoryService& directory, storage::Change const& change, bool replace) {
    ImportOptions options;
    options.replace = replace;
    return import_csv(text, directory, change, options);
}

ImportResult import_csv(std::string_view text, DirectoryService& directory, storage::Change const& change,
                        ImportOptions const& options) {
    auto const lang = options.lang;
    ImportResult result;
    // Stored text must be UTF-8; the CLI converts Windows-1252 before, when told the file is that.
    if (auto const line = first_invalid_utf8_line(text)) {
        result.problems.push_back({*line, say(lang, "ikke gyldig UTF-8", "not valid UTF-8")});
        return result;
    }
    std::vector<csv::Row> rows;
    try {
        rows = csv::parse(text);
    } catch (BotError const& e) {
        result.problems.push_back({0, e.what()});
        return result;
    }
    if (rows.empty()) {
        result.problems.push_back({1, say(lang, "filen er tom; første linje skal navngive kolonnerne",
                                          "the file is empty; the first line must name the columns")});
        return result;
    }
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) {
        auto name = knowledge::fold_case(trim_space(rows[0].fields[i]));
        if (!known_column(name)) {
            result.problems.push_back({rows[0].line, say(lang, "ukendt kolonne '", "unknown column '") + rows[0].fields[i] + "'"});
        } else if (!columns.emplace(name, i).second) {
            result.problems.push_back({rows[0].line, say(lang, "kolonnen '" + name + "' står der to gange", "column '" + name + "' appears twice")});
        }
    }
    for (auto const* required : {"kommune", "kommunenummer"}) {
        if (!columns.contains(required)) {
            result.problems.push_back({rows[0].line, say(lang, std::string("kolonnen '") + required + "' mangler", std::string("column '") + required + "' is missing")});
        }
    }
    if (!result.problems.empty()) return result;

    auto const& roles = directory.roles();
    auto& store = directory.store();
    std::map<std::string, storage::Municipality> stored_by_number;
    std::map<std::string, storage::Municipality> stored_by_name;  // folded name
    for (auto const& m : store.municipalities()) {
        stored_by_number[m.kommunenummer] = m;
        stored_by_name[knowledge::fold_case(m.name)] = m;
    }

    std::vector<ImportRow> good;
    std::map<std::string, std::pair<std::string, int>> names_by_number;            // nummer → (folded name, line)
    std::map<std::string, std::pair<std::string, int>> numbers_by_name;            // folded name → (nummer, line)
    std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> sa;  // (nummer, system) → (email, line)
    std::map<Identity, std::pair<std::string, int>> tenant_owner;                  // tenant → (nummer, line)
    std::map<Identity, std::pair<std::string, int>> identity_owner;                // identity → (email, line)
    std::map<std::string, PersonInFile> people;                                    // folded e-mail → person
    std::vector<std::string> people_order;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        RowReader reader(rows[i], columns, result.problems);
        auto row = read_row(reader, rows[i].line, roles, change.date, lang);
        if (!row) continue;
        auto const& number = row->municipality.kommunenummer;
        auto const folded_name = knowledge::fold_case(row->municipality.name);
        auto [named, fresh] = names_by_number.try_emplace(number, folded_name, row->line);
        if (!fresh && named->second.first != folded_name) {
            reader.problem(say(lang, "kommunenummer " + number + " hedder '" + row->municipality.name + "' her, men noget andet på linje " + std::to_string(named->second.second),
                               "kommunenummer " + number + " is called '" + row->municipality.name + "' here but differently on line " + std::to_string(named->second.second)));
            continue;
        }
        if (auto [other, first] = numbers_by_name.try_emplace(folded_name, number, row->line); !first && other->second.first != number) {
            reader.problem(say(lang, "kommunen '" + row->municipality.name + "' har nummer " + other->second.first + " på linje " + std::to_string(other->second.second) + ", her " + number,
                               "the municipality '" + row->municipality.name + "' has number " + other->second.first + " on line " + std::to_string(other->second.second) + ", here " + number));
            continue;
        }
        bool tenant_taken = false;
        for (auto const& tenant : row->tenants) {
            if (auto [owner, first] = tenant_owner.try_emplace(tenant, number, row->line); !first && owner->second.first != number) {
                reader.problem(say(lang, "tenant " + shown(tenant) + " hører til en anden kommune på linje " + std::to_string(owner->second.second),
                                   "tenant " + shown(tenant) + " belongs to another municipality on line " + std::to_string(owner->second.second)));
                tenant_taken = true;
            }
        }
        if (tenant_taken) continue;
        if (row->person) {
            auto const email = knowledge::fold_case(row->person->email);
            bool identity_taken = false;
            for (auto const& identity : row->identities) {
                if (auto [owner, first] = identity_owner.try_emplace(identity, email, row->line); !first && owner->second.first != email) {
                    reader.problem(say(lang, "identitet " + shown(identity) + " hører til en anden person på linje " + std::to_string(owner->second.second),
                                       "identitet " + shown(identity) + " belongs to another person on line " + std::to_string(owner->second.second)));
                    identity_taken = true;
                }
            }
            if (identity_taken) continue;
            auto [entry, first] = people.try_emplace(email);
            auto& p = entry->second;
            if (first) {
                people_order.push_back(email);
                p.person = *row->person;
                p.person.title.clear();
                p.first_line = row->line;
            } else if (p.person.name != row->person->name) {
                reader.problem(say(lang, "navn '" + row->person->name + "' for " + row->person->email + " er '" + p.person.name + "' på linje " + std::to_string(p.first_line),
                                   "navn '" + row->person->name + "' for " + row->person->email + " is '" + p.person.name + "' on line " + std::to_string(p.first_line)));
                continue;
            }
            if (!row->person->title.empty()) {
                if (p.title_line != 0 && p.person.title != row->person->title) {
                    reader.problem(say(lang, "titel for " + row->person->email + " er en anden på linje " + std::to_string(p.title_line),
                                       "titel for " + row->person->email + " differs on line " + std::to_string(p.title_line)));
                    continue;
                }
                p.person.title = row->person->title;
                p.title_line = row->line;
            }
            if (row->coordinator) {
                if (p.coordinator && *p.coordinator != *row->coordinator) {
                    reader.problem(say(lang, "koordinator for " + row->person->email + " er en anden på linje " + std::to_string(p.coordinator_line),
                                       "koordinator for " + row->person->email + " differs on line " + std::to_string(p.coordinator_line)));
                    continue;
                }
                p.coordinator = row->coordinator;
                p.coordinator_line = row->line;
            }
            // Home: a row without a role names it (an export writes one for anyone with roles
            // elsewhere); otherwise the first row's municipality, or the stored home if named.
            if (row->role.empty() || p.home.empty()) p.home = number;
        }
        if (row->role == "systemansvarlig") {
            auto const key = std::pair{number, row->system};
            auto const email = knowledge::fold_case(row->person->email);
            auto [other, first] = sa.try_emplace(key, email, row->line);
            if (!first && other->second.first != email) {
                reader.problem(say(lang, "en kommune har én systemansvarlig pr. system; linje " + std::to_string(other->second.second) + " nævner en anden for " + row->municipality.name,
                                   "a municipality has one systemansvarlig per system; line " + std::to_string(other->second.second) + " names another for " + row->municipality.name));
                continue;
            }
            if (auto const m = stored_by_number.find(number); m != stored_by_number.end() && !options.replace) {
                for (auto const& held : store.current_holders(m->second.id, "systemansvarlig", row->system)) {
                    if (knowledge::fold_case(held.person.email) != email) {
                        reader.problem(say(lang, m->second.name + " har allerede " + held.person.name + " som systemansvarlig; importér med --replace for at afslutte den periode",
                                           m->second.name + " already has " + held.person.name + " as systemansvarlig; import with --replace to end that term"));
                    }
                }
            }
        }
        good.push_back(std::move(*row));
    }
    // A name the file gives one number may be stored under another: only if the file renames that one.
    for (auto const& [folded_name, where] : numbers_by_name) {
        auto const stored = stored_by_name.find(folded_name);
        if (stored == stored_by_name.end() || stored->second.kommunenummer == where.first) continue;
        auto const renamed = names_by_number.find(stored->second.kommunenummer);
        if (renamed != names_by_number.end() && renamed->second.first != folded_name) continue;
        result.problems.push_back({where.second, say(lang, "kommunen " + stored->second.name + " har nummer " + stored->second.kommunenummer + ", ikke " + where.first + "; ret nummeret, eller omdøb først den anden kommune",
                                                     "the municipality " + stored->second.name + " has number " + stored->second.kommunenummer + ", not " + where.first + "; correct the number, or rename the other municipality first")});
    }
    if (!result.problems.empty()) return result;

    // Each person's fields as the whole file gives them, empty cells filled from what is stored.
    std::map<std::string, std::vector<std::string>> role_numbers;  // e-mail → municipalities with a role row
    std::set<std::string> named_home;                              // e-mails with a row without a role
    for (auto const& row : good) {
        if (!row.person) continue;
        auto const email = knowledge::fold_case(row.person->email);
        if (row.role.empty()) named_home.insert(email);
        else role_numbers[email].push_back(row.municipality.kommunenummer);
    }
    for (auto& [email, p] : people) {
        auto const stored = store.person_with_email(email);
        if (!options.clear_empty && stored) {
            if (p.title_line == 0) p.person.title = stored->title;
            if (!p.coordinator) p.coordinator = stored->coordinator;
        }
        p.person.coordinator = p.coordinator.value_or(false);
        // No row without a role: keep the stored home when one of the role rows names it.
        if (!named_home.contains(email) && stored && stored->municipality_id) {
            if (auto const home = store.municipality(*stored->municipality_id)) {
                auto const& numbers = role_numbers[email];
                if (std::find(numbers.begin(), numbers.end(), home->kommunenummer) != numbers.end()) p.home = home->kommunenummer;
            }
        }
    }

    int current_line = 0;
    auto const write = [&] {
        auto const audit_mark = store.last_audit_id();
        try {
            // Municipalities first, so every person's home exists when the person is saved.
            std::map<std::string, storage::Municipality> saved_by_number;
            for (auto const& row : good) {
                current_line = row.line;
                auto const stored = stored_by_number.find(row.municipality.kommunenummer);
                auto const existing = stored == stored_by_number.end() ? std::optional<storage::Municipality>() : stored->second;
                int const wanted_phase = row.phase_given ? row.municipality.phase : existing ? existing->phase : 4;
                auto municipality = row.municipality;
                municipality.phase = existing ? existing->phase : wanted_phase;
                auto saved = store.save_municipality(municipality, change);
                // A phase change goes through the rule that ends the project roles at phase 4.
                if (saved.phase != wanted_phase) {
                    directory.set_phase(saved, wanted_phase, change);
                    saved.phase = wanted_phase;
                }
                stored_by_number[saved.kommunenummer] = saved;
                for (auto const& [platform, tenant] : row.tenants) store.add_tenant(saved.id, platform, tenant, change);
                saved_by_number[saved.kommunenummer] = saved;
            }
            for (auto const& email : people_order) {
                auto& p = people.at(email);
                current_line = p.first_line;
                p.person.municipality_id = saved_by_number.at(p.home).id;
                p.person = store.save_person(p.person, change);
            }
            for (auto const& row : good) {
                if (!row.person) continue;
                current_line = row.line;
                auto const& saved = saved_by_number.at(row.municipality.kommunenummer);
                auto const& person = people.at(knowledge::fold_case(row.person->email)).person;
                for (auto const& [platform, id] : row.identities) store.add_identity(person.id, platform, id, change);
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
                             options.replace ? storage::RoleDirectory::AssignMode::replace_current_holder
                                             : storage::RoleDirectory::AssignMode::add,
                             dated);
                if (row.role == "systemansvarlig" && before > 0) ++result.terms_ended;
            }
        } catch (storage::StorageError const& e) {
            throw LineFailure{current_line, e};
        }
        std::map<std::string, std::string> numbers;
        for (auto const& m : store.municipalities()) numbers[m.name] = m.kommunenummer;
        describe_import(store.audit_after(audit_mark), numbers, lang, result);
    };
    try {
        if (options.dry_run) directory.database().write_and_roll_back(write);
        else directory.database().write_all_or_nothing(write);
        result.written = !options.dry_run;
    } catch (LineFailure const& failure) {
        // Validation should have caught it; if the data changed meanwhile, nothing was written.
        auto const conflict = failure.error.kind() == storage::StorageError::Kind::conflict;
        result = ImportResult{};
        result.problems.push_back(
            {failure.line, conflict ? say(lang, "rækken strider mod det, der er gemt (en kommune, e-mail, tenant eller rolle, der kun må findes én gang); intet er skrevet",
                                          "the row conflicts with what is stored (a municipality, e-mail, tenant or role that may exist only once); nothing was written")
                                    : say(lang, "databasen kunne ikke skrive: ", "the database could not write: ") + failure.error.what()});
    } catch (storage::StorageError const& e) {
        result = ImportResult{};
        result.problems.push_back({0, say(lang, "databasen kunne ikke skrive: ", "the database could not write: ") + e.what()});
    }
    return result;
}

std::string import_summary(ImportResult const& r, Language lang) {
    auto n = [](int count) { return std::to_string(count); };
    auto c = [](int count, std::string_view one, std::string_view many) { return counted(static_cast<std::size_t>(count), one, many); };
    return lang == Language::da
               ? c(r.municipalities_added, "kommune", "kommuner") + " tilføjet, " + n(r.municipalities_changed) + " ændret; " +
                     c(r.people_added, "person", "personer") + " tilføjet, " + n(r.people_changed) + " ændret; " +
                     c(r.assignments_added, "rolle", "roller") + " tilføjet, " + n(r.assignments_ended) + " afsluttet, " +
                     n(r.assignments_kept) + " uændret"
               : c(r.municipalities_added, "municipality", "municipalities") + " added, " + n(r.municipalities_changed) + " changed; " +
                     c(r.people_added, "person", "people") + " added, " + n(r.people_changed) + " changed; " +
                     c(r.assignments_added, "role", "roles") + " added, " + n(r.assignments_ended) + " ended, " + n(r.assignments_kept) +
                     " unchanged";
}

std::string export_csv(DirectoryService& directory) {
    auto& store = directory.store();
    auto people = store.people();
    // By name, then e-mail: the order must not depend on ids, so a restored copy exports the same.
    std::stable_sort(people.begin(), people.end(), [](auto const& a, auto const& b) {
        return std::tie(a.name, a.email) < std::tie(b.name, b.email);
    });
    std::map<std::int64_t, std::vector<Identity>> identities;       // person id → (platform, id)
    std::map<std::int64_t, std::vector<std::int64_t>> role_places;  // person id → municipalities with a current role
    for (auto const& p : people) {
        for (auto const& [platform, id] : store.identities_of(p.id)) identities[p.id].emplace_back(platform, id);
    }
    auto const municipalities = store.municipalities();
    std::map<std::int64_t, std::vector<storage::Assignment>> current;
    for (auto const& m : municipalities) {
        current[m.id] = store.current_assignments(m.id);
        for (auto const& a : current[m.id]) role_places[a.person.id].push_back(m.id);
    }

    std::string out = csv::format_row(csv_columns);
    for (auto const& m : municipalities) {
        std::vector<Identity> tenants;
        for (auto const& [platform, id] : store.tenants_of(m.id)) tenants.emplace_back(platform, id);
        std::set<Identity> tenants_written;
        // A row carries one platform: the person's identity there and the municipality's tenant
        // on the same platform; a row without an identity carries the first tenant.
        auto platform_cells = [&](Identity const* identity) -> std::array<std::string, 3> {
            Identity tenant;
            if (identity) {
                for (auto const& t : tenants) {
                    if (t.first == identity->first) {
                        tenant = t;
                        break;
                    }
                }
            } else if (!tenants.empty()) {
                tenant = tenants.front();
            }
            if (!tenant.first.empty()) tenants_written.insert(tenant);
            return {identity ? identity->first : tenant.first, tenant.second, identity ? identity->second : std::string()};
        };
        auto row_of = [&](storage::Person const& p, std::string const& role, std::string const& system, std::string const& from,
                          Identity const* identity) {
            auto const [platform, tenant, id] = platform_cells(identity);
            return csv::format_row({m.name, m.kommunenummer, std::to_string(m.phase), p.name, p.email, p.title, role, system, from,
                                    p.coordinator ? "ja" : "nej", platform, tenant, id});
        };
        auto first_identity = [&](std::int64_t person) -> Identity const* {
            auto const& ids = identities[person];
            return ids.empty() ? nullptr : &ids.front();
        };
        bool written = false;
        for (auto const& a : current[m.id]) {
            out += row_of(a.person, a.role, a.system, a.valid_from, first_identity(a.person.id));
            written = true;
        }
        // The people who work here: a row without a role names their home when they have no role
        // here or have roles elsewhere too, and each further identity gets a row of its own.
        for (auto const& p : people) {
            if (p.municipality_id != m.id) continue;
            auto const& places = role_places[p.id];
            bool const roles_here = std::find(places.begin(), places.end(), m.id) != places.end();
            bool const roles_elsewhere = std::any_of(places.begin(), places.end(), [&](auto id) { return id != m.id; });
            if (!roles_here || roles_elsewhere) out += row_of(p, "", "", "", first_identity(p.id));
            auto const& ids = identities[p.id];
            for (std::size_t i = 1; i < ids.size(); ++i) out += row_of(p, "", "", "", &ids[i]);
            written = true;
        }
        // The municipality itself, and every tenant no row has carried yet.
        auto municipality_row = [&](Identity const& tenant) {
            return csv::format_row({m.name, m.kommunenummer, std::to_string(m.phase), "", "", "", "", "", "", "", tenant.first, tenant.second, ""});
        };
        if (!written && tenants.empty()) out += municipality_row({});
        for (auto const& tenant : tenants) {
            if (!tenants_written.contains(tenant)) out += municipality_row(tenant);
        }
    }
    return out;
}

}  // namespace superbruger::bot::directory
