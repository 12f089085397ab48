// A job pipeline on the standard library alone: generators that produce
// work, coroutine lambdas scheduled on a thread pool, a registry behind a
// std::shared_mutex, results collected under std::mutex, retries with
// exceptions, and a progress reporter.
#include "bench_task.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <map>
#include <memory>
#include <numeric>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace jobs {

using bench::generator;
using bench::task;

struct Job {
  std::uint64_t id;
  std::string kind;
  std::vector<double> input;
};

struct Success {
  double value;
};
struct Failure {
  std::string reason;
  int attempts;
};
using Outcome = std::variant<Success, Failure>;

generator<Job> readJobs(const std::vector<std::string> &lines) {
  std::uint64_t next = 1;
  for (const auto &line : lines) {
    std::istringstream in(line);
    Job job{next++, {}, {}};
    in >> job.kind;
    double x;
    while (in >> x)
      job.input.push_back(x);
    if (!job.kind.empty())
      co_yield job;
  }
}

generator<std::vector<Job>> batches(generator<Job> &jobs, std::size_t size) {
  std::vector<Job> batch;
  for (auto it = jobs.begin(); !(it == jobs.end()); ++it) {
    batch.push_back(*it);
    if (batch.size() == size) {
      co_yield batch;
      batch.clear();
    }
  }
  if (!batch.empty())
    co_yield batch;
}

using Handler = std::function<double(const std::vector<double> &)>;

class Registry {
public:
  void add(std::string kind, Handler h) {
    std::unique_lock lk(mu_);
    handlers_[std::move(kind)] = std::move(h);
  }
  std::optional<Handler> find(const std::string &kind) const {
    std::shared_lock lk(mu_);
    auto it = handlers_.find(kind);
    if (it == handlers_.end())
      return std::nullopt;
    return it->second;
  }

private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Handler> handlers_;
};

class Results {
public:
  void record(std::uint64_t id, Outcome o) {
    std::lock_guard<std::mutex> lk(mu_);
    outcomes_[id] = std::move(o);
  }
  std::size_t failures() const {
    std::lock_guard<std::mutex> lk(mu_);
    return std::count_if(outcomes_.begin(), outcomes_.end(), [](auto &p) {
      return std::holds_alternative<Failure>(p.second);
    });
  }
  std::string summary() const {
    std::lock_guard<std::mutex> lk(mu_);
    std::ostringstream os;
    double total = 0;
    for (const auto &[id, o] : outcomes_)
      if (auto *s = std::get_if<Success>(&o))
        total += s->value;
    os << outcomes_.size() << " jobs, total " << std::fixed
       << std::setprecision(3) << total;
    return os.str();
  }

private:
  mutable std::mutex mu_;
  std::map<std::uint64_t, Outcome> outcomes_;
};

class Pipeline {
public:
  Pipeline(bench::thread_pool &pool, Registry &registry, Results &results)
      : pool_(pool), registry_(registry), results_(results) {}

  task<void> runJob(Job job, int maxAttempts) {
    auto handler = registry_.find(job.kind);
    if (!handler) {
      results_.record(job.id, Failure{"unknown kind " + job.kind, 0});
      co_return;
    }
    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
      co_await pool_.schedule();
      try {
        double v = (*handler)(job.input);
        results_.record(job.id, Success{v});
        co_return;
      } catch (const std::exception &e) {
        if (attempt == maxAttempts)
          results_.record(job.id, Failure{e.what(), attempt});
      }
    }
  }

  task<void> runAll(const std::vector<std::string> &lines) {
    auto jobs = readJobs(lines);
    for (auto it = batches(jobs, 16).begin(); true; ++it) {
      std::vector<task<void>> running;
      auto batch = *it;
      for (auto &job : batch)
        running.push_back(runJob(std::move(job), 3));
      for (auto &t : running)
        co_await t;
      {
        std::lock_guard<std::mutex> lk(progressMu_);
        done_ += batch.size();
      }
      co_await reportProgress();
      break;
    }
  }

  // Progress is printed while progressMu_ is held across the hop to the
  // pool: a finding.
  task<void> reportProgress() {
    std::unique_lock<std::mutex> lk(progressMu_);
    auto now = std::chrono::steady_clock::now();
    if (now - lastReport_ < std::chrono::seconds(1))
      co_return;
    lastReport_ = now;
    co_await pool_.schedule();
    std::printf("%zu done, %zu failed\n", done_, results_.failures());
  }

  task<double> reduce(std::vector<std::uint64_t> ids,
                      std::function<task<double>(std::uint64_t)> fetch) {
    auto sum = [&](std::vector<std::uint64_t> part) -> task<double> {
      double total = 0;
      for (auto id : part) {
        co_await pool_.schedule();
        total += co_await fetch(id);
      }
      co_return total;
    };
    std::size_t half = ids.size() / 2;
    auto left = sum({ids.begin(), ids.begin() + half});
    auto right = sum({ids.begin() + half, ids.end()});
    co_return co_await left + co_await right;
  }

private:
  bench::thread_pool &pool_;
  Registry &registry_;
  Results &results_;
  std::mutex progressMu_;
  std::size_t done_ = 0;
  std::chrono::steady_clock::time_point lastReport_;
};

void registerDefaults(Registry &r) {
  r.add("sum", [](const std::vector<double> &v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
  });
  r.add("max", [](const std::vector<double> &v) {
    if (v.empty())
      throw std::invalid_argument("max of nothing");
    return *std::max_element(v.begin(), v.end());
  });
  r.add("mean", [](const std::vector<double> &v) {
    if (v.empty())
      throw std::invalid_argument("mean of nothing");
    return std::accumulate(v.begin(), v.end(), 0.0) / v.size();
  });
}

} // namespace jobs
