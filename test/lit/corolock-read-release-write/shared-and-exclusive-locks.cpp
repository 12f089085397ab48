// Reader/writer locks of one mutex are the same mutex: std::shared_lock for
// the read and std::unique_lock (or lock_guard) for the write, and
// folly::coro::SharedMutex's shared and exclusive scoped locks.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

task<std::string> load(std::string key);

class Config {
public:
  task<void> reload_std() {
    std::string version;
    {
      std::shared_lock<std::shared_mutex> lk(rw_);
      version = version_;
    }
    std::string next = co_await load(version);
    std::unique_lock<std::shared_mutex> lk(rw_);
    version_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'version_' is written under 'rw_' based on 'version_' read before a 'co_await' that ran without 'rw_' [corolock-read-release-write]
  }

  task<void> reload_folly() {
    std::string version;
    {
      auto lk = co_await frw_.co_scoped_lock_shared();
      version = fversion_;
    }
    std::string next = co_await load(version);
    auto lk = co_await frw_.co_scoped_lock();
    fversion_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fversion_' is written under 'frw_' based on 'fversion_' read before a 'co_await' that ran without 'frw_' [corolock-read-release-write]
  }

  task<void> reload_folly_manual() {
    co_await frw_.co_lock_shared();
    std::string version = fversion_;
    frw_.unlock_shared();
    std::string next = co_await load(version);
    co_await frw_.co_lock();
    fversion_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fversion_' is written under 'frw_'{{.*}} [corolock-read-release-write]
    frw_.unlock();
  }

  // Fixed: the exclusive section checks the version it read.
  task<void> reload_checked() {
    std::string version;
    {
      std::shared_lock<std::shared_mutex> lk(rw_);
      version = version_;
    }
    std::string next = co_await load(version);
    std::unique_lock<std::shared_mutex> lk(rw_);
    if (version_ != version)
      co_return;
    version_ = next;
  }

  // A shared lock held across the load is one critical section.
  task<void> held_shared() {
    auto lk = co_await frw_.co_scoped_lock_shared();
    std::string next = co_await load(fversion_);
    observed_ = next;
  }

private:
  std::shared_mutex rw_;
  folly::coro::SharedMutex frw_;
  std::string version_;
  std::string fversion_;
  std::string observed_;
};
