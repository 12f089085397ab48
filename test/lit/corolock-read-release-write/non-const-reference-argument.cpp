// Passing the location to a function by non-const reference writes it (the
// function may change it); by const reference or by value reads it.
// std::swap writes both arguments.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

void merge_into(std::string &target, const std::string &from);
bool same(const std::string &a, const std::string &b);
task<std::string> renew(std::string token);

class Keys {
public:
  task<void> by_reference() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = key_;
    }
    std::string next = co_await renew(token);
    std::lock_guard<std::mutex> lk(mu_);
    merge_into(key_, next);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'key_' is written under 'mu_' based on 'key_'{{.*}} [corolock-read-release-write]
  }

  task<void> swapped() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = key_;
    }
    std::string next = co_await renew(token);
    std::lock_guard<std::mutex> lk(mu_);
    std::swap(key_, next);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'key_' is written under 'mu_' based on 'key_'{{.*}} [corolock-read-release-write]
  }

  // Fixed: compared by const reference under the lock before the write.
  task<void> compared_first() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = key_;
    }
    std::string next = co_await renew(token);
    std::lock_guard<std::mutex> lk(mu_);
    if (!same(key_, token))
      co_return;
    merge_into(key_, next);
  }

private:
  std::mutex mu_;
  std::string key_;
};
