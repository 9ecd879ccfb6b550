// Every sentence of the release-review conversation, in Danish and English.
#pragma once

#include "knowledge/language.hpp"
#include "storage/release_reviews.hpp"
#include "storage/releases.hpp"

#include <string>
#include <vector>

namespace superbruger::bot::releases::texts {

using knowledge::Language;

std::string unknown_release(Language lang, std::string const& name);
std::string did_you_mean_release(Language lang, std::string const& typed, std::string const& name);
std::string not_allowed(Language lang);
/// The registered releases, newest first, each with its deadline and (when known) how far the
/// asker's municipality is; ends with how to start a review.
std::string release_list(Language lang, std::vector<std::string> const& lines, std::string const& example);
std::string no_releases(Language lang);
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
/// An item's saved answer in one line: "høj; lokal konfiguration: breve; besked: nej".
std::string review_summary(Language lang, storage::ItemReview const& review);
/// "Punkt 2 er gennemgået af Ida Holm (2026-11-23): …; dine nye svar erstatter det."
std::string existing_answer(Language lang, storage::ItemReview const& review);
std::string ask_overwrite(Language lang, storage::ItemReview const& colleague);
std::string kept_colleagues_answer(Language lang, int item, std::string const& colleague);
std::string answered_by(Language lang, storage::ItemReview const& review);
std::string not_answered(Language lang);
std::string went_back(Language lang);
std::string nothing_to_go_back_to(Language lang);
std::string no_such_item(Language lang, int item, std::size_t items);
std::string correct_item_needs_review(Language lang);
/// The review waits while another question is answered.
std::string review_paused(Language lang, std::string const& release, int item);
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
