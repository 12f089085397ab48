// Minimal boost::mutex and its guards for corolock fixtures.
#pragma once

namespace boost {
class mutex {
public:
  void lock();
  bool try_lock();
  void unlock();
};

struct defer_lock_t {};
inline constexpr defer_lock_t defer_lock{};

template <typename M> class lock_guard {
public:
  explicit lock_guard(M &m);
  lock_guard(const lock_guard &) = delete;
  ~lock_guard();
};

template <typename M> class unique_lock {
public:
  explicit unique_lock(M &m);
  unique_lock(M &m, defer_lock_t);
  ~unique_lock();
  void lock();
  void unlock();
};
} // namespace boost
