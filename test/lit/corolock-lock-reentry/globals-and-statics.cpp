// A global or static mutex is the same object in every function, whatever
// object a member call is made on.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex g_mu;

class Logger {
public:
  void write(int line) {
    std::lock_guard<std::mutex> g(s_mu);
    last_ = line;
  }
  void flush() { std::lock_guard<std::mutex> g(g_mu); }
  static std::mutex s_mu;

private:
  int last_ = 0;
};
std::mutex Logger::s_mu;

task<void> logs(Logger &other) {
  std::lock_guard<std::mutex> g(Logger::s_mu);
  other.write(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Logger::write' locks sync mutex 's_mu', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

task<void> flushes(Logger &other) {
  std::lock_guard<std::mutex> g(g_mu);
  other.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Logger::flush' locks sync mutex 'g_mu', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

task<void> static_local() {
  static std::mutex once;
  std::lock_guard<std::mutex> a(once);
  std::unique_lock<std::mutex> b(once);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: sync mutex 'once' is locked again while this coroutine holds it [corolock-lock-reentry]
  co_return;
}
