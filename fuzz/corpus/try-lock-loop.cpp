std::mutex a, b;
task<void> f() {
  for (int i = 0; i < 3; ++i) {
    std::unique_lock<std::mutex> lk(a, std::try_to_lock);
    if (!lk.owns_lock())
      continue;
    std::lock(a, b);
    co_yield i;
    b.unlock();
  }
}
