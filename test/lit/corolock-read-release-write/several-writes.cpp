// One stale read, several writes (issue 11): every write is judged on its
// own, so a harmless write before a lost update cannot take the warning, and
// a suppression of one does not hide the other. A relative update that gives
// back this coroutine's own earlier reservation (`++n` ... `--n`) cannot undo
// another task's change and is not stale; a value computed from the stale
// read still is. Written in the shape of a mail client's connection pool.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

task<bool> connect_one();
task<bool> validate(int conn);
task<void> wait_for_return();

struct PoolStats {
  int total = 0;
  int pending = 0;
  int failures = 0;
};

class ConnectionPool {
public:
  // The capacity check goes stale across connect_one(); the recycle path's
  // give-back is reached from it only through the loop's back edge.
  task<int> acquire() {
    while (true) {
      int conn = -1;
      {
        std::lock_guard<std::mutex> lk(mu_);
        if (!idle_.empty()) {
          conn = idle_.back();
          idle_.pop_back();
        }
      }
      if (conn >= 0) {
        bool ok = co_await validate(conn);
        if (!ok) {
          std::lock_guard<std::mutex> lk(mu_);
          --stats_.total; // gives back the slot of a connection taken
          continue;
        }
        co_return conn;
      }
      bool can_create = false;
      {
        std::lock_guard<std::mutex> lk(mu_);
        can_create = stats_.total < max_;
      }
      if (can_create) {
        bool ok = co_await connect_one();
        if (ok) {
          std::lock_guard<std::mutex> lk(mu_);
          ++stats_.total;
          // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'stats_.total' is written under 'mu_' based on 'stats_.total' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
          co_return 1;
        }
      }
      co_await wait_for_return();
    }
  }

  // Count the request, check the limit in a second section, give the count
  // back after the work: each give-back undoes this coroutine's own `++`.
  task<int> limited() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      ++stats_.pending;
    }
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (stats_.pending > max_pending_) {
        --stats_.pending;
        co_return -1;
      }
    }
    bool ok = co_await connect_one();
    std::lock_guard<std::mutex> lk(mu_);
    --stats_.pending;
    co_return ok ? 1 : 0;
  }

  // A reservation in the read's section: the give-back is fine, a store of
  // a value computed from the stale read is a lost update.
  task<void> reserve() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = stats_.total;
      ++stats_.total;
    }
    bool ok = co_await connect_one();
    std::lock_guard<std::mutex> lk(mu_);
    if (!ok) {
      --stats_.total;
      co_return;
    }
    stats_.total = seen + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'stats_.total' is written under 'mu_' based on 'stats_.total' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  // Two writes after one stale read: both reported, the second one too.
  task<void> record() {
    int failures;
    {
      std::lock_guard<std::mutex> lk(mu_);
      failures = stats_.failures;
    }
    bool ok = co_await validate(failures);
    std::lock_guard<std::mutex> lk(mu_);
    if (ok) {
      stats_.failures = failures / 2;
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'stats_.failures' is written under 'mu_' based on 'stats_.failures' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
      co_return;
    }
    stats_.failures = failures + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'stats_.failures' is written under 'mu_' based on 'stats_.failures' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  // The same direction twice is no give-back: a second `++` decided by the
  // stale count still grows the pool past its maximum.
  task<void> grow_twice() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      ++stats_.total;
    }
    bool room;
    {
      std::lock_guard<std::mutex> lk(mu_);
      room = stats_.total < max_;
    }
    co_await wait_for_return();
    std::lock_guard<std::mutex> lk(mu_);
    if (room)
      ++stats_.total;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'stats_.total' is written under 'mu_' based on 'stats_.total' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

private:
  std::mutex mu_;
  std::vector<int> idle_;
  PoolStats stats_;
  int max_ = 8;
  int max_pending_ = 64;
};
