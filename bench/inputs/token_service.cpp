// An OAuth-style token service in the shape of a cppcoro service, in front of
// an identity provider (IdP): sessions hold access and refresh tokens that are
// refreshed on demand; the service's own client-credentials token is refreshed
// by one coroutine at a time under an async mutex; requests are rate-limited
// per client; background loops evict expired sessions, flush the audit log and
// refresh credentials ahead of time. Counters and tables live behind std::mutex
// and std::shared_mutex. The comments marked "Finding:" are the mistakes.
#include "bench_cppcoro_io.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace tokens {

using cppcoro::task;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using Form = std::map<std::string, std::string>;

std::string randomToken() {
  thread_local std::mt19937_64 rng(std::random_device{}());
  std::ostringstream os;
  os << std::hex << rng() << rng();
  return os.str();
}

Form parseForm(std::string_view body) {
  Form fields;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos)
      fields.emplace(pair.substr(0, eq), pair.substr(eq + 1));
    if (amp == std::string_view::npos)
      break;
    body.remove_prefix(amp + 1);
  }
  return fields;
}

std::string encodeForm(const Form &fields) {
  std::string out;
  for (const auto &[k, v] : fields) {
    if (!out.empty())
      out += '&';
    out += k + '=' + v;
  }
  return out;
}

std::optional<long> parseLong(std::string_view s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    return std::nullopt;
  return v;
}

/// The value of a top-level field in a flat JSON object, quotes removed.
std::string jsonField(std::string_view json, std::string_view key) {
  auto pos = json.find("\"" + std::string(key) + "\":");
  if (pos == std::string_view::npos)
    return {};
  auto value = json.substr(pos + key.size() + 3);
  value = value.substr(0, value.find_first_of(",}"));
  auto first = value.find_first_not_of(" \""),
       last = value.find_last_not_of('"');
  return first > last ? "" : std::string(value.substr(first, last - first + 1));
}

std::string
jsonObject(std::initializer_list<std::pair<const char *, std::string>> fields) {
  std::string out = "{";
  for (const auto &[k, v] : fields)
    out += (out.size() > 1 ? ",\"" : "\"") + std::string(k) + "\":\"" + v + '"';
  return out + '}';
}

struct HttpRequest {
  std::string method, path;
  Form headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  Form headers;
  std::string body;

  static HttpResponse json(int status, std::string body) {
    return {status, {{"Content-Type", "application/json"}}, std::move(body)};
  }
  static HttpResponse error(int status, std::string_view code) {
    return json(status, jsonObject({{"error", std::string(code)}}));
  }
};

std::string encodeRequest(const HttpRequest &req, const std::string &host) {
  std::ostringstream os;
  os << req.method << ' ' << req.path << " HTTP/1.1\r\nHost: " << host
     << "\r\nContent-Length: " << req.body.size() << "\r\n";
  for (const auto &[k, v] : req.headers)
    os << k << ": " << v << "\r\n";
  os << "\r\n" << req.body;
  return os.str();
}

std::optional<HttpResponse> parseResponse(std::string_view raw) {
  auto status = parseLong(raw.substr(9, 3));
  auto headersEnd = raw.find("\r\n\r\n");
  if (!raw.starts_with("HTTP/1.1 ") || !status ||
      headersEnd == std::string_view::npos)
    return std::nullopt;
  HttpResponse resp{
      static_cast<int>(*status), {}, std::string(raw.substr(headersEnd + 4))};
  for (auto pos = raw.find("\r\n") + 2; pos < headersEnd;) {
    auto end = raw.find("\r\n", pos);
    auto line = raw.substr(pos, end - pos);
    if (auto colon = line.find(": "); colon != std::string_view::npos)
      resp.headers.emplace(line.substr(0, colon), line.substr(colon + 2));
    pos = end + 2;
  }
  return resp;
}

struct TokenGrant {
  std::string accessToken, refreshToken;
  Clock::duration expiresIn{}, refreshExpiresIn{};
};

std::optional<TokenGrant> parseGrant(const HttpResponse &resp) {
  if (resp.status != 200)
    return std::nullopt;
  auto seconds = [&](const char *field, long fallback) {
    return std::chrono::seconds(
        parseLong(jsonField(resp.body, field)).value_or(fallback));
  };
  TokenGrant g{jsonField(resp.body, "access_token"),
               jsonField(resp.body, "refresh_token"),
               seconds("expires_in", 300),
               seconds("refresh_expires_in", 86400)};
  if (g.accessToken.empty())
    return std::nullopt;
  return g;
}

