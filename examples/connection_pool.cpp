// A connection pool caps its open connections at max_open_. Pool::acquire
// checks the cap under the lock, releases the lock to await connect(), and
// counts the new connection under the lock again without checking the cap
// again: concurrent acquires all pass the check while the others connect,
// and the pool grows past its maximum. corolock reports the increment. The
// two fixed versions are not reported.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <memory>
#include <mutex>

#include "task.h"

struct Connection {
  int fd = -1;
};

class Connector {
public:
  task<std::shared_ptr<Connection>> connect();
};

class Pool {
public:
  // Reported: whether the connection is counted was decided by a check made
  // before the co_await; other acquires may have filled the pool meanwhile.
  task<std::shared_ptr<Connection>> acquire() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (open_ >= max_open_)
        co_return nullptr;
    }
    std::shared_ptr<Connection> conn = co_await connector_.connect();
    std::lock_guard<std::mutex> lk(mu_);
    ++open_;
    co_return conn;
  }

private:
  std::mutex mu_;
  int open_ = 0;
  int max_open_ = 16;
  Connector connector_;
};

// Fix 1: re-check under the lock, and drop the connection that lost the race.
class PoolChecked {
public:
  task<std::shared_ptr<Connection>> acquire() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (open_ >= max_open_)
        co_return nullptr;
    }
    std::shared_ptr<Connection> conn = co_await connector_.connect();
    std::lock_guard<std::mutex> lk(mu_);
    if (open_ >= max_open_)
      co_return nullptr;
    ++open_;
    co_return conn;
  }

private:
  std::mutex mu_;
  int open_ = 0;
  int max_open_ = 16;
  Connector connector_;
};

// Fix 2: reserve the slot together with the check, and give it back if the
// connection fails; the second critical section only follows up.
class PoolReserved {
public:
  task<std::shared_ptr<Connection>> acquire() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (open_ >= max_open_)
        co_return nullptr;
      ++open_;
    }
    std::shared_ptr<Connection> conn = co_await connector_.connect();
    if (!conn) {
      std::lock_guard<std::mutex> lk(mu_);
      --open_;
    }
    co_return conn;
  }

private:
  std::mutex mu_;
  int open_ = 0;
  int max_open_ = 16;
  Connector connector_;
};
