// An RPC gateway and load balancer in the shape of an async_simple service over
// Asio sockets: a route table fetched from a control plane, a connection pool
// and a circuit breaker per backend, health checks, retries with jittered
// backoff, fan-out with collectAll, header rewrites, metrics behind a
// std::mutex, and client connections whose responses are written one at a
// time. The comments marked "Finding:" are the mistakes.
#include "bench_asio.h"
#include "bench_async_simple.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <shared_mutex>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace gateway {

using async_simple::coro::Lazy;
using Clock = std::chrono::steady_clock;
using Headers = std::map<std::string, std::string>;
using namespace std::chrono_literals;

struct Request {
  std::string method, path;
  Headers headers;
  std::string body;
  Clock::time_point deadline = Clock::now() + 5s;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body, backend;
};

Response errorResponse(int status, std::string why) {
  return {status, {{"Content-Type", "text/plain"}}, std::move(why) + "\n", {}};
}

/// "/users/42/profile" is served by the "users" service.
std::string serviceOf(std::string_view path) {
  path.remove_prefix(std::min<std::size_t>(path.size(), 1));
  return std::string(path.substr(0, path.find('/')));
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s)
    h = (h ^ c) * 1099511628211ull;
  return h;
}

std::chrono::milliseconds jittered(std::chrono::milliseconds base) {
  thread_local std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<long> extra(0, base.count() / 2);
  return base + std::chrono::milliseconds(extra(rng));
}

template <typename M>
std::string encode(const M &m, std::string_view firstLine) {
  std::ostringstream os;
  os << firstLine << "\r\n";
  for (const auto &[k, v] : m.headers)
    os << k << ": " << v << "\r\n";
  os << "Content-Length: " << m.body.size() << "\r\n\r\n" << m.body;
  return os.str();
}

std::string encodeRequest(const Request &r) {
  return encode(r, r.method + " " + r.path + " HTTP/1.1");
}

std::string encodeResponse(const Response &r) {
  return encode(r, "HTTP/1.1 " + std::to_string(r.status) + " -");
}

struct Message {
  std::string firstLine;
  Headers headers;
  std::string body;
};

/// Takes one complete message off the front of `inbox`, or nothing yet.
std::optional<Message> takeMessage(std::string &inbox) {
  auto end = inbox.find("\r\n\r\n");
  if (end == std::string::npos)
    return std::nullopt;
  std::string head = inbox.substr(0, end);
  std::erase(head, '\r');
  Message m;
  std::istringstream in(head);
  std::getline(in, m.firstLine);
  for (std::string line; std::getline(in, line);)
    if (auto colon = line.find(": "); colon != std::string::npos)
      m.headers[line.substr(0, colon)] = line.substr(colon + 2);
  auto it = m.headers.find("Content-Length");
  std::size_t length = it == m.headers.end() ? 0 : std::stoul(it->second);
  if (inbox.size() < end + 4 + length)
    return std::nullopt;
  m.body = inbox.substr(end + 4, length);
  inbox.erase(0, end + 4 + length);
  return m;
}

Response toResponse(Message m, std::string backend) {
  return {std::atoi(m.firstLine.c_str() + 9), std::move(m.headers),
          std::move(m.body), std::move(backend)};
}

/// Reads from `socket` until `inbox` holds a whole message; nothing at EOF.
Lazy<std::optional<Message>> readMessage(asio::ip::tcp::socket &socket,
                                         std::string &inbox) {
  std::vector<char> buf(4096);
  for (;;) {
    if (auto m = takeMessage(inbox))
      co_return m;
    std::size_t n =
        co_await socket.async_read_some(asio::buffer(buf), asio::use_awaitable);
    if (n == 0)
      co_return std::nullopt;
    inbox.append(buf.data(), n);
  }
}

struct Endpoint {
  std::string name, host;
  std::uint16_t port = 0;
  asio::ip::tcp::endpoint resolve() const {
    return {asio::ip::address::from_string(host), port};
  }
};

/// One keep-alive connection to a backend, used by one request at a time.
class BackendConnection {
public:
  explicit BackendConnection(asio::io_context &io) : socket_(io) {}

  Lazy<bool> connect(const Endpoint &ep) {
    try {
      co_await socket_.async_connect(ep.resolve(), asio::use_awaitable);
      co_return true;
    } catch (const std::system_error &) {
      co_return false;
    }
  }

