// Private to storage/: WAL checkpoints on a thread of their own.
// A checkpoint copies the write-ahead log into the database file and syncs it (fdatasync). Left
// to SQLite's automatic checkpoint it runs inside the COMMIT that crosses 1000 pages, on the
// server's io thread, and stalls every request behind it for milliseconds. Here the io thread's
// connection only notes how long the log has grown; this thread, with its own connection,
// checkpoints in PASSIVE mode (never waits for, nor blocks, the writer).
// Durability is unchanged: a commit is in the WAL file before COMMIT returns either way
// (https://www.sqlite.org/wal.html#ckpt, https://www.sqlite.org/c3ref/wal_checkpoint_v2.html).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace superbruger::storage {

class WalCheckpointer {
public:
    /// Takes over checkpointing of `writer` (the connection that commits) for the file at `path`.
    WalCheckpointer(sqlite3* writer, std::string path);
    ~WalCheckpointer();  // stops the thread after one last checkpoint
    WalCheckpointer(WalCheckpointer const&) = delete;
    WalCheckpointer& operator=(WalCheckpointer const&) = delete;

    /// Completed checkpoints so far (for tests).
    int checkpoints() const;

    /// The WAL is checkpointed once it holds this many pages (SQLite's own default)…
    static constexpr int pages_before_checkpoint = 1000;
    /// …or when it has held any for this long.
    static constexpr auto idle_interval = std::chrono::seconds(1);

private:
    static int on_commit(void* self, sqlite3*, char const*, int pages);
    void run();

    sqlite3* writer_;
    std::string path_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool full_ = false;     // the WAL passed pages_before_checkpoint
    bool written_ = false;  // something was committed since the last checkpoint
    int checkpoints_ = 0;
    std::thread thread_;
};

}  // namespace superbruger::storage
