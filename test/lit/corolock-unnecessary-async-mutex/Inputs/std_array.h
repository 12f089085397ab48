// Minimal std::array for the lock-striping fixtures.
#pragma once

namespace std {
template <typename T, unsigned long N> struct array {
  T elems[N];
  T &operator[](unsigned long i) { return elems[i]; }
  const T &operator[](unsigned long i) const { return elems[i]; }
  constexpr unsigned long size() const { return N; }
};
} // namespace std
