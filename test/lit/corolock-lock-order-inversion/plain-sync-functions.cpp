// Plain functions of the main file count too: sync code that takes two
// std::mutexes in opposite orders deadlocks two threads.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"

struct Cache {
  std::mutex map_mu;
  std::mutex lru_mu;
  int size = 0;
  void insert() {
    std::lock_guard<std::mutex> m(map_mu);
    std::lock_guard<std::mutex> l(lru_mu);
    ++size;
  }
  void evict() {
    lru_mu.lock();
    map_mu.lock();
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: mutex 'Cache::map_mu' is locked while 'Cache::lru_mu' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: lock them in one order everywhere, or together with std::scoped_lock
    // CHECK-NOTES: :[[@LINE-9]]:33: note: 'map_mu' locked here in 'Cache::insert'
    // CHECK-NOTES: :[[@LINE-9]]:33: note: then 'lru_mu' locked here while 'map_mu' is held
    // CHECK-NOTES: :[[@LINE-6]]:12: note: 'lru_mu' locked here in 'Cache::evict'
    // CHECK-NOTES: :[[@LINE-6]]:12: note: then 'map_mu' locked here while 'lru_mu' is held
    --size;
    map_mu.unlock();
    lru_mu.unlock();
  }
  void evict_fixed() {
    std::lock_guard<std::mutex> m(map_mu);
    std::lock_guard<std::mutex> l(lru_mu);
  }
};
