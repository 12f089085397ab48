// A service whose async mutexes are declared in a header and locked in
// several translation units (issue 12's project).
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

class Presence {
public:
  task<void> join(int user);
  task<int> count();

private:
  folly::coro::Mutex mu_;
  int users_ = 0;
};

class Relay {
public:
  task<void> bump();
  task<void> flush();

private:
  folly::coro::Mutex mu_;
  int pending_ = 0;
};

task<void> upstreamWrite(int n);
