std::mutex mu;
task<void> f(int k) {
  try {
    std::lock_guard<std::mutex> lk(mu);
    switch (k) {
    case 0: co_await send(0); break;
    case 1: mu.unlock(); co_await send(1); break;
    default: break;
    }
  } catch (...) {
    co_await send(2);
  }
}
