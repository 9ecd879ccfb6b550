// App construction and readiness.
#include "bot/app.hpp"

#include "bot/error.hpp"
#include "storage/error.hpp"

namespace superbruger::bot {

namespace {
storage::Database open_database(std::string const& path) {
    try {
        return storage::Database(path);
    } catch (storage::StorageError const& e) {
        throw BotError(BotError::Kind::config, std::string("config: 'storage.database': ") + e.what());
    }
}
}  // namespace

App::App(Config config)
    : config_(std::move(config)),
      database_(open_database(config_.storage.database)),
      questions_(database_),
      answers_(database_),
      conversations_(database_),
      knowledge_(config_.knowledge),
      directory_(database_, knowledge_),
      directory_answers_(directory_),
      desk_(database_, directory_, config_.change_requests.dialog_timeout),
      release_desk_(database_, directory_, config_.releases.reminder_offsets_days, municipality_channels(config_)),
      hand_off_desk_(database_, directory_, &knowledge_),
      assistant_(knowledge_, questions_, answers_, &directory_answers_, &desk_, &release_desk_, &hand_off_desk_) {}

std::string App::readiness() {
    try {
        database_.schema_version();
    } catch (std::exception const& e) {
        return "database unavailable";
    }
    if (!knowledge_.index() || knowledge_.index()->documents().empty()) return "knowledge base empty";
    return {};
}

}  // namespace superbruger::bot
