std::mutex mu;
task<void> f() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
}