struct Session {
  std::string clientId, accessToken, refreshToken;
  Clock::time_point accessExpires, refreshExpires;

  bool expiringSoon(Clock::time_point now) const {
    return accessExpires - now < 30s;
  }
};

Session sessionFrom(const TokenGrant &g, std::string client) {
  auto now = Clock::now();
  return {std::move(client), g.accessToken, g.refreshToken, now + g.expiresIn,
          now + g.refreshExpiresIn};
}

// A keep-alive connection to the IdP. Round trips on it are serialized by an
// async mutex held across the I/O: nothing else waits on that mutex.
class HttpConnection {
public:
  HttpConnection(cppcoro::net::ip_endpoint ep)
      : endpoint_(std::move(ep)),
        socket_(cppcoro::net::socket::create_tcpv4()) {}

  task<HttpResponse> roundTrip(const HttpRequest &req) {
    auto lk = co_await ioMu_.scoped_lock_async();
    co_await ensureConnected();
    co_await sendAll(encodeRequest(req, endpoint_.host()));
    std::string raw = co_await readMessage();
    auto resp = parseResponse(raw);
    if (!resp) {
      connected_ = false;
      throw std::runtime_error("malformed response from " + endpoint_.host());
    }
    co_return std::move(*resp);
  }

  task<void> close() {
    auto lk = co_await ioMu_.scoped_lock_async();
    if (connected_) {
      co_await socket_.disconnect();
      connected_ = false;
    }
  }

private:
  task<void> ensureConnected() {
    if (connected_)
      co_return;
    co_await socket_.connect(endpoint_);
    connected_ = true;
  }

  task<void> sendAll(std::string data) {
    std::size_t off = 0;
    while (off < data.size())
      off += co_await socket_.send(data.data() + off, data.size() - off);
  }

  // Reads until the headers and as many bytes as Content-Length announces.
  task<std::string> readMessage() {
    std::string raw;
    std::array<char, 2048> buf{};
    for (;;) {
      std::size_t n = co_await socket_.recv(buf.data(), buf.size());
      connected_ = n > 0;
      raw.append(buf.data(), n);
      auto end = raw.find("\r\n\r\n");
      auto cl = raw.find("Content-Length: ");
      if (n == 0 || (end != std::string::npos && cl < end &&
                     raw.size() >= end + 4 + std::stoul(raw.substr(cl + 16))))
        co_return raw;
    }
  }

  cppcoro::net::ip_endpoint endpoint_;
  cppcoro::net::socket socket_;
  cppcoro::async_mutex ioMu_;
  bool connected_ = false;
};

class IdpClient {
public:
  IdpClient(const std::vector<cppcoro::net::ip_endpoint> &endpoints,
            std::string clientId, std::string secret)
      : clientId_(std::move(clientId)), secret_(std::move(secret)) {
    for (const auto &ep : endpoints)
      conns_.push_back(std::make_unique<HttpConnection>(ep));
  }

  task<std::optional<TokenGrant>> password(const std::string &user,
                                           const std::string &pass,
                                           const std::string &scope) {
    co_return co_await grant({{"grant_type", "password"},
                              {"username", user},
                              {"password", pass},
                              {"scope", scope}});
  }

  task<std::optional<TokenGrant>> refresh(const std::string &refreshToken) {
    co_return co_await grant(
        {{"grant_type", "refresh_token"}, {"refresh_token", refreshToken}});
  }

  task<std::optional<TokenGrant>> clientCredentials(const std::string &scope) {
    co_return co_await grant(
        {{"grant_type", "client_credentials"}, {"scope", scope}});
  }

  task<std::optional<std::string>> introspect(const std::string &token,
                                              const std::string &bearer) {
    auto resp = co_await post("/introspect", encodeForm({{"token", token}}),
                              "Bearer " + bearer);
    if (resp.status != 200 || jsonField(resp.body, "active") != "true")
      co_return std::nullopt;
    co_return jsonField(resp.body, "sub");
  }

  task<bool> revoke(const std::string &refreshToken) {
    auto resp = co_await post("/revoke", "token=" + refreshToken, basicAuth());
    co_return resp.status == 200;
  }

  task<void> closeAll() {
    for (auto &c : conns_)
      co_await c->close();
  }

private:
  HttpConnection &pick() { return *conns_[next_++ % conns_.size()]; }