  Lazy<void> send(const Request &req) {
    co_await asio::async_write(socket_, asio::buffer(encodeRequest(req)),
                               asio::use_awaitable);
  }

  Lazy<std::optional<Response>> call(const Request &req) {
    try {
      co_await send(req);
      auto msg = co_await readMessage(socket_, inbox_);
      if (!msg)
        socket_.close();
      co_return msg ? std::optional(toResponse(std::move(*msg), {}))
                    : std::nullopt;
    } catch (const std::system_error &) {
      socket_.close();
      co_return std::nullopt;
    }
  }

  Lazy<bool> ping() {
    auto resp = co_await call({"GET", "/healthz", {}, {}, Clock::now() + 1s});
    co_return resp && resp->status == 200;
  }

  bool open() const { return socket_.is_open(); }

private:
  asio::ip::tcp::socket socket_;
  std::string inbox_;
};

/// Idle connections and a count of open ones, behind a std::mutex that is
/// never held across a suspension.
class ConnectionPool {
public:
  ConnectionPool(asio::io_context &io, Endpoint ep, std::size_t max)
      : io_(io), ep_(std::move(ep)), max_(max) {}

  Lazy<std::unique_ptr<BackendConnection>> acquire() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        ++busy_;
        co_return conn;
      }
      if (open_ >= max_)
        co_return nullptr;
      ++open_; // Reserved now, given back if the connect fails.
      ++busy_;
    }
    auto conn = std::make_unique<BackendConnection>(io_);
    if (co_await conn->connect(ep_))
      co_return conn;
    std::lock_guard<std::mutex> lk(mu_);
    --open_;
    --busy_;
    co_return nullptr;
  }

  void release(std::unique_ptr<BackendConnection> conn, bool reusable) {
    std::lock_guard<std::mutex> lk(mu_);
    --busy_;
    if (reusable && conn->open() && idle_.size() < max_ / 2)
      idle_.push_back(std::move(conn));
    else
      --open_;
  }

  // Pings the idle connections without the lock and keeps those that answer.
  Lazy<std::size_t> pruneIdle() {
    std::deque<std::unique_ptr<BackendConnection>> checking;
    {
      std::lock_guard<std::mutex> lk(mu_);
      checking.swap(idle_);
    }
    std::size_t kept = 0;
    for (auto &conn : checking) {
      bool alive = co_await conn->ping();
      std::lock_guard<std::mutex> lk(mu_);
      if (alive && idle_.size() < max_ / 2) {
        idle_.push_back(std::move(conn));
        ++kept;
      } else {
        --open_;
      }
    }
    co_return kept;
  }

  std::size_t busy() const {
    std::lock_guard<std::mutex> lk(mu_);
    return busy_;
  }

private:
  asio::io_context &io_;
  Endpoint ep_;
  std::size_t max_;
  mutable std::mutex mu_;
  std::deque<std::unique_ptr<BackendConnection>> idle_;
  std::size_t open_ = 0, busy_ = 0;
};

/// Opens after `threshold` failures in a row; after the cooldown, lets one
/// probe request through and closes again if it succeeds.
class CircuitBreaker {
public:
  bool allow(Clock::time_point now) {
    std::lock_guard<std::mutex> lk(mu_);
    if (failures_ < kThreshold)
      return true;
    if (now - openedAt_ < kCooldown || probing_)
      return false;
    return probing_ = true;
  }

  void record(bool ok, Clock::time_point now) {
    std::lock_guard<std::mutex> lk(mu_);
    probing_ = false;
    failures_ = ok ? 0 : failures_ + 1;
    if (failures_ >= kThreshold)
      openedAt_ = now;
  }

private:
  static constexpr int kThreshold = 5;
  static constexpr Clock::duration kCooldown = 10s;
  mutable std::mutex mu_;
  int failures_ = 0;
  bool probing_ = false;
  Clock::time_point openedAt_;
};

struct Backend {
  Backend(asio::io_context &io, Endpoint e)
      : ep(e), pool(io, std::move(e), 16) {}
  Endpoint ep;
  ConnectionPool pool;
  CircuitBreaker breaker;
  std::mutex healthMu;
  int consecutiveFailures = 0;
  bool healthy = true, draining = false;
};

