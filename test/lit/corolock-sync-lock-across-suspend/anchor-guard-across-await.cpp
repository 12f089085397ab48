// The anchor case: a std::lock_guard alive across co_await is
// reported, with a note at the acquisition.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Request {};
struct Client {
  task<void> perform(int route, Request req);
};

struct Proxy {
  std::mutex routes_mu_;
  int routes_ = 0;
  Client client_;

  task<void> handle(int key, Request req) {
    std::lock_guard<std::mutex> lk(routes_mu_);
    auto route = routes_;
    co_await client_.perform(route, req);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'routes_mu_' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-5]]:33: note: sync mutex 'routes_mu_' locked here
  }
};
