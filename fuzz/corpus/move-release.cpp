std::mutex mu;
void keep(std::unique_lock<std::mutex>);
task<void> f() {
  std::unique_lock<std::mutex> a(mu), b;
  b = std::move(a);
  co_await send(1);
  b.release();
  keep(std::move(b));
  co_await send(2);
}