/// Requests count their failures here too, between health checks.
void recordOutcome(Backend &b, bool ok) {
  std::lock_guard<std::mutex> lk(b.healthMu);
  b.consecutiveFailures = ok ? 0 : b.consecutiveFailures + 1;
  b.healthy = b.consecutiveFailures < 3;
}

bool usable(Backend &b) {
  std::lock_guard<std::mutex> lk(b.healthMu);
  return b.healthy && !b.draining;
}

struct RoutePolicy {
  std::vector<std::size_t> backends;
  int retries = 2;
  std::chrono::milliseconds backoff{50};
  bool sticky = false; // Hash the X-Session header to pick a backend.
};

/// One route per line: service, retries, "sticky" or "-", backend indexes.
std::unordered_map<std::string, RoutePolicy>
parseRoutes(const std::string &text) {
  std::unordered_map<std::string, RoutePolicy> routes;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string service, mode;
    RoutePolicy p;
    if (!(words >> service >> p.retries >> mode))
      continue;
    p.sticky = mode == "sticky";
    for (std::size_t i; words >> i;)
      p.backends.push_back(i);
    routes[service] = std::move(p);
  }
  return routes;
}

/// The control plane: route tables and metrics reports go over one
/// connection, serialized by an async mutex held across each exchange (it
/// guards nothing but the connection).
class ControlPlane {
public:
  ControlPlane(asio::io_context &io, Endpoint ep)
      : socket_(io), ep_(std::move(ep)) {}

  Lazy<std::optional<std::string>> fetch(std::string path) {
    auto lk = co_await mu_.coScopedLock();
    auto resp = co_await exchange({"GET", std::move(path), {}, {}});
    if (!resp || resp->status != 200)
      co_return std::nullopt;
    co_return std::move(resp->body);
  }

  Lazy<std::optional<std::string>> routesSince(std::uint64_t version) {
    co_return co_await fetch("/routes?since=" + std::to_string(version));
  }

  Lazy<bool> report(std::string metrics) {
    auto lk = co_await mu_.coScopedLock();
    auto resp = co_await exchange({"POST", "/metrics", {}, std::move(metrics)});
    co_return resp && resp->status / 100 == 2;
  }

private:
  Lazy<std::optional<Response>> exchange(Request req) {
    try {
      if (!connected_) {
        co_await socket_.async_connect(ep_.resolve(), asio::use_awaitable);
        connected_ = true;
      }
      co_await asio::async_write(socket_, asio::buffer(encodeRequest(req)),
                                 asio::use_awaitable);
      if (auto msg = co_await readMessage(socket_, inbox_))
        co_return toResponse(std::move(*msg), ep_.name);
    } catch (const std::system_error &) {
    }
    connected_ = false;
    inbox_.clear();
    co_return std::nullopt;
  }

  asio::ip::tcp::socket socket_;
  Endpoint ep_;
  async_simple::coro::Mutex mu_;
  bool connected_ = false;
  std::string inbox_;
};

class RouteTable {
public:
  Lazy<std::optional<RoutePolicy>> find(const std::string &service) {
    co_await mu_.coLockShared();
    std::optional<RoutePolicy> found;
    if (auto it = routes_.find(service); it != routes_.end())
      found = it->second;
    co_await mu_.unlockShared();
    co_return found;
  }

  Lazy<std::string> describe() {
    co_await mu_.coLockShared();
    std::ostringstream os;
    os << "version " << version_ << '\n';
    for (const auto &[service, p] : routes_)
      os << service << ' ' << p.backends.size() << " backends\n";
    co_await mu_.unlockShared();
    co_return os.str();
  }

  // Finding: the write lock is taken before the new table is fetched, so
  // every request's route lookup waits for the control plane's round trip.
  Lazy<bool> reload(ControlPlane &control) {
    co_await mu_.coLock();
    auto text = co_await control.routesSince(version_);
    bool changed = text && !text->empty();
    if (changed) {
      routes_ = parseRoutes(*text);
      ++version_;
    }
    co_await mu_.unlock();
    co_return changed;
  }

private:
  async_simple::coro::SharedMutex mu_;
  std::unordered_map<std::string, RoutePolicy> routes_;
  std::uint64_t version_ = 0;
};

