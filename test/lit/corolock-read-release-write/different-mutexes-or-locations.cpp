// The read and the write must be under the same mutex and reach the same
// location: other mutexes, sibling fields, other objects of the same class,
// and a pointer versus what it points to are different.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Account {
  std::mutex mu;
  int balance;
  int limit;
};
struct Node {
  int value;
};

class Bank {
public:
  task<void> other_mutex() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(a_mu_);
      seen = shared_;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(b_mu_);
    shared_ = seen + 1;
  }

  task<void> sibling_field() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(from_.mu);
      seen = from_.limit;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(from_.mu);
    from_.balance = seen;
  }

  task<void> other_object() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(from_.mu);
      seen = from_.balance;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(from_.mu);
    to_.balance = seen;
  }

  // The same field of the same member object, under its own mutex.
  task<void> same_member_object() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(from_.mu);
      seen = from_.balance;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(from_.mu);
    from_.balance = seen - 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'from_.balance' is written under 'from_.mu' based on 'from_.balance'{{.*}} [corolock-read-release-write]
  }

  // Reseating the pointer does not change what it pointed to.
  task<void> pointer_versus_pointee() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(a_mu_);
      seen = head_->value;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(a_mu_);
    head_ = seen ? nullptr : head_;
  }

private:
  std::mutex a_mu_, b_mu_;
  int shared_ = 0;
  Account from_, to_;
  Node *head_ = nullptr;
};