  std::string basicAuth() const { return "Basic " + clientId_ + ":" + secret_; }

  task<HttpResponse> post(std::string path, std::string body,
                          std::string auth) {
    co_return co_await pick().roundTrip({"POST",
                                         std::move(path),
                                         {{"Authorization", std::move(auth)}},
                                         std::move(body)});
  }

  task<std::optional<TokenGrant>> grant(Form fields) {
    auto resp = co_await post("/token", encodeForm(fields), basicAuth());
    co_return parseGrant(resp);
  }

  std::string clientId_, secret_;
  std::vector<std::unique_ptr<HttpConnection>> conns_;
  std::atomic<std::size_t> next_{0};
};

struct Counters {
  std::uint64_t issued = 0, refreshed = 0, refreshLost = 0, revoked = 0,
                introspected = 0, rateLimited = 0, lockedOut = 0,
                internalErrors = 0, evicted = 0;
};

class Stats {
public:
  void bump(std::uint64_t Counters::*field, std::uint64_t by = 1) {
    std::lock_guard<std::mutex> lk(mu_);
    c_.*field += by;
  }
  std::string render() const {
    std::lock_guard<std::mutex> lk(mu_);
    std::ostringstream os;
    os << "issued " << c_.issued << "\nrefreshed " << c_.refreshed
       << "\nrefresh_lost " << c_.refreshLost << "\nrevoked " << c_.revoked
       << "\nrate_limited " << c_.rateLimited << "\nlocked_out " << c_.lockedOut
       << "\nevicted " << c_.evicted << '\n';
    return os.str();
  }

private:
  mutable std::mutex mu_;
  Counters c_;
};

// Finding: the buckets are guarded by an async mutex, yet no critical section
// suspends while holding it; every check pays for a suspension and a
// reschedule that a std::mutex would not cost.
class RateLimiter {
public:
  struct Bucket {
    double tokens = 0, ratePerSecond = 10, burst = 20;
    Clock::time_point refilled = Clock::now();
  };

  task<bool> allow(const std::string &clientId) {
    auto lk = co_await mu_.scoped_lock_async();
    auto now = Clock::now();
    auto [it, fresh] = buckets_.try_emplace(clientId);
    Bucket &b = it->second;
    if (fresh)
      b.tokens = b.burst;
    std::chrono::duration<double> elapsed = now - b.refilled;
    b.tokens = std::min(b.burst, b.tokens + elapsed.count() * b.ratePerSecond);
    b.refilled = now;
    if (b.tokens < 1.0)
      co_return false;
    b.tokens -= 1.0;
    co_return true;
  }

  task<void> configure(const std::string &clientId, double rate, double burst) {
    auto lk = co_await mu_.scoped_lock_async();
    Bucket &b = buckets_[clientId];
    b.ratePerSecond = rate;
    b.burst = burst;
    b.tokens = std::min(b.tokens, burst);
  }

  task<std::size_t> sweepIdle(Clock::duration idleFor) {
    auto lk = co_await mu_.scoped_lock_async();
    auto cutoff = Clock::now() - idleFor;
    std::erase_if(buckets_,
                  [&](const auto &kv) { return kv.second.refilled < cutoff; });
    co_return buckets_.size();
  }

private:
  cppcoro::async_mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// The service's own client-credentials token. One refresh at a time: the
// async mutex is held across the exchange (every section on it does I/O), and
// the token is checked again once it is held.
class ServiceCredentials {
public:
  ServiceCredentials(IdpClient &idp, std::string scope)
      : idp_(idp), scope_(std::move(scope)) {}

  // A token valid for at least `margin`; the background loop asks for more
  // margin than requests do, so that it refreshes first.
  task<std::string> bearer(Clock::duration margin = 30s) {
    if (auto t = cached(margin))
      co_return *t;
    auto serial = co_await refreshMu_.scoped_lock_async();
    if (auto t = cached(margin))
      co_return *t;
    co_return co_await exchange();
  }

private:
  std::optional<std::string> cached(Clock::duration margin) {
    std::lock_guard<std::mutex> lk(mu_);
    if (current_ && expires_ - margin > Clock::now())
      return current_->accessToken;
    return std::nullopt;
  }

  task<std::string> exchange() {
    auto grant = co_await idp_.clientCredentials(scope_);
    if (!grant)
      throw std::runtime_error("client credentials refused");
    std::lock_guard<std::mutex> lk(mu_);
    expires_ = Clock::now() + grant->expiresIn;
    current_ = grant;
    co_return grant->accessToken;
  }