class Metrics {
public:
  void record(const std::string &service, int status, Clock::duration took) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(took);
    std::lock_guard<std::mutex> lk(mu_);
    Route &r = routes_[service];
    ++r.requests;
    r.errors += status >= 500;
    r.slowest = std::max(r.slowest, us);
  }

  std::string render() const {
    std::lock_guard<std::mutex> lk(mu_);
    std::ostringstream os;
    for (const auto &[service, r] : routes_)
      os << service << " requests=" << r.requests << " errors=" << r.errors
         << " max_us=" << r.slowest.count() << '\n';
    return os.str();
  }

private:
  struct Route {
    std::uint64_t requests = 0, errors = 0;
    std::chrono::microseconds slowest{0};
  };
  mutable std::mutex mu_;
  std::map<std::string, Route> routes_;
};

struct RewriteRule {
  std::string header, value; // Set on the request, echoed on the response.
};

/// A client's connection: requests are read in order; responses, and the
/// goodbye sent at shutdown, are written one at a time under an async mutex
/// that only ever guards writes.
class ClientSession {
public:
  explicit ClientSession(asio::ip::tcp::socket s) : socket_(std::move(s)) {}

  Lazy<std::optional<Request>> readRequest() {
    auto msg = co_await readMessage(socket_, inbox_);
    if (!msg)
      co_return std::nullopt;
    Request req;
    std::istringstream(msg->firstLine) >> req.method >> req.path;
    req.headers = std::move(msg->headers);
    req.body = std::move(msg->body);
    co_return req;
  }

  Lazy<void> write(const Response &resp) {
    auto lk = co_await writeMu_.coScopedLock();
    co_await asio::async_write(socket_, asio::buffer(encodeResponse(resp)),
                               asio::use_awaitable);
  }

  Lazy<void> goodbye() {
    co_await write({503, {{"Connection", "close"}}, {}, {}});
    socket_.close();
  }

private:
  asio::ip::tcp::socket socket_;
  async_simple::coro::Mutex writeMu_;
  std::string inbox_;
};

class Gateway {
public:
  Gateway(asio::io_context &io, std::vector<Endpoint> backends,
          Endpoint control)
      : control_(io, std::move(control)) {
    for (auto &ep : backends)
      backends_.push_back(std::make_unique<Backend>(io, std::move(ep)));
  }

  void setRewrites(std::string service, std::vector<RewriteRule> rules) {
    std::unique_lock<std::shared_mutex> lk(rewriteMu_);
    rewrites_[std::move(service)] = std::move(rules);
  }

  Lazy<Response> serve(Request req) {
    auto started = Clock::now();
    std::string service = serviceOf(req.path);
    Response resp;
    if (service == "admin")
      resp = co_await admin(std::move(req));
    else if (service == "batch")
      resp = co_await fanOut(std::move(req));
    else
      resp = co_await route(std::move(req), service);
    metrics_.record(service, resp.status, Clock::now() - started);
    co_return resp;
  }

  Lazy<void> serveClient(asio::ip::tcp::socket socket) {
    auto session = std::make_shared<ClientSession>(std::move(socket));
    {
      std::lock_guard<std::mutex> lk(sessionsMu_);
      sessions_.push_back(session);
    }
    while (auto req = co_await session->readRequest())
      co_await respond(*session, std::move(*req));
  }

  Lazy<void> respond(ClientSession &session, Request req) {
    bool close = req.headers["Connection"] == "close";
    Response resp = co_await serve(std::move(req));
    resp.headers["Connection"] = close ? "close" : "keep-alive";
    co_await session.write(resp);
  }

  Lazy<void> acceptLoop(asio::ip::tcp::acceptor &acceptor) {
    while (!stopping_) {
      auto socket = co_await acceptor.async_accept(asio::use_awaitable);
      pending_.push_back(serveClient(std::move(socket)));
      pending_.back().start();
    }
  }

  // Health checks, route reloads, metrics reports and pool pruning, each on
  // its own period until shutdown.
  Lazy<void> runBackground() {
    auto every = [this](std::chrono::milliseconds period,
                        std::function<Lazy<void>()> body) -> Lazy<void> {
      while (!stopping_) {
        co_await body();
        co_await async_simple::coro::sleep(period);
      }
    };
    std::vector<Lazy<void>> loops;
    loops.push_back(every(2s, [this] { return checkAll(); }));
    loops.push_back(
        every(30s, [this]() -> Lazy<void> { co_await reloadNow(); }));
    loops.push_back(every(10s, [this]() -> Lazy<void> {
      co_await control_.report(metrics_.render());
    }));
    loops.push_back(every(1min, [this]() -> Lazy<void> {
      for (auto &b : backends_)
        co_await b->pool.pruneIdle();
    }));
    co_await async_simple::coro::collectAll(std::move(loops));
  }

