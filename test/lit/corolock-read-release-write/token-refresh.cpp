// The token-refresh race: the refresh token is read under the mutex, the
// mutex is released for the POST, and the new session is stored under the
// mutex without checking that the token is still the one that was spent.
// Two concurrent refreshes both spend the same single-use token. The fixed
// versions re-check the token under the lock (compare-and-swap style), or
// hold an async refresh mutex across the whole operation.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

struct Session {
  std::string refresh_token;
  std::string access_token;
};
struct TokenResponse {
  Session session;
  std::string access_token;
};
struct HttpClient {
  task<TokenResponse> post(const char *path, std::string body);
};

class Auth {
public:
  task<std::string> refresh() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = session_.refresh_token;
    }
    auto resp = co_await http_.post("/token", token);
    {
      std::lock_guard<std::mutex> lk(mu_);
      session_ = resp.session;
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'session_' is written under 'mu_' based on 'session_.refresh_token' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: another coroutine may have changed 'session_' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
      // CHECK-NOTES: :[[@LINE-8]]:24: note: 'session_.refresh_token' read here under 'mu_'; the written value is computed from it
      // CHECK-NOTES: :[[@LINE-7]]:17: note: 'co_await' suspends without 'mu_'; another coroutine may lock it and change 'session_' here
    }
    co_return resp.access_token;
  }

  // Fixed: the session is replaced only if the token spent is still the
  // current one; otherwise another refresh won and its session stays.
  task<std::string> refresh_compare_and_swap() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = session_.refresh_token;
    }
    auto resp = co_await http_.post("/token", token);
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (session_.refresh_token == token)
        session_ = resp.session;
    }
    co_return resp.access_token;
  }

  // Fixed: one refresh at a time; the async mutex may be held across the
  // POST, and the state mutex is still released around it.
  task<std::string> refresh_serialized() {
    auto serial = co_await refresh_mu_.co_scoped_lock();
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = session_.refresh_token;
    }
    auto resp = co_await http_.post("/token", token);
    {
      std::lock_guard<std::mutex> lk(mu_);
      session_ = resp.session;
    }
    co_return resp.access_token;
  }

private:
  std::mutex mu_;
  folly::coro::Mutex refresh_mu_;
  Session session_;
  HttpClient http_;
};
