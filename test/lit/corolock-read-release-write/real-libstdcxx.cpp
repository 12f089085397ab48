// Built against the real standard library (libstdc++'s <mutex>,
// <shared_mutex>, <string>, <vector>, <map>, <memory> and <coroutine>, no
// mocks), so that its templates, overload sets and internal helpers cannot
// hide a crash or a misclassified access behind the mocks.
// RUN: %check_corolock corolock-read-release-write %s

#include <coroutine>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

template <typename T> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept { return T{}; }
};

struct Session {
  std::string refresh_token;
  std::string access_token;
};
task<Session> post_token(std::string token);
task<std::string> load(const std::string &key);

class Service : public std::enable_shared_from_this<Service> {
public:
  task<std::string> refresh() {
    std::string token;
    {
      std::lock_guard lk(mu_);
      token = session_.refresh_token;
    }
    Session fresh = co_await post_token(token);
    {
      std::lock_guard lk(mu_);
      session_ = fresh;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'session_' is written under 'mu_' based on 'session_.refresh_token'{{.*}} [corolock-read-release-write]
    }
    co_return fresh.access_token;
  }

  task<std::string> refresh_checked() {
    std::string token;
    {
      std::lock_guard lk(mu_);
      token = session_.refresh_token;
    }
    Session fresh = co_await post_token(token);
    std::scoped_lock lk(mu_);
    if (session_.refresh_token != token)
      co_return session_.access_token;
    session_ = std::move(fresh);
    co_return session_.access_token;
  }

  task<std::string> lookup(std::string key) {
    {
      std::shared_lock lk(cache_mu_);
      if (auto it = cache_.find(key); it != cache_.end())
        co_return it->second;
    }
    std::string value = co_await load(key);
    std::unique_lock lk(cache_mu_);
    cache_.emplace(key, value);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cache_' is written under 'cache_mu_' based on 'cache_'{{.*}} [corolock-read-release-write]
    co_return value;
  }

  // Fixed: try_emplace says whether the key was still missing, and the
  // cached value wins.
  task<std::string> lookup_checked(std::string key) {
    {
      std::shared_lock lk(cache_mu_);
      if (auto it = cache_.find(key); it != cache_.end())
        co_return it->second;
    }
    std::string value = co_await load(key);
    std::unique_lock lk(cache_mu_);
    auto [it, inserted] = cache_.try_emplace(key, value);
    co_return it->second;
  }

  task<int> record() {
    auto self = shared_from_this();
    std::size_t n;
    {
      std::lock_guard lk(self->mu_);
      n = self->history_.size();
    }
    co_await load(std::to_string(n));
    std::lock_guard lk(self->mu_);
    if (n < 100)
      self->history_.push_back(std::to_string(n));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'self->history_' is written under 'self->mu_' based on 'self->history_'{{.*}} [corolock-read-release-write]
    co_return 0;
  }

  task<int> scan() {
    std::vector<std::string> names;
    {
      std::lock_guard lk(mu_);
      for (const auto &[name, value] : cache_)
        names.push_back(name);
    }
    for (const std::string &name : names)
      co_await load(name);
    co_return static_cast<int>(names.size());
  }

private:
  std::mutex mu_;
  std::shared_mutex cache_mu_;
  Session session_;
  std::map<std::string, std::string> cache_;
  std::vector<std::string> history_;
};
