// Writes through an iterator, pointer or reference obtained under the lock
// before the suspension (issue 11): the element they name was chosen by the
// first section and may have been changed, erased or moved meanwhile (the
// iterator or pointer may even dangle). Obtained again after the suspension,
// or never reseated across it but re-found, they are fine.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

class Sessions {
public:
  task<void> through_iterator(int id) {
    mu_.lock();
    auto it = expiry_.find(id);
    mu_.unlock();
    int next = co_await fetch(id);
    mu_.lock();
    it->second = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'it->second' is written under 'mu_' based on 'expiry_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    mu_.unlock();
  }

  task<void> through_pointer(int slot) {
    mu_.lock();
    int *p = &slots_[slot];
    mu_.unlock();
    co_await send(slot);
    mu_.lock();
    *p = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*p' is written under 'mu_' based on 'slots_[slot]' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    mu_.unlock();
  }

  task<void> through_reference(int id) {
    mu_.lock();
    int &deadline = expiry_[id];
    mu_.unlock();
    int next = co_await fetch(id);
    mu_.lock();
    deadline = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'deadline' is written under 'mu_' based on 'expiry_[id]' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    mu_.unlock();
  }

  // Found again under the lock after the suspension: nothing stale.
  task<void> found_again(int id) {
    int next = co_await fetch(id);
    std::lock_guard<std::mutex> lk(mu_);
    auto it = expiry_.find(id);
    it->second = next;
    int *p = &slots_[id];
    *p = next;
  }

  // Used within one section only.
  task<void> one_section(int id) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = expiry_.find(id);
      it->second = 0;
    }
    co_await send(id);
  }

private:
  std::mutex mu_;
  std::map<int, int> expiry_;
  std::vector<int> slots_;
};
