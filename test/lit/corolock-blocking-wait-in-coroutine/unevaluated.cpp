// Calls in unevaluated operands (decltype, sizeof, noexcept, a typeid of a
// non-polymorphic type, a requires-expression) never run.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <future>
#include <typeinfo>

task<std::size_t> sizes(std::future<int> &f) {
  decltype(f.get()) copy = 0;
  std::size_t n = sizeof(f.get());
  bool quiet = noexcept(f.wait());
  auto &type = typeid(f.get());
  bool has = requires { f.get(); };
  co_return n + copy + quiet + has + type.name()[0];
}
