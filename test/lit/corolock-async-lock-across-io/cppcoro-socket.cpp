// cppcoro's socket operations are I/O: connect, send and recv are reported
// while a cppcoro::async_mutex is held, whether it was locked by lock_async()
// and adopted by an async_mutex_lock, or locked and unlocked manually.
// io_service::schedule() only moves the coroutine onto an I/O thread and is
// no I/O, so the section that awaits it is a short one;
// io_service::schedule_after() is a timer and is I/O.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "task.h"

cppcoro::io_service io;
cppcoro::async_mutex mu;
cppcoro::net::ip_endpoint server;
char request[128];
char response[128];
int requests = 0;

task<void> call(cppcoro::net::socket &sock) {
  co_await mu.lock_async();
  cppcoro::async_mutex_lock lk(mu, std::adopt_lock);
  co_await sock.connect(server);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::connect') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-5]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+18]]:15: note: a critical section on 'mu' without I/O, which waits behind it
  co_await sock.send(request, sizeof request);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'co_await' also waits for I/O ('cppcoro::net::socket::send') while async mutex 'mu' is held
  co_await sock.recv(response, sizeof response);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'co_await' also waits for I/O ('cppcoro::net::socket::recv') while async mutex 'mu' is held
}

task<void> throttle() {
  co_await mu.lock_async();
  co_await io.schedule_after(std::chrono::milliseconds(50));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::io_service::schedule_after') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+5]]:15: note: a critical section on 'mu' without I/O, which waits behind it
  mu.unlock();
}

task<void> count() {
  co_await mu.lock_async();
  co_await io.schedule();
  ++requests;
  mu.unlock();
}
