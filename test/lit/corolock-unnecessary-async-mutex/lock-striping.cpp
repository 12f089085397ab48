// Lock striping: the async mutexes of an array or container (a C array, a
// std::array, a std::vector), indexed by a key's hash or by a loop variable,
// are one family by declaration, judged like one mutex: reported at the
// array's declaration when no element's section suspends ('stripes_',
// 'counters_', 'shards_'), not when one does ('slots_', 'buckets_'), nor
// when an element escapes ('leases_').
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -isystem %S/Inputs

#include <std_array.h>
#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "libcoro_mutex.h"
#include "std_containers.h"
#include "task.h"

unsigned long hash_key(int key);
void watch(folly::coro::Mutex &m);

// folly::coro style, std::array of mutexes indexed by the key's hash.
class StripedCache {
  static constexpr unsigned long kStripes = 16;
  std::array<folly::coro::Mutex, kStripes> stripes_;
  // CHECK-NOTES: :[[@LINE-1]]:44: warning: async mutex 'stripes_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:44: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  std::array<folly::coro::Mutex, kStripes> slots_;
  std::array<folly::coro::Mutex, kStripes> leases_;
  int values_[kStripes] = {};

public:
  task<void> put(int key, int value) {
    auto lk = co_await stripes_[hash_key(key) % kStripes].co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'stripes_' locked here and released without suspending
    values_[hash_key(key) % kStripes] = value;
  }

  task<void> clear() {
    for (unsigned long i = 0; i < stripes_.size(); ++i) {
      auto lk = co_await stripes_[i].co_scoped_lock();
      // CHECK-NOTES: :[[@LINE-1]]:12: note: async mutex 'stripes_' locked here and released without suspending
      values_[i] = 0;
    }
  }

  task<void> fill(int key) {
    auto lk = co_await slots_[hash_key(key) % kStripes].co_scoped_lock();
    ++values_[0];
  }

  task<void> refill(int key) {
    auto lk = co_await slots_[hash_key(key) % kStripes].co_scoped_lock();
    values_[0] = co_await fetch(key);
  }

  task<void> renew(int key) {
    auto lk = co_await leases_[hash_key(key) % kStripes].co_scoped_lock();
    ++values_[1];
  }

  void start() { watch(leases_[0]); }
};

// libcoro style, C arrays. One bucket is locked by hand, at a run-time
// index, across an await: the family is not reported.
coro::mutex buckets_[8];
coro::mutex counters_[4];
// CHECK-NOTES: :[[@LINE-1]]:13: warning: async mutex 'counters_' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:13: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int counts[8];

coro::task<void> count(int key) {
  auto lk = co_await counters_[hash_key(key) % 4].scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'counters_' locked here and released without suspending
  counts[hash_key(key) % 4] += key;
  compute(counts[hash_key(key) % 4]);
}

coro::task<void> add(int key) {
  auto lk = co_await buckets_[hash_key(key) % 8].scoped_lock();
  counts[hash_key(key) % 8] += key;
}

coro::task<void> publish(int key) {
  unsigned long b = hash_key(key) % 8;
  co_await buckets_[b].lock();
  co_await send(counts[b]);
  buckets_[b].unlock();
}

// cppcoro style, a std::vector of mutexes, one per shard.
std::vector<cppcoro::async_mutex> shards_;
// CHECK-NOTES: :[[@LINE-1]]:35: warning: async mutex 'shards_' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:35: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md

task<void> touch_shard(int key) {
  auto lk = co_await shards_[hash_key(key) % shards_.size()].scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'shards_' locked here and released without suspending
  compute(key);
}
