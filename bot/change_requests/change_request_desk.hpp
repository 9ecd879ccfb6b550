// ChangeRequestDesk: ændringsønsker in chat. The intake dialog ("nyt ændringsønske"), similar
// requests from the whole network with "støt" instead of filing again, status moves with their
// permissions, notifications to submitter and supporters through the outbox, and the queries
// ("mine/vores/alle ændringsønsker", "status på ÆØ-2026-0042").
#pragma once

#include "adapters/chat_message.hpp"
#include "bot/change_requests/similar_requests.hpp"
#include "bot/change_requests/standing.hpp"
#include "knowledge/language.hpp"
#include "storage/change_requests.hpp"
#include "storage/outbox.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace superbruger::bot::change_requests {

class ChangeRequestDesk {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    ChangeRequestDesk(storage::Database& db, directory::DirectoryService& directory, std::chrono::minutes dialog_timeout,
                      Clock clock = [] { return std::chrono::system_clock::now(); });

    /// The reply when the message is about change requests (a command, a query, or the next
    /// answer in an open dialog); nullopt otherwise, so other answers take it.
    /// With `dialog_may_answer` false, an open dialog does not take the message as its answer.
    std::optional<adapters::ChatReply> answer(adapters::ChatMessage const& message, std::string const& folded, knowledge::Language lang,
                                              bool dialog_may_answer = true);

    /// "Du er i gang med et ændringsønske (trin 2 af 6) – skriv »fortsæt« …" when the sender has
    /// an open (not expired) dialog; nullopt otherwise.
    std::optional<std::string> dialog_note(adapters::ChatMessage const& message) const;

    storage::ChangeRequests& requests() noexcept { return requests_; }

private:
    // The intake dialog (intake_dialog.cpp).
    adapters::ChatReply start_dialog(adapters::ChatMessage const& message, knowledge::Language lang);
    std::optional<adapters::ChatReply> continue_dialog(adapters::ChatMessage const& message, std::string const& folded);
    adapters::ChatReply confirm_step(nlohmann::json const& draft, knowledge::Language lang);
    adapters::ChatReply submit(adapters::ChatMessage const& message, nlohmann::json& draft, storage::Draft const& stored);
    /// The whole request from a platform's form (a Teams card): checked field by field, then
    /// the same summary and "send" as the dialog.
    adapters::ChatReply take_form(adapters::ChatMessage const& message, knowledge::Language lang);

    // Commands and queries (change_request_desk.cpp).
    adapters::ChatReply support(adapters::ChatMessage const& message, std::string const& ref, knowledge::Language lang);
    adapters::ChatReply move(adapters::ChatMessage const& message, std::string const& ref, std::string const& status,
                             std::string const& release, std::string const& comment, knowledge::Language lang);
    adapters::ChatReply show(adapters::ChatMessage const& message, std::string const& ref, knowledge::Language lang);

    // Undo and correct (request_corrections.cpp).
    adapters::ChatReply edit(adapters::ChatMessage const& message, std::string const& ref, std::string const& folded, knowledge::Language lang);
    adapters::ChatReply withdraw(adapters::ChatMessage const& message, std::string const& ref, knowledge::Language lang);
    adapters::ChatReply remove_support(adapters::ChatMessage const& message, std::string const& ref, knowledge::Language lang);
    adapters::ChatReply correct(adapters::ChatMessage const& message, std::string const& ref, std::string const& folded, knowledge::Language lang);
    /// Whether the sender's municipality can support the request now: not its own, not already
    /// supported, not implemented, rejected or withdrawn.
    bool may_support(adapters::ChatMessage const& message, storage::ChangeRequest const& request);
    adapters::ChatReply list(std::vector<storage::ChangeRequest> const& found, std::string const& heading, knowledge::Language lang);
    std::string municipality_name(std::int64_t id) const;
    void notify(storage::ChatIdentity const& to, std::string const& key, std::string const& text, std::string const& ref);

    storage::Database& db_;
    directory::DirectoryService& directory_;
    storage::ChangeRequests requests_;
    storage::Outbox outbox_;
    SimilarRequests similar_;
    std::chrono::minutes dialog_timeout_;
    Clock clock_;
};

/// "ÆØ-2026-0042" from a folded text that names one ("æø-2026-42" too); "" when none.
std::string ref_in(std::string const& folded);

}  // namespace superbruger::bot::change_requests
