// A database connection pool and a query client in the shape of a cppcoro
// service: connections are created lazily up to a maximum, handed out under
// an async mutex, health-checked by a background coroutine, and queries
// retry with backoff.
#include "bench_libs.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <list>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace pool {

using cppcoro::task;

struct Row {
  std::vector<std::string> columns;
};

struct QueryResult {
  std::vector<Row> rows;
  std::uint64_t affected = 0;
  std::string error;
  bool ok() const { return error.empty(); }
};

class Connection {
public:
  explicit Connection(cppcoro::net::ip_endpoint ep)
      : endpoint_(std::move(ep)), socket_(cppcoro::net::socket::create_tcpv4()) {}

  task<void> open() {
    co_await socket_.connect(endpoint_);
    std::string hello = "HELLO 3\n";
    co_await socket_.send(hello.data(), hello.size());
    std::array<char, 64> reply{};
    std::size_t n = co_await socket_.recv(reply.data(), reply.size());
    if (n < 2 || std::memcmp(reply.data(), "OK", 2) != 0)
      throw std::runtime_error("handshake failed");
    healthy_ = true;
  }

  task<QueryResult> query(std::string_view sql) {
    std::string frame = "Q" + std::string(sql) + "\n";
    co_await socket_.send(frame.data(), frame.size());
    QueryResult result;
    std::array<char, 4096> buf{};
    std::string pending;
    for (;;) {
      std::size_t n = co_await socket_.recv(buf.data(), buf.size());
      if (n == 0) {
        healthy_ = false;
        result.error = "connection closed";
        co_return result;
      }
      pending.append(buf.data(), n);
      std::size_t pos;
      while ((pos = pending.find('\n')) != std::string::npos) {
        std::string line = pending.substr(0, pos);
        pending.erase(0, pos + 1);
        if (line == "END")
          co_return result;
        if (line.rfind("ERR ", 0) == 0) {
          result.error = line.substr(4);
          co_return result;
        }
        Row row;
        std::size_t start = 0, tab;
        while ((tab = line.find('\t', start)) != std::string::npos) {
          row.columns.push_back(line.substr(start, tab - start));
          start = tab + 1;
        }
        row.columns.push_back(line.substr(start));
        result.rows.push_back(std::move(row));
      }
    }
  }

  task<bool> ping() {
    QueryResult r = co_await query("SELECT 1");
    co_return r.ok();
  }

  bool healthy() const { return healthy_; }

private:
  cppcoro::net::ip_endpoint endpoint_;
  cppcoro::net::socket socket_;
  bool healthy_ = false;
};

class Pool {
public:
  Pool(cppcoro::net::ip_endpoint ep, std::size_t max)
      : endpoint_(std::move(ep)), max_(max) {}

  class Lease {
  public:
    Lease(Pool &p, std::unique_ptr<Connection> c) : pool_(&p), c_(std::move(c)) {}
    Lease(Lease &&) = default;
    ~Lease() {
      if (c_)
        pool_->giveBack(std::move(c_));
    }
    Connection *operator->() { return c_.get(); }

  private:
    Pool *pool_;
    std::unique_ptr<Connection> c_;
  };

  task<Lease> acquire();
  task<void> healthCheck();
  std::size_t idleCount() {
    std::lock_guard<std::mutex> lk(idleMu_);
    return idle_.size();
  }

private:
  void giveBack(std::unique_ptr<Connection> c) {
    std::lock_guard<std::mutex> lk(idleMu_);
    if (c->healthy())
      idle_.push_back(std::move(c));
    else
      --total_;
  }

  cppcoro::net::ip_endpoint endpoint_;
  std::size_t max_;
  std::mutex idleMu_;
  std::list<std::unique_ptr<Connection>> idle_;
  std::size_t total_ = 0;
  cppcoro::async_mutex openMu_;
};

auto Pool::acquire() -> task<Lease> {
  {
    std::lock_guard<std::mutex> lk(idleMu_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.front());
      idle_.pop_front();
      co_return Lease(*this, std::move(c));
    }
  }
  // Opening connections is serialized so that the pool never grows past its
  // maximum; the handshake is awaited under the async mutex on purpose.
  auto lk = co_await openMu_.scoped_lock_async();
  {
    std::lock_guard<std::mutex> idle(idleMu_);
    if (total_ >= max_)
      throw std::runtime_error("pool exhausted");
    ++total_;
  }
  auto c = std::make_unique<Connection>(endpoint_);
  co_await c->open();
  co_return Lease(*this, std::move(c));
}

task<void> Pool::healthCheck() {
  std::vector<std::unique_ptr<Connection>> checking;
  {
    std::lock_guard<std::mutex> lk(idleMu_);
    while (!idle_.empty()) {
      checking.push_back(std::move(idle_.front()));
      idle_.pop_front();
    }
  }
  for (auto &c : checking) {
    bool ok = co_await c->ping();
    std::lock_guard<std::mutex> lk(idleMu_);
    if (ok)
      idle_.push_back(std::move(c));
    else
      --total_;
  }
}

class Client {
public:
  explicit Client(Pool &pool) : pool_(pool) {}

  task<QueryResult> run(std::string sql, int attempts = 3) {
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> jitter(0, 50);
    QueryResult last;
    for (int attempt = 0; attempt < attempts; ++attempt) {
      auto lease = co_await pool_.acquire();
      last = co_await lease->query(sql);
      if (last.ok()) {
        std::lock_guard<std::mutex> lk(metricsMu_);
        ++succeeded_[sql.substr(0, sql.find(' '))];
        co_return last;
      }
      {
        std::lock_guard<std::mutex> lk(metricsMu_);
        ++failed_;
      }
      co_await scheduler_.schedule();
      (void)jitter(rng);
    }
    co_return last;
  }

  task<std::map<std::string, std::string>> loadSettings() {
    auto result = co_await run("SELECT key, value FROM settings");
    std::map<std::string, std::string> settings;
    for (auto &row : result.rows)
      if (row.columns.size() == 2)
        settings.emplace(std::move(row.columns[0]), std::move(row.columns[1]));
    co_return settings;
  }

  // Counts under an async mutex that no section holds across a suspension:
  // a finding.
  task<void> noteSlowQuery(const std::string &sql) {
    auto lk = co_await slowMu_.scoped_lock_async();
    slow_.push_back(sql);
    if (slow_.size() > 100)
      slow_.erase(slow_.begin());
  }

  task<std::vector<std::string>> slowQueries() {
    auto lk = co_await slowMu_.scoped_lock_async();
    co_return slow_;
  }

private:
  Pool &pool_;
  cppcoro::static_thread_pool scheduler_{2};
  std::mutex metricsMu_;
  std::unordered_map<std::string, std::uint64_t> succeeded_;
  std::uint64_t failed_ = 0;
  cppcoro::async_mutex slowMu_;
  std::vector<std::string> slow_;
};

task<void> warmUp(Client &client, std::vector<std::string> tables) {
  std::vector<task<QueryResult>> pending;
  for (const auto &t : tables)
    pending.push_back(client.run("SELECT count(*) FROM " + t));
  auto results = co_await bench::when_all(std::move(pending));
  for (std::size_t i = 0; i < results.size(); ++i)
    if (!results[i].ok())
      co_await client.noteSlowQuery(tables[i]);
}

} // namespace pool
