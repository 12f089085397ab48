// Mutexes are identified by declaration: a member mutex is one mutex for all
// objects of its class, so orders taken on two different objects count as
// one mutex's, which may over-report. RequireSameObject keeps only orders
// between mutexes of the object the function runs on (members through
// `this`) and globals.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-lock-order-inversion %s -- %mocks
// RUN: %check_corolock --check-suffix=SAME --config="{CheckOptions: {corolock-lock-order-inversion.RequireSameObject: true}}" corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Node {
  std::mutex mu;
  std::mutex data_mu;
  int v = 0;
  void own_order() {
    std::lock_guard<std::mutex> a(mu);
    std::lock_guard<std::mutex> b(data_mu);
  }
  void other_order(Node &other) {
    std::lock_guard<std::mutex> a(other.data_mu);
    std::lock_guard<std::mutex> b(other.mu);
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:33: warning: mutex 'Node::mu' is locked while 'Node::data_mu' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  }
};

std::mutex g1, g2;
void g12() {
  std::lock_guard<std::mutex> a(g1);
  std::lock_guard<std::mutex> b(g2);
}
void g21() {
  std::lock_guard<std::mutex> a(g2);
  std::lock_guard<std::mutex> b(g1);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:31: warning: mutex 'g1' is locked while 'g2' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  // CHECK-MESSAGES-SAME: :[[@LINE-2]]:31: warning: mutex 'g1' is locked while 'g2' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}
