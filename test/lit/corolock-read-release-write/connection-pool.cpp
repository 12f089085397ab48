// The connection-pool race: the pool checks `total_ < max_` under the mutex,
// releases it to await connect(), locks it again and counts the connection
// without checking again; concurrent acquires all pass the check and the
// pool grows past its maximum. The write's value does not come from the
// check, whether it happens does (control dependence). Fixed versions check
// again under the lock, or reserve the slot in the first critical section
// and give it back on failure.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Connection {
  int fd;
};
task<Connection *> connect();
void close(Connection *c);

class Pool {
public:
  task<Connection *> acquire() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (total_ >= max_)
        co_return nullptr;
    }
    Connection *c = co_await connect();
    std::lock_guard<std::mutex> lk(mu_);
    ++total_;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'total_' is written under 'mu_' based on 'total_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:7: note: another coroutine may have changed 'total_' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-8]]:11: note: 'total_' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-6]]:21: note: 'co_await' suspends without 'mu_'; another coroutine may lock it and change 'total_' here
    co_return c;
  }

  // The check's result kept in a local decides as well.
  task<Connection *> acquire_flag() {
    bool room;
    {
      std::lock_guard<std::mutex> lk(mu_);
      room = total_ < max_;
    }
    if (!room)
      co_return nullptr;
    Connection *c = co_await connect();
    std::lock_guard<std::mutex> lk(mu_);
    total_ += 1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'total_' is written under 'mu_' based on 'total_' read before a 'co_await'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: another coroutine may have changed 'total_' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-9]]:14: note: 'total_' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-6]]:21: note: 'co_await'{{.*}}
    co_return c;
  }

  // Fixed: checked again under the lock; the connection that lost the race
  // is closed.
  task<Connection *> acquire_checked() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (total_ >= max_)
        co_return nullptr;
    }
    Connection *c = co_await connect();
    std::lock_guard<std::mutex> lk(mu_);
    if (total_ >= max_) {
      close(c);
      co_return nullptr;
    }
    ++total_;
    co_return c;
  }

  // Fixed: the slot is reserved atomically with the check; the second
  // critical section only gives it back.
  task<Connection *> acquire_reserved() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (total_ >= max_)
        co_return nullptr;
      ++total_;
    }
    Connection *c = co_await connect();
    if (!c) {
      std::lock_guard<std::mutex> lk(mu_);
      --total_;
    }
    co_return c;
  }

private:
  std::mutex mu_;
  int total_ = 0;
  int max_ = 16;
};
