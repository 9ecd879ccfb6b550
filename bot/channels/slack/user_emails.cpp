// UserEmails: users.info behind a small cache.
#include "bot/channels/slack/user_emails.hpp"

#include "adapters/error.hpp"
#include "bot/error.hpp"
#include "bot/log.hpp"

#include <boost/asio/co_spawn.hpp>

namespace superbruger::bot::channels::slack {

namespace {
/// A found address is kept this long (a person's e-mail rarely changes); a failed lookup is
/// asked again sooner.
constexpr auto keep_found = std::chrono::hours(1);
constexpr auto keep_failed = std::chrono::minutes(10);
}  // namespace

std::optional<std::string> UserEmails::cached(std::string const& user_id, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto const it = entries_.find(user_id);
    if (it == entries_.end() || it->second.until <= now) return std::nullopt;
    return it->second.email;
}

void UserEmails::keep(std::string const& user_id, std::string email, Clock::time_point until) {
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries) {
        auto const now = Clock::now();
        std::erase_if(entries_, [&](auto const& e) { return e.second.until <= now; });
        if (entries_.size() >= max_entries) entries_.clear();
    }
    entries_[user_id] = Entry{std::move(email), until};
}

net::awaitable<std::string> UserEmails::of(std::string user_id) {
    if (user_id.empty()) co_return std::string();
    if (auto hit = cached(user_id, Clock::now())) co_return *hit;
    auto email = co_await outbound_.run(look_up(user_id));
    co_return email;
}

net::awaitable<std::string> UserEmails::look_up(std::string user_id) {
    std::string email, failure;
    bool missing_scope = false;
    try {
        auto const info = co_await api_.user_info(user_id);
        if (!info.is_bot && !info.deleted) email = info.email;
        if (email.empty()) failure = "no e-mail in the profile (is users:read.email granted?)";
    } catch (BotError const& e) {
        failure = e.what();
        missing_scope = failure.find("missing_scope") != std::string::npos;
    } catch (adapters::AdapterError const& e) {
        failure = e.what();
    }
    if (email.empty()) {
        // Said once at warn level: without the scope every lookup fails the same way.
        if (missing_scope && !told_missing_scope_) {
            told_missing_scope_ = true;
            log::warn("slack_email_lookup_unavailable", {{"error", failure}, {"hint", "add the users:read.email scope and reinstall the app"}});
        } else {
            log::debug("slack_email_not_found", {{"user", user_id}, {"error", failure}});
        }
        keep(user_id, {}, Clock::now() + keep_failed);
    } else {
        keep(user_id, email, Clock::now() + keep_found);
    }
    co_return email;
}

}  // namespace superbruger::bot::channels::slack