  // Connects to every backend before traffic arrives.
  Lazy<std::size_t> warmUp() {
    std::vector<Lazy<bool>> probes;
    for (auto &b : backends_)
      probes.push_back(probe(*b));
    auto results = co_await async_simple::coro::collectAll(std::move(probes));
    co_return std::count_if(results.begin(), results.end(),
                            [](auto &r) { return !r.hasError() && r.value(); });
  }

  Lazy<void> shutdown() {
    stopping_ = true;
    std::vector<std::shared_ptr<ClientSession>> sessions;
    {
      std::lock_guard<std::mutex> lk(sessionsMu_);
      for (auto &w : sessions_)
        if (auto s = w.lock())
          sessions.push_back(std::move(s));
      sessions_.clear();
    }
    for (auto &s : sessions)
      co_await s->goodbye();
  }

private:
  Lazy<void> checkAll() {
    std::vector<Lazy<bool>> checks;
    for (auto &b : backends_)
      checks.push_back(checkBackend(*b));
    co_await async_simple::coro::collectAll(std::move(checks));
  }

  Lazy<Response> route(Request req, std::string service) {
    auto policy = co_await routes_.find(service);
    if (!policy)
      co_return errorResponse(404, "no route for " + service);
    co_return co_await forward(std::move(req), std::move(service),
                               std::move(*policy));
  }

  // Finding: the shared lock on the rewrite rules is kept across the call to
  // the backend, so that `rules` can still be used on the response.
  Lazy<Response> forward(Request req, std::string service, RoutePolicy policy) {
    std::shared_lock<std::shared_mutex> lk(rewriteMu_);
    auto it = rewrites_.find(service);
    if (it == rewrites_.end()) {
      lk.unlock();
      co_return co_await callWithRetry(std::move(req), service, policy);
    }
    const std::vector<RewriteRule> &rules = it->second;
    for (const auto &r : rules)
      req.headers[r.header] = r.value;
    Response resp = co_await callWithRetry(std::move(req), service, policy);
    for (const auto &r : rules)
      resp.headers.try_emplace(r.header, r.value);
    co_return resp;
  }

  Lazy<Response> callWithRetry(Request req, const std::string &service,
                               const RoutePolicy &policy) {
    auto backoff = policy.backoff;
    for (int attempt = 0; attempt <= policy.retries; ++attempt) {
      if (Clock::now() >= req.deadline)
        co_return errorResponse(504, "deadline exceeded");
      if (attempt > 0) {
        co_await async_simple::coro::sleep(jittered(backoff));
        backoff = std::min(backoff * 2, std::chrono::milliseconds(1000));
      }
      Backend *b = pick(policy, req, attempt);
      if (!b)
        continue;
      auto resp = co_await tryBackend(*b, req);
      if (resp && resp->status < 500)
        co_return std::move(*resp);
    }
    co_return errorResponse(503, "no backend of " + service + " answered");
  }

  Lazy<std::optional<Response>> tryBackend(Backend &b, const Request &req) {
    if (!b.breaker.allow(Clock::now()))
      co_return std::nullopt;
    auto conn = co_await b.pool.acquire();
    if (!conn) {
      b.breaker.record(false, Clock::now());
      co_return std::nullopt;
    }
    auto resp = co_await conn->call(req);
    bool ok = resp && resp->status < 500;
    b.pool.release(std::move(conn), resp.has_value());
    b.breaker.record(ok, Clock::now());
    recordOutcome(b, ok);
    if (resp)
      resp->backend = b.ep.name;
    co_return resp;
  }

  Backend *pick(const RoutePolicy &policy, const Request &req, int attempt) {
    std::vector<Backend *> candidates;
    for (std::size_t i : policy.backends)
      if (i < backends_.size() && usable(*backends_[i]))
        candidates.push_back(backends_[i].get());
    if (candidates.empty())
      return nullptr;
    std::uint64_t key = next_++;
    if (auto it = req.headers.find("X-Session");
        policy.sticky && it != req.headers.end())
      key = fnv1a(it->second);
    return candidates[(key + attempt) % candidates.size()];
  }

