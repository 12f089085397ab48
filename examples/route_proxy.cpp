// A reverse proxy looks up the upstream for a request in a shared route table
// and forwards the request there. Proxy::handle keeps the route table's
// std::mutex locked while the upstream request is in flight; corolock reports
// it. The other handlers are the usual fixes and are not reported.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <map>
#include <mutex>
#include <string>

#include "folly/coro/Mutex.h"
#include "task.h"

struct Request {
  std::string path;
  std::string body;
};

struct Response {
  int status = 0;
  std::string body;
};

class HttpClient {
public:
  task<Response> perform(const std::string &upstream, const Request &req);
};

class Proxy {
public:
  // Reported, once for the guard (the retry gets a note): the coroutine may
  // resume on another thread, where ~lock_guard unlocks a std::mutex it does
  // not own (undefined behaviour); until then other requests block their
  // thread in the lock_guard constructor for a whole upstream round trip.
  task<Response> handle(Request req) {
    std::lock_guard<std::mutex> lk(routes_mu_);
    const std::string &upstream = routes_.at(req.path);
    Response resp = co_await client_.perform(upstream, req);
    if (resp.status == 503)
      resp = co_await client_.perform(upstream, req);
    co_return resp;
  }

  // Fix 1: copy what is needed inside an inner scope; the guard is destroyed
  // before the coroutine suspends.
  task<Response> handle_scoped(Request req) {
    std::string upstream;
    {
      std::lock_guard<std::mutex> lk(routes_mu_);
      upstream = routes_.at(req.path);
    }
    Response resp = co_await client_.perform(upstream, req);
    co_return resp;
  }

  // Fix 2: unlock explicitly before suspending. The unique_lock is still
  // alive but owns nothing at the co_await (reported only with StrictMode).
  task<Response> handle_unlocked(Request req) {
    std::unique_lock<std::mutex> lk(routes_mu_);
    std::string upstream = routes_.at(req.path);
    lk.unlock();
    Response resp = co_await client_.perform(upstream, req);
    co_return resp;
  }

private:
  std::mutex routes_mu_;
  std::map<std::string, std::string> routes_;
  HttpClient client_;
};

// Fix 3: an async mutex. Waiting for it suspends the coroutine instead of
// blocking the thread, and releasing it on another thread is allowed, so the
// lock may stay held across the co_await.
class AsyncProxy {
public:
  task<Response> handle(Request req) {
    std::unique_lock<folly::coro::Mutex> lk = co_await routes_mu_.co_scoped_lock();
    const std::string &upstream = routes_.at(req.path);
    Response resp = co_await client_.perform(upstream, req);
    co_return resp;
  }

private:
  folly::coro::Mutex routes_mu_;
  std::map<std::string, std::string> routes_;
  HttpClient client_;
};
