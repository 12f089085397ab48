// The awaited call carries the value read under the lock: its arguments
// decide its result, which is then written (or decides the write). A result
// that does not come from the value read is not stale.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

struct Reply {
  std::string etag;
  bool changed;
};
struct Client {
  task<Reply> get(std::string etag);
  task<Reply> get_all();
};

class Mirror {
public:
  task<void> result_written() {
    std::string etag;
    {
      std::lock_guard<std::mutex> lk(mu_);
      etag = etag_;
    }
    Reply r = co_await client_.get(etag);
    std::lock_guard<std::mutex> lk(mu_);
    etag_ = r.etag;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'etag_' is written under 'mu_' based on 'etag_'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: another coroutine may have changed 'etag_' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-7]]:14: note: 'etag_' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-6]]:15: note: 'co_await' suspends without 'mu_'{{.*}}
  }

  task<void> result_decides() {
    std::string etag;
    {
      std::lock_guard<std::mutex> lk(mu_);
      etag = etag_;
    }
    Reply r = co_await client_.get(etag);
    if (!r.changed)
      co_return;
    std::lock_guard<std::mutex> lk(mu_);
    etag_ = "";
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'etag_' is written under 'mu_' based on 'etag_'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: another coroutine may have changed 'etag_' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-9]]:14: note: 'etag_' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-8]]:15: note: 'co_await' suspends without 'mu_'{{.*}}
  }

  task<void> awaited_in_the_write() {
    std::string etag;
    {
      std::lock_guard<std::mutex> lk(mu_);
      etag = etag_;
    }
    std::string fresh = (co_await client_.get(etag)).etag;
    std::lock_guard<std::mutex> lk(mu_);
    etag_ = fresh;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'etag_' is written under 'mu_' based on 'etag_'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: another coroutine may have changed 'etag_' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-7]]:14: note: 'etag_' read here under 'mu_'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-6]]:26: note: 'co_await' suspends without 'mu_'{{.*}}
  }

  // The reply does not depend on what was read: nothing stale is written.
  task<void> independent_result() {
    std::string etag;
    {
      std::lock_guard<std::mutex> lk(mu_);
      etag = etag_;
    }
    log_ = etag;
    Reply r = co_await client_.get_all();
    std::lock_guard<std::mutex> lk(mu_);
    etag_ = r.etag;
  }

private:
  std::mutex mu_;
  std::string etag_;
  std::string log_;
  Client client_;
};
