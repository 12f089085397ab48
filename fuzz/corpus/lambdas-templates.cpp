std::mutex mu;
template <class T> task<void> g(T t) {
  std::scoped_lock lk(mu);
  auto inner = [&]() -> task<void> { co_await send(t); };
  co_await inner();
}
template task<void> g<int>(int);
