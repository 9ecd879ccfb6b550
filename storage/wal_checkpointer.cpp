// WalCheckpointer: the commit hook that counts WAL pages and the thread that checkpoints.
#include "storage/wal_checkpointer.hpp"

#include <sqlite3.h>

namespace superbruger::storage {

WalCheckpointer::WalCheckpointer(sqlite3* writer, std::string path) : writer_(writer), path_(std::move(path)) {
    // The hook replaces SQLite's automatic checkpoint on this connection (the two share the one
    // WAL hook slot: https://www.sqlite.org/c3ref/wal_hook.html).
    sqlite3_wal_hook(writer_, &WalCheckpointer::on_commit, this);
    thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    sqlite3_wal_hook(writer_, nullptr, nullptr);
}

int WalCheckpointer::checkpoints() const {
    std::lock_guard lock(mutex_);
    return checkpoints_;
}

int WalCheckpointer::on_commit(void* self, sqlite3*, char const*, int pages) {
    auto& me = *static_cast<WalCheckpointer*>(self);
    bool wake = false;
    {
        std::lock_guard lock(me.mutex_);
        me.written_ = true;
        if (pages >= pages_before_checkpoint && !me.full_) wake = me.full_ = true;
    }
    if (wake) me.wake_.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    sqlite3* db = nullptr;
    // Without a connection of its own there is nobody to checkpoint: the WAL then grows until
    // the writer's connection closes, which checkpoints (and SQLite's next open recovers it).
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        db = nullptr;
    } else {
        // A connection learns that the file is in WAL mode on its first read; until then a
        // checkpoint on it is a no-op that reports success.
        sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);
    }
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_for(lock, idle_interval, [this] { return stopping_ || full_; });
        bool const stop = stopping_;
        full_ = false;
        if (written_ && db != nullptr) {
            written_ = false;
            lock.unlock();
            // PASSIVE: copies what no reader still needs and returns; what is left goes next time.
            int const rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            lock.lock();
            if (rc == SQLITE_OK) ++checkpoints_;
            else written_ = true;  // busy or failed: try again on the next round
        }
        if (stop) break;
    }
    lock.unlock();
    sqlite3_close(db);
}

}  // namespace superbruger::storage
