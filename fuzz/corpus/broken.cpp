std::mutex mu;
task<void> f() {
  std::lock_guard<std::mutex> lk(mu;
  co_await send(1)
  co_await no_such(2);
}
task<void> g() { std::lock_guard<std::mutex> lk(mu); co_await send(3); }
