std::mutex mu;
task<int> f(int n) {
  std::unique_lock<std::mutex> lk(mu);
  if (n > 0)
    lk.unlock();
  int v = co_await fetch(n);
  co_return v;
}
