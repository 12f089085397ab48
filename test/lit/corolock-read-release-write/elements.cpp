// Elements of arrays and containers stand for any element: a read of one
// element's field and a write of another's may be the same location. A read
// of the container itself (size(), iteration) does not re-check its
// elements' fields; a read of the element field does.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

struct Conn {
  int id;
  bool busy;
};

class Pool {
public:
  // Picks a free connection, suspends, marks it busy without looking again.
  task<int> claim_free() {
    int chosen = -1;
    {
      std::lock_guard<std::mutex> lk(mu_);
      for (const Conn &c : conns_)
        if (!c.busy)
          chosen = c.id;
    }
    co_await send(chosen);
    std::lock_guard<std::mutex> lk(mu_);
    for (Conn &c : conns_)
      if (c.id == chosen)
        c.busy = true;
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'c.busy' is written under 'mu_' based on 'c.id' read before a 'co_await'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:11: note: another coroutine may have changed 'c.busy' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-9]]:22: note: 'c.id' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-11]]:16: note: 'c.busy' read here under 'mu_'
    // CHECK-NOTES: :[[@LINE-9]]:5: note: 'co_await' suspends without 'mu_'{{.*}}
    co_return chosen;
  }

  // Fixed: the busy flag is checked again.
  task<int> claim_free_checked() {
    int chosen = -1;
    {
      std::lock_guard<std::mutex> lk(mu_);
      for (const Conn &c : conns_)
        if (!c.busy)
          chosen = c.id;
    }
    co_await send(chosen);
    std::lock_guard<std::mutex> lk(mu_);
    for (Conn &c : conns_)
      if (c.id == chosen && !c.busy)
        c.busy = true;
    co_return chosen;
  }

  // By index, through vector's operator[].
  task<void> by_index(std::size_t i) {
    bool busy;
    {
      std::lock_guard<std::mutex> lk(mu_);
      busy = conns_[i].busy;
    }
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    if (!busy && i < conns_.size())
      conns_[i].busy = true;
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'conns_[i].busy' is written under 'mu_' based on 'conns_[i].busy'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:17: note: another coroutine may have changed 'conns_[i].busy' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-8]]:24: note: 'conns_[i].busy' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-7]]:5: note: 'co_await'{{.*}}
  }

  // A raw array.
  task<void> array_slot(int i) {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = counts_[i];
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(mu_);
    counts_[i] = seen + 1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'counts_[i]' is written under 'mu_' based on 'counts_[i]'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: another coroutine may have changed 'counts_[i]' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-7]]:14: note: 'counts_[i]' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_await'{{.*}}
  }

private:
  std::mutex mu_;
  std::vector<Conn> conns_;
  int counts_[8] = {};
};
