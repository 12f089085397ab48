// A stale snapshot iterated by a range-for, or taken apart by a structured
// binding, keeps its dependence on the read (issue 11); a by-reference
// capture of a coroutine lambda is shared state like a member or a global,
// not a value the lambda read (an erase or emplace of its own key after
// reading the map is not "computed from" the map).
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

task<std::vector<int>> broadcast(std::map<int, int> members);
struct Probe {
  int delta;
  int weight;
};
task<Probe> probe(int id);

class Room {
public:
  task<void> sweep() {
    std::map<int, int> snapshot;
    {
      std::lock_guard<std::mutex> lk(mu_);
      snapshot = names_;
    }
    std::vector<int> dead = co_await broadcast(snapshot);
    std::lock_guard<std::mutex> lk(mu_);
    for (int id : dead)
      names_.erase(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'names_' is written under 'mu_' based on 'names_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  task<void> bound(int id) {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = score_;
    }
    auto [delta, weight] = co_await probe(seen);
    std::lock_guard<std::mutex> lk(mu_);
    score_ = delta * weight;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'score_' is written under 'mu_' based on 'score_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  // A list fetched after the suspension: nothing stale.
  task<void> sweep_fresh() {
    co_await send(0);
    std::lock_guard<std::mutex> lk(mu_);
    for (int id : members_)
      names_.erase(id);
  }

  // A snapshot iterated without the suspension in between: nothing stale.
  task<void> sweep_at_once() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      std::vector<int> quiet = members_;
      for (int id : quiet)
        names_.erase(id);
    }
    co_await send(1);
  }

  // The lambda's map is captured by reference: its own key's erase and
  // emplace are not computed from the earlier read of the map.
  task<void> session(int my_id) {
    auto handler = [&]() -> task<void> {
      int name;
      {
        std::lock_guard<std::mutex> lk(mu_);
        name = names_.at(my_id);
      }
      co_await send(name);
      std::lock_guard<std::mutex> lk(mu_);
      names_.erase(my_id);
      names_.emplace(my_id + 1, 0);
    };
    co_await handler();
  }

  // The same capture, written from the stale read: reported as on a member.
  task<void> session_stale(int my_id) {
    auto handler = [&]() -> task<void> {
      int name;
      {
        std::lock_guard<std::mutex> lk(mu_);
        name = names_.at(my_id);
      }
      co_await send(name);
      std::lock_guard<std::mutex> lk(mu_);
      names_.emplace(my_id + 1, name);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'names_' is written under 'mu_' based on 'names_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    };
    co_await handler();
  }

private:
  std::mutex mu_;
  std::vector<int> members_;
  std::map<int, int> names_;
  int score_ = 0;
};
