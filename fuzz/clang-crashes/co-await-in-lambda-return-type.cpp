// clang 19 dereferences null in Sema::ActOnCoroutineBodyStart on this input,
// parsing alone (clang++-19 -std=c++20 -fsyntax-only; clang 22 reports
// "'co_await' cannot be used in an unevaluated context"). Found by fuzz-smoke.
template <int> struct Constant {};
void f() { []() -> Constant<co_await 1> {}; }
