folly::coro::Mutex m;
int counter;
task<void> inc() {
  co_await m.co_lock();
  ++counter;
  m.unlock();
}
