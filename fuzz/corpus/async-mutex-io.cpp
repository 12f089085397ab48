struct Session {
  folly::coro::Mutex mu_;
  folly::coro::Transport t_;
  int n_ = 0;
  task<void> write(const char *p, int len) {
    auto lk = co_await mu_.co_scoped_lock();
    co_await t_.write(p, len);
  }
  task<int> count() {
    auto lk = co_await mu_.co_scoped_lock();
    co_return n_;
  }
};
