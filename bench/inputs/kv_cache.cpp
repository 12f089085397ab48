// A read-through key/value cache in front of a remote store, in the shape of
// a libcoro service: an LRU map behind a coro::mutex, per-key refreshes,
// a TCP client polled by the io_scheduler, and a background expiry loop.
#include "bench_libs.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kv {

using coro::task;
using namespace std::chrono_literals;

struct Entry {
  std::string value;
  std::chrono::steady_clock::time_point expires;
};

class Lru {
public:
  explicit Lru(std::size_t capacity) : capacity_(capacity) {}

  const Entry *find(const std::string &key) {
    auto it = index_.find(key);
    if (it == index_.end())
      return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->second;
  }

  void put(std::string key, Entry e) {
    if (auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(e);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    order_.emplace_front(key, std::move(e));
    index_.emplace(std::move(key), order_.begin());
    while (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  std::size_t expire(std::chrono::steady_clock::time_point now) {
    std::size_t n = 0;
    for (auto it = order_.begin(); it != order_.end();) {
      if (it->second.expires <= now) {
        index_.erase(it->first);
        it = order_.erase(it);
        ++n;
      } else {
        ++it;
      }
    }
    return n;
  }

  std::size_t size() const { return order_.size(); }

private:
  std::size_t capacity_;
  std::list<std::pair<std::string, Entry>> order_;
  std::unordered_map<std::string,
                     std::list<std::pair<std::string, Entry>>::iterator>
      index_;
};

class RemoteStore {
public:
  RemoteStore(std::shared_ptr<coro::io_scheduler> s, std::string host)
      : scheduler_(std::move(s)), client_(scheduler_, std::move(host), 6379) {}

  task<std::optional<std::string>> get(const std::string &key) {
    std::string req = "GET " + key + "\r\n";
    if (!co_await sendAll(req))
      co_return std::nullopt;
    std::string reply = co_await readLine();
    if (reply.empty() || reply[0] != '$')
      co_return std::nullopt;
    co_return reply.substr(1);
  }

  task<bool> set(const std::string &key, const std::string &value) {
    std::string req = "SET " + key + " " + value + "\r\n";
    if (!co_await sendAll(req))
      co_return false;
    co_return co_await readLine() == "+OK";
  }

private:
  task<bool> sendAll(std::string_view data) {
    while (!data.empty()) {
      auto status = co_await client_.poll(coro::poll_op::write, 1000ms);
      if (status != coro::poll_status::event)
        co_return false;
      auto [st, rest] =
          client_.send(std::span<const char>(data.data(), data.size()));
      if (st == coro::net::send_status::closed)
        co_return false;
      data = std::string_view(rest.data(), rest.size());
    }
    co_return true;
  }

  task<std::string> readLine() {
    std::string line;
    std::array<char, 512> buf{};
    for (;;) {
      auto status = co_await client_.poll(coro::poll_op::read, 1000ms);
      if (status != coro::poll_status::event)
        co_return std::string();
      auto [st, got] = client_.recv(std::span<char>(buf.data(), buf.size()));
      if (st != coro::net::recv_status::ok)
        co_return std::string();
      line.append(got.data(), got.size());
      if (auto pos = line.find("\r\n"); pos != std::string::npos) {
        line.resize(pos);
        co_return line;
      }
    }
  }

  std::shared_ptr<coro::io_scheduler> scheduler_;
  coro::net::tcp::client client_;
};

class Cache {
public:
  Cache(std::shared_ptr<coro::io_scheduler> s, RemoteStore &store,
        std::size_t capacity)
      : scheduler_(std::move(s)), store_(store), lru_(capacity) {}

  task<std::optional<std::string>> get(const std::string &key) {
    {
      auto lk = co_await mu_.lock();
      if (const Entry *e = lru_.find(key);
          e && e->expires > std::chrono::steady_clock::now()) {
        ++hits_;
        co_return e->value;
      }
      ++misses_;
    }
    auto value = co_await store_.get(key);
    if (value) {
      auto lk = co_await mu_.lock();
      lru_.put(key, {*value, std::chrono::steady_clock::now() + ttl_});
    }
    co_return value;
  }

  // Refreshing holds the cache lock across the round trip to the store, so
  // every get() waits for the network: a finding.
  task<void> refresh(const std::string &key) {
    auto lk = co_await mu_.lock();
    auto value = co_await store_.get(key);
    if (value)
      lru_.put(key, {*value, std::chrono::steady_clock::now() + ttl_});
  }

  task<bool> put(std::string key, std::string value) {
    bool stored = co_await store_.set(key, value);
    if (!stored)
      co_return false;
    auto lk = co_await mu_.lock();
    lru_.put(std::move(key),
             {std::move(value), std::chrono::steady_clock::now() + ttl_});
    co_return true;
  }

  task<void> expiryLoop(std::function<bool()> keepRunning) {
    while (keepRunning()) {
      co_await scheduler_->yield_for(5s);
      std::size_t expired;
      {
        auto lk = co_await mu_.lock();
        expired = lru_.expire(std::chrono::steady_clock::now());
      }
      std::lock_guard<std::mutex> stats(statsMu_);
      expiredTotal_ += expired;
    }
  }

  std::pair<std::uint64_t, std::uint64_t> hitsAndMisses() {
    std::lock_guard<std::mutex> stats(statsMu_);
    return {hits_, misses_};
  }

private:
  std::shared_ptr<coro::io_scheduler> scheduler_;
  RemoteStore &store_;
  coro::mutex mu_;
  Lru lru_;
  std::chrono::seconds ttl_{60};
  std::mutex statsMu_;
  std::uint64_t hits_ = 0, misses_ = 0, expiredTotal_ = 0;
};

task<std::vector<std::optional<std::string>>>
getMany(Cache &cache, std::vector<std::string> keys) {
  std::vector<std::optional<std::string>> out;
  out.reserve(keys.size());
  for (const auto &k : keys)
    out.push_back(co_await cache.get(k));
  co_return out;
}

std::optional<long> parseCounter(std::string_view s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    return std::nullopt;
  return v;
}

task<long> incrementCounter(Cache &cache, const std::string &key) {
  auto current = co_await cache.get(key);
  long v = current ? parseCounter(*current).value_or(0) : 0;
  co_await cache.put(key, std::to_string(v + 1));
  co_return v + 1;
}

} // namespace kv
