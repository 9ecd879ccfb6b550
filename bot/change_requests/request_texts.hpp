// Every sentence of the change-request conversation, in Danish and English.
#pragma once

#include "knowledge/language.hpp"
#include "storage/change_requests.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace superbruger::bot::change_requests::texts {

using knowledge::Language;

std::string field_label(Language lang, std::string const& field);
std::string form_intro(Language lang);
std::string form_problems(Language lang);
std::string prompt(Language lang, std::string const& field, std::size_t step, std::size_t steps);
std::string controls(Language lang);
std::string empty_answer(Language lang);
std::string too_long(Language lang, std::size_t chars, std::size_t max);
std::string bad_urgency(Language lang);
std::string resumed(Language lang);
std::string cancelled(Language lang);
/// The dialog waits while another question is answered; `step` > `steps` is the summary.
std::string dialog_paused(Language lang, std::size_t step, std::size_t steps);
std::string nothing_to_go_back_to(Language lang);
std::string summary(Language lang, std::map<std::string, std::string> const& fields);
std::string similar_heading(Language lang);
std::string similar_line(storage::ChangeRequest const& r, std::string const& municipality, std::size_t supporters);
std::string confirm_choices(Language lang, bool has_similar);
std::string submitted(Language lang, std::string const& ref);
std::string already_submitted(Language lang, std::string const& ref);
std::string submit_not_allowed(Language lang, std::string const& municipality, std::vector<std::string> const& superbrugere);
std::string unknown_asker(Language lang);
std::string supported(Language lang, std::string const& municipality, std::string const& ref, std::string const& title);
std::string already_supports(Language lang, std::string const& municipality, std::string const& ref);
std::string own_request(Language lang, std::string const& ref);
std::string unknown_ref(Language lang, std::string const& ref);
std::string list_heading(Language lang, std::string const& what);
std::string list_line(storage::ChangeRequest const& r, std::string const& municipality, std::size_t supporters);
std::string none_found(Language lang);
std::string status_view(Language lang, storage::ChangeRequest const& r, std::string const& municipality,
                        std::vector<std::string> const& supporters, std::vector<storage::StatusChange> const& history);
std::string moved(Language lang, std::string const& ref, std::string const& from, std::string const& to);
std::string move_not_allowed(Language lang, std::string const& ref, std::string const& from, std::string const& to);
std::string no_such_transition(Language lang, std::string const& ref, std::string const& from, std::string const& to);
std::string needs_release(Language lang, std::string const& ref);
std::string notification(Language lang, storage::ChangeRequest const& r, std::string const& from, std::string const& to,
                         std::string const& actor, std::string const& comment);
std::string supported_notification(Language lang, storage::ChangeRequest const& r, std::string const& municipality);
std::string source(Language lang);

// Undo and correct.
/// What "+1" after a request means.
std::string plus_explained(Language lang);
std::string not_supportable(Language lang, std::string const& ref, std::string const& status);
std::string edit_usage(Language lang, std::string const& ref);
std::string edit_not_submitter(Language lang, std::string const& ref, std::string const& submitter);
std::string edit_too_late(Language lang, std::string const& ref, std::string const& status);
std::string edit_unchanged(Language lang, std::string const& ref, std::string const& field);
std::string edited(Language lang, std::string const& ref, std::string const& field, std::string const& value);
std::string withdraw_not_allowed(Language lang, std::string const& ref);
std::string withdraw_too_late(Language lang, std::string const& ref, std::string const& status);
std::string withdrawn(Language lang, std::string const& ref, std::size_t supporters);
std::string withdrawn_notification(Language lang, storage::ChangeRequest const& r, std::string const& municipality, std::string const& actor,
                                   std::string const& reason);
std::string not_supporting(Language lang, std::string const& municipality, std::string const& ref);
std::string support_removed(Language lang, std::string const& municipality, std::string const& ref);
std::string correction_only_coordinators(Language lang);
std::string correction_usage(Language lang, std::string const& ref);
std::string corrected(Language lang, std::string const& ref, std::string const& from, std::string const& to);
std::string corrected_notification(Language lang, storage::ChangeRequest const& r, std::string const& from, std::string const& actor,
                                   std::string const& reason);

}  // namespace superbruger::bot::change_requests::texts