  IdpClient &idp_;
  std::string scope_;
  std::mutex mu_;
  std::optional<TokenGrant> current_;
  Clock::time_point expires_;
  cppcoro::async_mutex refreshMu_;
};

class SessionCache {
public:
  SessionCache(IdpClient &idp, Stats &stats) : idp_(idp), stats_(stats) {}

  // Finding: the failed-login count is read and checked, the lock released
  // for the password check at the IdP, and the outcome written back without
  // reading the count again: concurrent wrong guesses for one user all write
  // the same count plus one, which defeats the lockout.
  task<std::optional<std::string>> login(const std::string &user,
                                         const std::string &pass,
                                         const std::string &clientId,
                                         const std::string &scope) {
    int failures = 0;
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (auto it = failedLogins_.find(user); it != failedLogins_.end())
        failures = it->second;
    }
    if (failures >= kMaxFailedLogins) {
      stats_.bump(&Counters::lockedOut);
      co_return std::nullopt;
    }
    auto grant = co_await idp_.password(user, pass, scope);
    if (!grant) {
      std::lock_guard<std::mutex> lk(mu_);
      failedLogins_[user] = failures + 1;
      co_return std::nullopt;
    }
    std::string id = randomToken();
    Session s = sessionFrom(*grant, clientId);
    std::lock_guard<std::mutex> lk(mu_);
    sessions_.emplace(id, std::move(s));
    failedLogins_.erase(user);
    co_return id;
  }

  task<std::optional<std::string>> accessToken(const std::string &sessionId) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = sessions_.find(sessionId);
      if (it == sessions_.end())
        co_return std::nullopt;
      if (!it->second.expiringSoon(Clock::now()))
        co_return it->second.accessToken;
    }
    co_return co_await refreshSession(sessionId);
  }

  // Refresh tokens are single-use: when two requests refresh the same
  // session, the one whose token was already spent keeps the winner's.
  task<std::optional<std::string>>
  refreshSession(const std::string &sessionId) {
    std::string refreshToken;
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = sessions_.find(sessionId);
      if (it == sessions_.end())
        co_return std::nullopt;
      refreshToken = it->second.refreshToken;
    }
    auto grant = co_await idp_.refresh(refreshToken);
    std::lock_guard<std::mutex> lk(mu_);
    auto it = sessions_.find(sessionId);
    if (it == sessions_.end())
      co_return std::nullopt; // Logged out meanwhile.
    if (it->second.refreshToken != refreshToken) {
      stats_.bump(&Counters::refreshLost);
      co_return it->second.accessToken;
    }
    if (!grant) {
      sessions_.erase(it);
      co_return std::nullopt;
    }
    it->second = sessionFrom(*grant, it->second.clientId);
    stats_.bump(&Counters::refreshed);
    co_return grant->accessToken;
  }

  task<bool> logout(const std::string &sessionId) {
    std::optional<Session> removed;
    {
      std::lock_guard<std::mutex> lk(mu_);
      auto it = sessions_.find(sessionId);
      if (it == sessions_.end())
        co_return false;
      removed = std::move(it->second);
      sessions_.erase(it);
    }
    co_await idp_.revoke(removed->refreshToken);
    stats_.bump(&Counters::revoked);
    co_return true;
  }

  // Finding: the sessions' std::mutex stays locked while each refresh token
  // is revoked at the IdP, one round trip per session of the client.
  task<std::size_t> revokeClient(const std::string &clientId) {
    std::lock_guard<std::mutex> lk(mu_);
    std::size_t revoked = 0;
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      if (it->second.clientId != clientId) {
        ++it;
        continue;
      }
      co_await idp_.revoke(it->second.refreshToken);
      it = sessions_.erase(it);
      ++revoked;
    }
    co_return revoked;
  }

  // Expired sessions are collected under the lock, revoked without it, and
  // erased only if they were not refreshed in the meantime.
  task<std::size_t> evictExpired() {
    auto now = Clock::now();
    std::vector<std::pair<std::string, std::string>> expired;
    {
      std::lock_guard<std::mutex> lk(mu_);
      for (const auto &[id, s] : sessions_)
        if (s.refreshExpires <= now)
          expired.emplace_back(id, s.refreshToken);
    }
    std::size_t evicted = 0;
    for (const auto &[id, token] : expired) {
      co_await idp_.revoke(token);
      std::lock_guard<std::mutex> lk(mu_);
      auto it = sessions_.find(id);
      if (it == sessions_.end() || it->second.refreshToken != token)
        continue;
      sessions_.erase(it);
      ++evicted;
    }
    stats_.bump(&Counters::evicted, evicted);
    co_return evicted;
  }

