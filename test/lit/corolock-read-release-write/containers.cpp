// Container operations: a non-const member call writes the container
// (insert, emplace, erase, push_back, clear, map's operator[] that inserts),
// a const one reads it (find, count, size, at). A non-const call with a const
// overload (find, begin, vector's operator[]) only hands out a view: it
// writes only when its result is written.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

task<std::string> load(std::string key);

class Cache {
public:
  task<std::string> emplace_after_miss(std::string key) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = entries_.find(key);
      if (it != entries_.end())
        co_return it->second;
    }
    std::string value = co_await load(key);
    std::lock_guard<std::mutex> lk(mu_);
    entries_.emplace(key, value);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'entries_' is written under 'mu_' based on 'entries_'{{.*}} [corolock-read-release-write]
    co_return value;
  }

  task<std::string> subscript_after_count(std::string key) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (entries_.count(key))
        co_return entries_.at(key);
    }
    std::string value = co_await load(key);
    std::lock_guard<std::mutex> lk(mu_);
    entries_[key] = value;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'entries_[key]' is written under 'mu_' based on 'entries_'{{.*}} [corolock-read-release-write]
    co_return value;
  }

  task<void> erase_after_size() {
    std::size_t n;
    {
      std::lock_guard<std::mutex> lk(mu_);
      n = entries_.size();
    }
    co_await send(0);
    if (n > 100) {
      std::lock_guard<std::mutex> lk(mu_);
      entries_.clear();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'entries_' is written under 'mu_' based on 'entries_'{{.*}} [corolock-read-release-write]
    }
  }

  task<void> push_back_after_empty() {
    bool empty;
    {
      std::lock_guard<std::mutex> lk(mu_);
      empty = queue_.empty();
    }
    std::string first = co_await load("first");
    std::lock_guard<std::mutex> lk(mu_);
    if (empty)
      queue_.push_back(first);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'queue_' is written under 'mu_' based on 'queue_'{{.*}} [corolock-read-release-write]
  }

  // Fixed: the second section looks the key up again (find's non-const
  // overload reads), and inserts only if it is still missing.
  task<std::string> emplace_checked(std::string key) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = entries_.find(key);
      if (it != entries_.end())
        co_return it->second;
    }
    std::string value = co_await load(key);
    std::lock_guard<std::mutex> lk(mu_);
    if (entries_.find(key) == entries_.end())
      entries_.emplace(key, value);
    co_return value;
  }

  // Fixed: the insertion says whether the key was still missing, and the
  // coroutine uses the answer.
  task<std::string> insert_and_use_the_answer(std::string key) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (entries_.count(key))
        co_return entries_.at(key);
    }
    std::string value = co_await load(key);
    std::lock_guard<std::mutex> lk(mu_);
    auto [it, inserted] = entries_.emplace(key, value);
    if (!inserted)
      co_return it->second;
    if (!entries_.insert({key, value}).second)
      co_return value;
    co_return value;
  }

  // The answer is dropped: an unconditional write again.
  task<std::string> insert_and_drop_the_answer(std::string key) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (entries_.count(key))
        co_return entries_.at(key);
    }
    std::string value = co_await load(key);
    std::lock_guard<std::mutex> lk(mu_);
    (void)entries_.insert({key, value});
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'entries_' is written under 'mu_' based on 'entries_'{{.*}} [corolock-read-release-write]
    co_return value;
  }

  // Views only: begin() and vector's operator[] are non-const here, and
  // nothing is written through them.
  task<std::string> views_only() {
    std::string first;
    {
      std::lock_guard<std::mutex> lk(mu_);
      first = queue_[0];
    }
    std::string value = co_await load(first);
    std::lock_guard<std::mutex> lk(mu_);
    auto it = queue_.begin();
    std::string again = queue_[0];
    co_return again;
  }

private:
  std::mutex mu_;
  std::map<std::string, std::string> entries_;
  std::vector<std::string> queue_;
};
