// An OAuth client keeps its session (a single-use refresh token and the
// access token it buys) under a std::mutex and renews it over the network.
// AuthClient::refresh reads the refresh token under the lock, releases the
// lock for the round trip, and stores the new session under the lock again
// without checking that the token it spent is still the current one. Two
// concurrent refreshes spend the same token: the second exchange is refused
// (refresh tokens are single-use), or its session overwrites a newer one,
// and the user is signed out at random. corolock reports the write. The two
// fixed versions are not reported.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <mutex>
#include <string>

#include "folly/coro/Mutex.h"
#include "task.h"

struct Session {
  std::string refresh_token;
  std::string access_token;
};

class TokenEndpoint {
public:
  // POST /token with grant_type=refresh_token.
  task<Session> exchange(std::string refresh_token);
};

class AuthClient {
public:
  // Reported: the session is replaced on the strength of a token read before
  // the co_await; another refresh may have spent it and stored a newer
  // session meanwhile.
  task<std::string> refresh() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = session_.refresh_token;
    }
    Session fresh = co_await endpoint_.exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    session_ = fresh;
    co_return fresh.access_token;
  }

private:
  std::mutex mu_;
  Session session_;
  TokenEndpoint endpoint_;
};

// Fix 1: re-check under the lock. The session is replaced only if the token
// spent is still the current one (compare-and-swap); otherwise another
// refresh won, and its session is kept.
class AuthClientChecked {
public:
  task<std::string> refresh() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = session_.refresh_token;
    }
    Session fresh = co_await endpoint_.exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    if (session_.refresh_token != token)
      co_return session_.access_token;
    session_ = fresh;
    co_return fresh.access_token;
  }

private:
  std::mutex mu_;
  Session session_;
  TokenEndpoint endpoint_;
};

// Fix 2: serialize the whole refresh with an async mutex held across the
// round trip. One refresh runs at a time, each spending the token the one
// before it stored; the std::mutex still guards the session for readers
// that do not refresh.
class AuthClientSerialized {
public:
  task<std::string> refresh() {
    auto serial = co_await refresh_mu_.co_scoped_lock();
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = session_.refresh_token;
    }
    Session fresh = co_await endpoint_.exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    session_ = fresh;
    co_return fresh.access_token;
  }

private:
  folly::coro::Mutex refresh_mu_;
  std::mutex mu_;
  Session session_;
  TokenEndpoint endpoint_;
};