private:
  IdpClient &idp_;
  Stats &stats_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Session> sessions_;
  std::unordered_map<std::string, int> failedLogins_;
  static constexpr int kMaxFailedLogins = 5;
};

struct AuditEvent {
  std::chrono::system_clock::time_point at;
  std::string kind, clientId, subject;
};

class AuditLog {
public:
  explicit AuditLog(HttpConnection &sink) : sink_(sink) {}

  void record(std::string kind, std::string clientId, std::string subject) {
    std::lock_guard<std::mutex> lk(mu_);
    if (pending_.size() >= kMaxPending) {
      pending_.pop_front();
      ++dropped_;
    }
    pending_.push_back({std::chrono::system_clock::now(), std::move(kind),
                        std::move(clientId), std::move(subject)});
  }

  // The batch is taken out under the lock and sent without it; on failure it
  // goes back in front of what was recorded meanwhile.
  task<bool> flushOnce() {
    std::deque<AuditEvent> batch;
    {
      std::lock_guard<std::mutex> lk(mu_);
      batch.swap(pending_);
    }
    if (batch.empty())
      co_return true;
    bool ok = false;
    try { // A malformed reply throws; the batch is kept either way.
      auto resp = co_await sink_.roundTrip(
          {"POST", "/audit", {{"Content-Type", "text/plain"}}, encode(batch)});
      ok = resp.status / 100 == 2;
    } catch (const std::exception &) {
    }
    std::lock_guard<std::mutex> lk(mu_);
    if (ok) {
      flushed_ += batch.size();
      co_return true;
    }
    pending_.insert(pending_.begin(), std::make_move_iterator(batch.begin()),
                    std::make_move_iterator(batch.end()));
    pending_.resize(std::min(pending_.size(), kMaxPending));
    co_return false;
  }

private:
  static std::string encode(const std::deque<AuditEvent> &batch) {
    std::ostringstream os;
    for (const auto &e : batch)
      os << std::chrono::system_clock::to_time_t(e.at) << ' ' << e.kind << ' '
         << e.clientId << ' ' << e.subject << '\n';
    return os.str();
  }

  static constexpr std::size_t kMaxPending = 10000;
  HttpConnection &sink_;
  std::mutex mu_;
  std::deque<AuditEvent> pending_;
  std::uint64_t dropped_ = 0, flushed_ = 0;
};

struct ClientInfo {
  std::string secret;
  std::string scope; // The most a token for this client may carry.
  double ratePerSecond = 10, burst = 20;
};

class TokenService {
public:
  TokenService(IdpClient &idp, HttpConnection &auditSink,
               cppcoro::io_service &io)
      : idp_(idp), io_(io), creds_(idp, "introspect"), sessions_(idp, stats_),
        audit_(auditSink) {}

  task<void> registerClient(std::string id, ClientInfo info) {
    {
      std::unique_lock<std::shared_mutex> lk(clientsMu_);
      clients_[id] = info;
    }
    co_await limiter_.configure(id, info.ratePerSecond, info.burst);
  }

  task<HttpResponse> handle(HttpRequest req) {
    try {
      if (req.method == "POST" && req.path == "/oauth/token")
        co_return co_await handleToken(parseForm(req.body));
      if (req.method == "POST" && req.path == "/oauth/logout")
        co_return co_await handleLogout(parseForm(req.body));
      if (req.method == "POST" && req.path == "/oauth/introspect")
        co_return co_await handleIntrospect(parseForm(req.body));
      if (req.method == "POST" && req.path == "/admin/revoke-client")
        co_return co_await handleRevokeClient(parseForm(req.body));
      if (req.method == "GET" && req.path == "/stats")
        co_return HttpResponse{200, {}, stats_.render()};
      co_return HttpResponse::error(404, "not_found");
    } catch (const std::exception &) {
      stats_.bump(&Counters::internalErrors);
    }
    co_return HttpResponse::error(500, "server_error");
  }

