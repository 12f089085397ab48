// A value read under the lock reaches the write through locals: copies,
// arithmetic, members of local structs, structured bindings, out-parameters,
// calls on a local, lambda captures. A local assigned something else no
// longer carries it.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

struct Pair {
  int first;
  int second;
};
Pair split(int);
void fill(int &out, int from);
int combine(int, int);
int &entry(int);

class Store {
public:
  task<void> copies() {
    int a;
    {
      std::lock_guard<std::mutex> lk(mu_);
      a = value_;
    }
    int b = a * 2;
    int c;
    c = b + 1;
    c += 1;
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = c;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  task<void> struct_member() {
    Pair p{0, 0};
    {
      std::lock_guard<std::mutex> lk(mu_);
      p.second = value_;
    }
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = p.second + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  task<void> structured_binding() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = value_;
    }
    co_await send(0);
    auto [lo, hi] = split(v);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = hi;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  task<void> out_parameter() {
    int filled = 0;
    {
      std::lock_guard<std::mutex> lk(mu_);
      fill(filled, value_);
    }
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = filled;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  task<void> call_on_local() {
    std::vector<std::string> names;
    {
      std::lock_guard<std::mutex> lk(mu_);
      names.push_back(name_);
    }
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    name_ = names.back();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'name_' is written under 'mu_' based on 'name_'{{.*}} [corolock-read-release-write]
  }

  task<void> lambda_capture() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = value_;
    }
    auto next = [v] { return v + 1; };
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = next();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  // Overwritten before the write: the value read is gone.
  task<void> overwritten() {
    int a;
    {
      std::lock_guard<std::mutex> lk(mu_);
      a = value_;
    }
    a = compute(7);
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = a;
  }

  // Overwritten on one path only: the other path still carries it.
  task<void> overwritten_on_one_path(bool reset) {
    int a;
    {
      std::lock_guard<std::mutex> lk(mu_);
      a = value_;
    }
    if (reset)
      a = 0;
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = combine(a, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  // Looking up a reference to a local looks up that local: it stays live
  // while the reference is used.
  task<void> reference_to_local() {
    int a;
    {
      std::lock_guard<std::mutex> lk(mu_);
      a = value_;
    }
    int &ra = a;
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = ra + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

  // A reference used in its own initializer: the lookup ends.
  task<void> self_referential_reference() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      int seen = value_;
      (void)seen;
    }
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    int &r = entry(r + 1);
    value_ = r;
  }

private:
  std::mutex mu_;
  int value_ = 0;
  std::string name_;
};
