// Plain functions of a header: followed when the main file calls them under a
// lock, but their own orders are not collected (another file may own them).
#pragma once
#include "std_mutex.h"

inline std::mutex h1, h2, h3;
inline void lock_h2() { std::lock_guard<std::mutex> g(h2); }
inline void h1_then_h2() {
  std::lock_guard<std::mutex> g(h1);
  std::lock_guard<std::mutex> h(h2);
}
inline void h3_then_h1() {
  std::lock_guard<std::mutex> g(h3);
  std::lock_guard<std::mutex> h(h1);
}