  // The background loops: expiry, audit flushing, credentials refreshed
  // ahead of time, idle rate-limit buckets.
  task<void> runBackground(cppcoro::cancellation_token ct) {
    auto every = [&](std::chrono::nanoseconds period,
                     std::function<task<void>()> body) -> task<void> {
      while (!ct.is_cancellation_requested()) {
        co_await io_.schedule_after(period, ct);
        co_await body();
      }
    };
    std::vector<task<void>> loops;
    loops.push_back(every(
        30s, [this]() -> task<void> { co_await sessions_.evictExpired(); }));
    loops.push_back(
        every(5s, [this]() -> task<void> { co_await audit_.flushOnce(); }));
    loops.push_back(
        every(1min, [this]() -> task<void> { co_await refreshCredentials(); }));
    loops.push_back(every(
        1min, [this]() -> task<void> { co_await limiter_.sweepIdle(15min); }));
    co_await cppcoro::when_all(std::move(loops));
  }

  task<void> shutdown(cppcoro::cancellation_source &background) {
    background.request_cancellation();
    co_await audit_.flushOnce();
    co_await idp_.closeAll();
  }

private:
  std::optional<ClientInfo> authenticate(const Form &form) const {
    auto id = form.find("client_id"), secret = form.find("client_secret");
    if (id == form.end() || secret == form.end())
      return std::nullopt;
    std::shared_lock<std::shared_mutex> lk(clientsMu_);
    auto it = clients_.find(id->second);
    if (it == clients_.end() || it->second.secret != secret->second)
      return std::nullopt;
    return it->second;
  }

  task<HttpResponse> handleToken(Form form) {
    auto client = authenticate(form);
    if (!client)
      co_return HttpResponse::error(401, "invalid_client");
    if (!co_await limiter_.allow(form["client_id"])) {
      stats_.bump(&Counters::rateLimited);
      co_return HttpResponse::error(429, "slow_down");
    }
    const std::string &type = form["grant_type"];
    if (type == "password")
      co_return co_await passwordGrant(form, *client);
    if (type == "refresh_token")
      co_return co_await sessionGrant(form["session"]);
    co_return HttpResponse::error(400, "unsupported_grant_type");
  }

  task<HttpResponse> passwordGrant(Form &form, const ClientInfo &client) {
    auto session = co_await sessions_.login(form["username"], form["password"],
                                            form["client_id"], client.scope);
    if (!session)
      co_return HttpResponse::error(400, "invalid_grant");
    stats_.bump(&Counters::issued);
    audit_.record("login", form["client_id"], form["username"]);
    co_return co_await sessionGrant(*session);
  }

  task<HttpResponse> sessionGrant(const std::string &sessionId) {
    auto token = co_await sessions_.accessToken(sessionId);
    if (!token)
      co_return HttpResponse::error(400, "invalid_grant");
    co_return HttpResponse::json(
        200, jsonObject({{"access_token", *token}, {"session", sessionId}}));
  }

  task<HttpResponse> handleLogout(Form form) {
    if (!co_await sessions_.logout(form["session"]))
      co_return HttpResponse::error(404, "unknown_session");
    audit_.record("logout", form["client_id"], form["session"]);
    co_return HttpResponse::json(200, "{}");
  }

  task<HttpResponse> handleIntrospect(Form form) {
    if (!authenticate(form))
      co_return HttpResponse::error(401, "invalid_client");
    stats_.bump(&Counters::introspected);
    std::string bearer = co_await creds_.bearer();
    auto subject = co_await idp_.introspect(form["token"], bearer);
    if (!subject)
      co_return HttpResponse::json(200, jsonObject({{"active", "false"}}));
    co_return HttpResponse::json(
        200, jsonObject({{"active", "true"}, {"sub", *subject}}));
  }

  task<HttpResponse> handleRevokeClient(Form form) {
    std::size_t n = co_await sessions_.revokeClient(form["client"]);
    stats_.bump(&Counters::revoked, n);
    audit_.record("revoke-client", form["client"], std::to_string(n));
    co_return HttpResponse::json(200,
                                 jsonObject({{"revoked", std::to_string(n)}}));
  }

  task<void> refreshCredentials() {
    try {
      co_await creds_.bearer(2min);
    } catch (const std::exception &) {
      stats_.bump(&Counters::internalErrors);
    }
  }

  IdpClient &idp_;
  cppcoro::io_service &io_;
  Stats stats_;
  RateLimiter limiter_;
  ServiceCredentials creds_;
  SessionCache sessions_;
  AuditLog audit_;
  mutable std::shared_mutex clientsMu_;
  std::unordered_map<std::string, ClientInfo> clients_;
};

} // namespace tokens
