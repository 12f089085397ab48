// Minimal <mutex>/<shared_mutex>/<utility> for corolock fixtures.
#pragma once
namespace std {
template <typename T> struct remove_reference { using type = T; };
template <typename T> struct remove_reference<T &> { using type = T; };
template <typename T> struct remove_reference<T &&> { using type = T; };
template <typename T>
constexpr typename remove_reference<T>::type &&move(T &&t) noexcept {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <typename T> void swap(T &a, T &b) noexcept {
  T tmp = move(a);
  a = move(b);
  b = move(tmp);
}

struct mutex {
  void lock();
  bool try_lock();
  void unlock();
};
struct recursive_mutex {
  void lock();
  bool try_lock();
  void unlock();
};
struct timed_mutex {
  void lock();
  bool try_lock();
  void unlock();
};
struct shared_mutex {
  void lock();
  bool try_lock();
  void unlock();
  void lock_shared();
  bool try_lock_shared();
  void unlock_shared();
};

namespace chrono {
template <typename Rep, typename Period = void> struct duration {
  duration(Rep);
};
using milliseconds = duration<long>;
} // namespace chrono

struct defer_lock_t { explicit defer_lock_t() = default; };
struct try_to_lock_t { explicit try_to_lock_t() = default; };
struct adopt_lock_t { explicit adopt_lock_t() = default; };
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};

template <typename M> struct lock_guard {
  explicit lock_guard(M &m);
  lock_guard(M &m, adopt_lock_t);
  ~lock_guard();
  lock_guard(const lock_guard &) = delete;
};

template <typename M> struct unique_lock {
  unique_lock() noexcept;
  explicit unique_lock(M &m);
  unique_lock(M &m, defer_lock_t) noexcept;
  unique_lock(M &m, try_to_lock_t);
  unique_lock(M &m, adopt_lock_t);
  template <typename Rep, typename Period>
  unique_lock(M &m, const chrono::duration<Rep, Period> &);
  unique_lock(unique_lock &&other) noexcept;
  unique_lock &operator=(unique_lock &&other);
  ~unique_lock();
  void lock();
  bool try_lock();
  void unlock();
  void swap(unique_lock &other) noexcept;
  M *release() noexcept;
  bool owns_lock() const noexcept;
  explicit operator bool() const noexcept;
  M *mutex() const noexcept;
};

template <typename M> struct shared_lock {
  shared_lock() noexcept;
  explicit shared_lock(M &m);
  shared_lock(M &m, defer_lock_t) noexcept;
  shared_lock(shared_lock &&other) noexcept;
  ~shared_lock();
  void lock();
  void unlock();
  bool owns_lock() const noexcept;
};

template <typename... Ms> struct scoped_lock {
  explicit scoped_lock(Ms &...ms);
  explicit scoped_lock(adopt_lock_t, Ms &...ms);
  ~scoped_lock();
};

template <typename L1, typename L2, typename... L3>
void lock(L1 &, L2 &, L3 &...);
template <typename L1, typename L2, typename... L3>
int try_lock(L1 &, L2 &, L3 &...);
} // namespace std