  // "/batch/users,orders/..." asks every listed service and joins the bodies.
  Lazy<Response> fanOut(Request req) {
    auto rest = std::string_view(req.path).substr(7);
    auto services = std::string(rest.substr(0, rest.find('/')));
    std::vector<Lazy<Response>> calls;
    std::istringstream list(services);
    for (std::string s; std::getline(list, s, ',');) {
      Request part = req;
      part.path = "/" + s + std::string(rest.substr(services.size()));
      calls.push_back(route(std::move(part), s));
    }
    auto results = co_await async_simple::coro::collectAll(std::move(calls));
    Response joined{200, {{"Content-Type", "text/plain"}}, {}, {}};
    for (auto &r : results) {
      if (r.hasError() || r.value().status >= 500)
        joined.status = 207;
      else
        joined.body += r.value().body;
    }
    co_return joined;
  }

  Lazy<Response> admin(Request req) {
    if (req.path == "/admin/routes")
      co_return Response{200, {}, co_await routes_.describe(), {}};
    if (req.path == "/admin/reload")
      co_return co_await reloadNow();
    if (req.path == "/admin/backends")
      co_return co_await describeBackends();
    if (req.path.rfind("/admin/drain/", 0) == 0)
      co_return co_await drain(req.path.substr(13));
    co_return errorResponse(404, "unknown admin path");
  }

  Lazy<Response> reloadNow() {
    bool changed = co_await routes_.reload(control_);
    co_return Response{
        changed ? 200 : 304, {}, changed ? "reloaded\n" : "", {}};
  }

  Lazy<Response> describeBackends() {
    std::ostringstream os;
    for (auto &b : backends_) {
      std::lock_guard<std::mutex> lk(b->healthMu);
      os << b->ep.name << (b->healthy ? " healthy" : " unhealthy")
         << (b->draining ? " draining" : "")
         << " failures=" << b->consecutiveFailures << " busy=" << b->pool.busy()
         << '\n';
    }
    co_return Response{200, {}, os.str(), {}};
  }

  // Takes the backend out of rotation and waits for its requests to finish.
  Lazy<Response> drain(const std::string &name) {
    auto it = std::find_if(backends_.begin(), backends_.end(),
                           [&](const auto &b) { return b->ep.name == name; });
    if (it == backends_.end())
      co_return errorResponse(404, "no backend " + name);
    Backend &b = **it;
    {
      std::lock_guard<std::mutex> lk(b.healthMu);
      b.draining = true;
    }
    for (int i = 0; i < 300 && b.pool.busy() > 0; ++i)
      co_await async_simple::coro::sleep(100ms);
    co_return Response{b.pool.busy() ? 504 : 200, {}, name + " drained\n", {}};
  }

  // Finding: the failure count read before the probe, plus one, is written
  // back after it: failures that requests recorded meanwhile (recordOutcome)
  // are lost, and a failing backend stays in rotation longer.
  Lazy<bool> checkBackend(Backend &b) {
    int failures = 0;
    {
      std::lock_guard<std::mutex> lk(b.healthMu);
      if (b.draining)
        co_return false;
      failures = b.consecutiveFailures;
    }
    bool ok = co_await probe(b);
    std::lock_guard<std::mutex> lk(b.healthMu);
    if (ok) {
      b.consecutiveFailures = 0;
      b.healthy = true;
      co_return true;
    }
    b.consecutiveFailures = failures + 1;
    b.healthy = b.consecutiveFailures < 3;
    co_return false;
  }

  Lazy<bool> probe(Backend &b) {
    auto conn = co_await b.pool.acquire();
    if (!conn)
      co_return false;
    bool ok = co_await conn->ping();
    b.pool.release(std::move(conn), ok);
    co_return ok;
  }

  std::vector<std::unique_ptr<Backend>> backends_;
  ControlPlane control_;
  RouteTable routes_;
  Metrics metrics_;
  std::shared_mutex rewriteMu_;
  std::unordered_map<std::string, std::vector<RewriteRule>> rewrites_;
  std::mutex sessionsMu_;
  std::vector<std::weak_ptr<ClientSession>> sessions_;
  std::vector<Lazy<void>> pending_;
  std::atomic<std::uint64_t> next_{0};
  std::atomic<bool> stopping_{false};
};

} // namespace gateway
