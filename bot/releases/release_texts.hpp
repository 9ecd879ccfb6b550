// Every sentence of the release-review conversation, in Danish and English.
#pragma once

#include "knowledge/language.hpp"
#include "storage/releases.hpp"

#include <string>
#include <vector>

namespace superbruger::bot::releases::texts {

using knowledge::Language;

std::string unknown_release(Language lang, std::string const& name);
std::string not_allowed(Language lang);
std::string item_heading(Language lang, storage::Release const& release, storage::ReleaseItem const& item);
std::string ask_effect(Language lang);
std::string ask_local_config(Language lang);
std::string ask_local_config_what(Language lang);
std::string ask_communication(Language lang);
std::string ask_communication_how(Language lang);
std::string ask_note(Language lang);
std::string bad_effect(Language lang);
std::string bad_yes_no(Language lang);
std::string controls(Language lang);
std::string all_reviewed(Language lang, std::string const& release, std::string const& municipality);
std::string review_stopped(Language lang, std::size_t saved);
std::string progress_line(Language lang, std::string const& municipality, std::size_t reviewed, std::size_t total,
                          std::vector<int> const& missing);
std::string network_heading(Language lang, std::size_t complete, std::size_t municipalities);
/// The municipalities that have no superbruger and so review nothing, as one line.
std::string without_superbrugere(Language lang, std::string const& names);
std::string muted(Language lang, bool changed);
std::string unmuted(Language lang, bool changed);
std::string form_problems(Language lang);
std::string only_coordinators();
std::string send_notes(std::string const& name);
std::string registration_cancelled();
std::string nothing_registered();
std::string registered(storage::Release const& release, std::size_t announced);
/// What registering would do, before it is done: the items, the announcement as it reads in
/// `example_municipality`, how many it reaches, and why the date needs a second look (`unusual`,
/// empty when it does not); ends with the question.
std::string registration_preview(storage::Release const& release, std::size_t recipients, std::size_t municipalities,
                                 std::string const& example_municipality, std::string const& unusual);
std::string announcement(storage::Release const& release, std::string const& municipality);
std::string reminder(storage::Release const& release, std::string const& municipality, std::size_t open, std::size_t total);

}  // namespace superbruger::bot::releases::texts
