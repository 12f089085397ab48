// Locations other coroutines can reach: globals, static data members,
// static locals, fields through a member pointer, a member reference, a
// smart pointer (member or parameter), a reference or pointer parameter, a
// local reference bound to a member. Locals of the coroutine frame are not
// shared, nor is what a pointer local points to once the pointer is
// reseated.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

struct State {
  int value;
};

std::mutex g_mu;
int g_value;

struct Registry {
  static std::mutex mu;
  static int count;
};

class Holder {
public:
  task<void> global() {
    int v;
    {
      std::lock_guard<std::mutex> lk(g_mu);
      v = g_value;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(g_mu);
    g_value = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'g_value' is written under 'g_mu' based on 'g_value'{{.*}} [corolock-read-release-write]
  }

  task<void> static_member() {
    int v;
    {
      std::lock_guard<std::mutex> lk(Registry::mu);
      v = Registry::count;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(Registry::mu);
    Registry::count = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Registry::count' is written under 'Registry::mu' based on 'Registry::count'{{.*}} [corolock-read-release-write]
  }

  task<void> static_local() {
    static std::mutex mu;
    static int calls;
    int v;
    {
      std::lock_guard<std::mutex> lk(mu);
      v = calls;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu);
    calls = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'calls' is written under 'mu' based on 'calls'{{.*}} [corolock-read-release-write]
  }

  task<void> member_pointer() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = ptr_->value;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu_);
    ptr_->value = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'ptr_->value' is written under 'mu_' based on 'ptr_->value'{{.*}} [corolock-read-release-write]
  }

  task<void> member_reference() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = ref_.value;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu_);
    ref_.value = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'ref_.value' is written under 'mu_' based on 'ref_.value'{{.*}} [corolock-read-release-write]
  }

  task<void> smart_pointer_member() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = owned_->value;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu_);
    owned_->value = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'owned_->value' is written under 'mu_' based on 'owned_->value'{{.*}} [corolock-read-release-write]
  }

  task<void> local_reference() {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = own_.value;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu_);
    State &s = own_;
    s.value = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 's.value' is written under 'mu_' based on 'own_.value'{{.*}} [corolock-read-release-write]
  }

  // A coroutine frame's locals are its own.
  task<void> frame_local() {
    std::mutex local_mu;
    State local{0};
    int v;
    {
      std::lock_guard<std::mutex> lk(local_mu);
      v = local.value;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(local_mu);
    local.value = v + 1;
  }

  // The pointer is reseated: the path through it names no one object.
  task<void> reseated_pointer(State *other) {
    State *p = ptr_;
    int v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = p->value;
    }
    p = other;
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu_);
    p->value = v + 1;
  }

  std::mutex mu_;

private:
  State *ptr_ = nullptr;
  State &ref_;
  std::unique_ptr<State> owned_;
  State own_;
};

task<void> reference_parameter(Holder &h, State &s) {
  int v;
  {
    std::lock_guard<std::mutex> lk(h.mu_);
    v = s.value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(h.mu_);
  s.value = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 's.value' is written under 'h.mu_' based on 's.value'{{.*}} [corolock-read-release-write]
}

task<void> pointer_parameter(Holder *h, State *s) {
  int v;
  {
    std::lock_guard<std::mutex> lk(h->mu_);
    v = s->value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(h->mu_);
  s->value = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 's->value' is written under 'h->mu_' based on 's->value'{{.*}} [corolock-read-release-write]
}

task<void> shared_pointer_parameter(std::shared_ptr<Holder> self,
                                    std::shared_ptr<State> s) {
  int v;
  {
    std::lock_guard<std::mutex> lk(self->mu_);
    v = s->value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(self->mu_);
  s->value = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 's->value' is written under 'self->mu_' based on 's->value'{{.*}} [corolock-read-release-write]
}

// A cursor (a class whose operator-> is const) names one object while the
// coroutine only reads it; incremented or reassigned, it names none.
struct Cursor {
  State *operator->() const;
  Cursor &operator++();
  Cursor &operator=(const Cursor &);
};
Cursor cursor_at(int key);

task<void> cursor_only_read(int key) {
  Cursor c = cursor_at(key);
  int v;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    v = c->value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(g_mu);
  c->value = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'c->value' is written under 'g_mu' based on 'c->value'{{.*}} [corolock-read-release-write]
}

task<void> cursor_incremented(int key) {
  Cursor c = cursor_at(key);
  int v;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    v = c->value;
  }
  ++c;
  co_await send(v);
  std::lock_guard<std::mutex> lk(g_mu);
  c->value = v + 1;
}

task<void> cursor_reassigned(int key) {
  Cursor c = cursor_at(key);
  int v;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    v = c->value;
  }
  co_await send(v);
  c = cursor_at(key + 1);
  std::lock_guard<std::mutex> lk(g_mu);
  c->value = v + 1;
}

task<void> pointer_incremented(State *states) {
  State *p = states;
  int v;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    v = p->value;
  }
  p++;
  co_await send(v);
  std::lock_guard<std::mutex> lk(g_mu);
  p->value = v + 1;
}
