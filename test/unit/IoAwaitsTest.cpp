//===--- IoAwaitsTest.cpp - Suspension points that wait for I/O -----------===//
//
// IoAwaitClassifier: the presets per library, the IoFunctions option, and
// coroutines followed to the I/O they await. The library APIs are minimal
// mocks written into each snippet, spelled as in their libraries. Line
// numbers are relative to the snippet: the empty line after `R"cpp(` is
// line 1.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "IoAwaits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

//===----------------------------------------------------------------------===//
// Presets
//===----------------------------------------------------------------------===//

// Asio: async_* free functions, and async_* members of its (template)
// classes; other calls are no I/O.
TEST(IoAwaitsPreset, Asio) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio {
namespace ip { struct tcp {}; }
template <typename Protocol> struct basic_stream_socket {
  task<int> async_read_some(int buffer);
  task<int> available();
};
using socket = basic_stream_socket<ip::tcp>;
struct steady_timer { task<void> async_wait(); };
template <typename Stream> task<int> async_write(Stream &s, int buffer);
task<int> post();
}
task<void> f(asio::socket &sock, asio::steady_timer &timer) {
  co_await sock.async_read_some(1);
  co_await asio::async_write(sock, 2);
  co_await timer.async_wait();
  co_await sock.available();
  co_await asio::post();
  co_await send(3);
}
)cpp",
                       "f"),
              ElementsAre("L14: asio::basic_stream_socket<asio::ip::tcp>::"
                          "async_read_some",
                          "L15: asio::async_write",
                          "L16: asio::steady_timer::async_wait", "L17: -",
                          "L18: -", "L19: -"));
}

// Boost.Asio is Asio in namespace boost.
TEST(IoAwaitsPreset, BoostAsio) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace boost::asio {
struct serial_port { task<int> async_write_some(int); };
task<int> async_connect(serial_port &, int);
}
task<void> f(boost::asio::serial_port &port) {
  co_await port.async_write_some(1);
  co_await boost::asio::async_connect(port, 2);
}
)cpp",
                       "f"),
              ElementsAre("L7: boost::asio::serial_port::async_write_some",
                          "L8: boost::asio::async_connect"));
}

// cppcoro: socket operations, file reads and writes, timers.
TEST(IoAwaitsPreset, Cppcoro) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace cppcoro {
namespace net {
struct socket {
  task<void> connect(int);
  task<int> send(int);
  task<int> recv(int);
  task<int> recv_from(int);
  int local_endpoint();
};
}
struct readable_file { task<int> read(long, int); };
struct read_only_file : readable_file {};
struct io_service { task<void> schedule_after(int); task<void> schedule(); };
}
task<void> f(cppcoro::net::socket &s, cppcoro::read_only_file &file,
             cppcoro::io_service &io) {
  co_await s.connect(1);
  co_await s.send(2);
  co_await s.recv(3);
  co_await s.recv_from(4);
  co_await file.read(0, 5);
  co_await io.schedule_after(6);
  co_await io.schedule();
}
)cpp",
                       "f"),
              ElementsAre("L18: cppcoro::net::socket::connect",
                          "L19: cppcoro::net::socket::send",
                          "L20: cppcoro::net::socket::recv",
                          "L21: cppcoro::net::socket::recv_from",
                          "L22: cppcoro::readable_file::read",
                          "L23: cppcoro::io_service::schedule_after",
                          "L24: -"));
}

// libcoro: network clients' waits and the I/O scheduler's polls and timers
// (io_scheduler, named scheduler in newer releases).
TEST(IoAwaitsPreset, Libcoro) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace coro {
namespace net::tcp {
struct client {
  task<int> connect(int timeout);
  task<int> poll(int op, int timeout);
};
}
struct io_scheduler {
  task<void> schedule();
  task<void> schedule_after(int);
  task<void> yield_for(int);
  task<int> poll(int fd, int op);
};
struct scheduler { task<void> yield_until(int); };
}
task<void> f(coro::net::tcp::client &c, coro::io_scheduler &s,
             coro::scheduler &newer) {
  co_await c.connect(1);
  co_await c.poll(1, 2);
  co_await s.schedule();
  co_await s.schedule_after(3);
  co_await s.yield_for(4);
  co_await s.poll(5, 1);
  co_await newer.yield_until(6);
}
)cpp",
                       "f"),
              ElementsAre("L19: coro::net::tcp::client::connect",
                          "L20: coro::net::tcp::client::poll", "L21: -",
                          "L22: coro::io_scheduler::schedule_after",
                          "L23: coro::io_scheduler::yield_for",
                          "L24: coro::io_scheduler::poll",
                          "L25: coro::scheduler::yield_until"));
}

// folly::coro: sleeping, transports and sockets (also through their
// interface, TransportIf); async_simple: sleeping.
TEST(IoAwaitsPreset, FollyAndAsyncSimple) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace folly::coro {
task<void> sleep(int);
task<void> sleepReturnEarlyOnCancel(int);
task<void> co_reschedule_on_current_executor();
struct TransportIf { virtual task<int> read(int) = 0; };
struct Transport : TransportIf {
  task<int> read(int) override;
  task<int> write(int);
};
struct ServerSocket { task<Transport> accept(); };
}
namespace async_simple::coro { task<void> sleep(int); }
task<void> f(folly::coro::Transport &t, folly::coro::TransportIf &i,
             folly::coro::ServerSocket &server) {
  co_await folly::coro::sleep(1);
  co_await folly::coro::sleepReturnEarlyOnCancel(2);
  co_await folly::coro::co_reschedule_on_current_executor();
  co_await t.read(3);
  co_await t.write(4);
  co_await i.read(5);
  co_await server.accept();
  co_await async_simple::coro::sleep(6);
}
)cpp",
                       "f"),
              ElementsAre("L16: folly::coro::sleep",
                          "L17: folly::coro::sleepReturnEarlyOnCancel",
                          "L18: -", "L19: folly::coro::Transport::read",
                          "L20: folly::coro::Transport::write",
                          "L21: folly::coro::TransportIf::read",
                          "L22: folly::coro::ServerSocket::accept",
                          "L23: async_simple::coro::sleep"));
}

// concurrencpp: delays on a timer queue.
TEST(IoAwaitsPreset, Concurrencpp) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace concurrencpp {
struct executor {};
struct timer_queue {
  task<void> make_delay_object(int ms, executor *ex);
  task<void> make_timer(int due, int frequency, executor *ex);
};
}
task<void> f(concurrencpp::timer_queue &q, concurrencpp::executor *ex) {
  co_await q.make_delay_object(10, ex);
  co_await q.make_timer(1, 2, ex);
}
)cpp",
                       "f"),
              ElementsAre("L10: concurrencpp::timer_queue::make_delay_object",
                          "L11: -"));
}

// The awaited callee is looked for through member calls on the awaitable a
// call returned: `co_await op(x).via(ex)` awaits op's I/O.
TEST(IoAwaits, ThroughMemberCallsOnTheAwaitable) {
  EXPECT_THAT(
      ioAwaits(R"cpp(
struct Executor {};
struct Op : task<int> { Op via(Executor &); Op scheduleOn(Executor &); };
namespace folly::coro { Op sleep(int); }
Op compute_async(int);
task<void> f(Executor &ex) {
  co_await folly::coro::sleep(1).via(ex);
  co_await folly::coro::sleep(2).scheduleOn(ex).via(ex);
  co_await compute_async(3).via(ex);
}
)cpp",
               "f"),
      ElementsAre("L7: folly::coro::sleep", "L8: folly::coro::sleep", "L9: -"));
}

//===----------------------------------------------------------------------===//
// The IoFunctions option
//===----------------------------------------------------------------------===//

// IoFunctions extends the presets with regexes over qualified function
// names, anchored at both ends; a leading `::` is optional.
TEST(IoAwaits, IoFunctionsOption) {
  const char *Code = R"cpp(
namespace acme {
struct HttpClient { task<int> get(int); task<int> get_cached(int); };
task<int> query_db(int);
}
namespace asio { task<int> async_write(int); }
task<void> f(acme::HttpClient &http) {
  co_await http.get(1);
  co_await http.get_cached(2);
  co_await acme::query_db(3);
  co_await asio::async_write(4);
}
)cpp";
  EXPECT_THAT(ioAwaits(Code, "f"), ElementsAre("L8: -", "L9: -", "L10: -",
                                               "L11: asio::async_write"));
  EXPECT_THAT(ioAwaits(Code, "f", "::acme::HttpClient::get; acme::query_.*"),
              ElementsAre("L8: acme::HttpClient::get", "L9: -",
                          "L10: acme::query_db", "L11: asio::async_write"));
}

// A member of a class template specialization is named with its template
// arguments (not the defaulted ones): `acme::Client::get` does not match
// `acme::Client<acme::Tcp>::get`, `acme::Client<.*>::get` does.
TEST(IoAwaits, IoFunctionsOnClassTemplateMembers) {
  const char *Code = R"cpp(
namespace acme {
struct Tcp {};
struct Retry {};
template <typename Transport, typename Policy = Retry> struct Client {
  task<int> get(int);
};
}
task<void> f(acme::Client<acme::Tcp> &c) { co_await c.get(1); }
)cpp";
  EXPECT_THAT(ioAwaits(Code, "f", "acme::Client::get"), ElementsAre("L9: -"));
  EXPECT_THAT(ioAwaits(Code, "f", "acme::Client<.*>::get"),
              ElementsAre("L9: acme::Client<acme::Tcp>::get"));
}

// An invalid regex is an error that names the option and the pattern.
TEST(IoAwaits, InvalidIoFunctions) {
  auto Suspensions = llvm::cantFail(SuspensionPointClassifier::create(""));
  auto Io = IoAwaitClassifier::create("acme::get;acme::(put", Suspensions);
  ASSERT_FALSE(static_cast<bool>(Io));
  std::string Message = llvm::toString(Io.takeError());
  EXPECT_THAT(Message, HasSubstr("'IoFunctions'"));
  EXPECT_THAT(Message, HasSubstr("'acme::(put'"));
  EXPECT_THAT(ioAwaits("task<void> f() { co_await send(1); }", "f", "a[b"),
              ElementsAre(HasSubstr("in option 'IoFunctions'")));
}

// An awaited I/O operation that never suspends is no suspension point, so
// never classified.
TEST(IoAwaits, NonSuspendingAwaitables) {
  const char *Code = R"cpp(
namespace asio { struct ready_op : ready_now {}; ready_op async_poll(); }
namespace folly::coro { task<void> sleep(int); }
task<void> f() {
  co_await asio::async_poll();
  co_await folly::coro::sleep(1);
}
)cpp";
  EXPECT_THAT(ioAwaits(Code, "f"), ElementsAre("L6: folly::coro::sleep"));
  EXPECT_THAT(ioAwaits(Code, "f", "", "task"), ElementsAre());
}

//===----------------------------------------------------------------------===//
// Coroutines that await I/O
//===----------------------------------------------------------------------===//

// Awaiting a coroutine of the translation unit that awaits I/O awaits that
// I/O, whichever of its suspension points does; a coroutine only declared,
// or one without I/O, does not.
TEST(IoAwaits, FollowsCoroutines) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { task<int> async_read(int); task<int> async_write(int); }
task<int> read_frame(int fd) {
  co_await send(fd);
  int n = co_await asio::async_read(fd);
  co_await asio::async_write(n);
  co_return n;
}
struct Conn {
  task<int> next() { co_return co_await read_frame(1); }
};
task<int> declared_elsewhere(int);
task<int> no_io(int v) { co_return co_await fetch(v); }
task<void> f(Conn &c) {
  co_await read_frame(2);
  co_await c.next();
  co_await declared_elsewhere(3);
  co_await no_io(4);
  co_await [&]() -> task<void> { co_await read_frame(5); }();
}
)cpp",
                       "f"),
              ElementsAre("L15: asio::async_read", "L16: asio::async_read",
                          "L17: -", "L18: -", "L19: asio::async_read"));
}

// Coroutine templates are followed through their instantiations.
TEST(IoAwaits, FollowsCoroutineTemplates) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { template <typename B> task<int> async_write(B); }
template <typename B> task<void> write_all(B b) {
  co_await asio::async_write(b);
}
task<void> f() {
  co_await write_all(1);
  co_await write_all(2.0);
}
)cpp",
                       "f"),
              ElementsAre("L7: asio::async_write", "L8: asio::async_write"));
}

// Coroutines are followed to any depth: a chain of thirty coroutines leads
// to the I/O.
TEST(IoAwaits, NoDepthBound) {
  std::string Chain = "namespace asio { task<int> async_read(int); }\n"
                      "task<void> c30() { co_await asio::async_read(5); }\n";
  for (int I = 29; I > 0; --I)
    Chain += "task<void> c" + std::to_string(I) + "() { co_await c" +
             std::to_string(I + 1) + "(); }\n";
  Chain += "task<void> f() { co_await c1(); }\n";
  EXPECT_THAT(ioAwaits(Chain, "f"), ElementsAre("L32: asio::async_read"));
}

// Recursive coroutines terminate; a recursive coroutine awaiting I/O after
// its recursive call is found to await it.
TEST(IoAwaits, RecursiveCoroutines) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { task<int> async_connect(int); }
task<void> walk(int n) {
  if (n)
    co_await walk(n - 1);
}
task<void> retry(int n) {
  if (n)
    co_await retry(n - 1);
  co_await asio::async_connect(n);
}
task<void> ping();
task<void> pong() { co_await ping(); }
task<void> ping() { co_await pong(); }
task<void> f() {
  co_await walk(3);
  co_await retry(3);
  co_await ping();
}
)cpp",
                       "f"),
              ElementsAre("L16: -", "L17: asio::async_connect", "L18: -"));
}

// The answer for a coroutine does not depend on the order of the queries:
// c4, looked into through the longer chain first, is found again.
TEST(IoAwaits, MemoizedAnswersAreFinal) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { task<int> async_read(int); }
task<void> c5() { co_await asio::async_read(5); }
task<void> c4() { co_await c5(); }
task<void> c3() { co_await c4(); }
task<void> c2() { co_await c3(); }
task<void> c1() { co_await c2(); }
task<void> f() {
  co_await c1();
  co_await c4();
}
)cpp",
                       "f"),
              ElementsAre("L9: asio::async_read", "L10: asio::async_read"));
}

// In a cycle of coroutines without I/O (loop -> a -> b -> a, and c reaching
// I/O only through d, which is in the cycle d -> e -> d), no answer given
// while the cycle was being looked into is kept when it was wrong.
TEST(IoAwaits, CyclesWithAndWithoutIo) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { task<int> async_read(int); }
task<void> a(int);
task<void> b(int n) { co_await a(n); }
task<void> a(int n) { if (n) co_await b(n - 1); }
task<void> d(int);
task<void> e(int n) { co_await d(n); }
task<void> d(int n) {
  if (n) co_await e(n - 1);
  co_await asio::async_read(n);
}
task<void> f() {
  co_await b(1);
  co_await a(1);
  co_await e(1);
  co_await d(1);
}
)cpp",
                       "f"),
              ElementsAre("L13: -", "L14: -", "L15: asio::async_read",
                          "L16: asio::async_read"));
}

// Nor on recursion: `b` awaits `a`, which awaits I/O after awaiting `b`.
TEST(IoAwaits, RecursionDoesNotPoisonLaterAwaits) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { task<int> async_write(int); }
task<void> a();
task<void> b() { co_await a(); }
task<void> a() {
  co_await b();
  co_await asio::async_write(1);
}
task<void> f() {
  co_await a();
  co_await b();
}
)cpp",
                       "f"),
              ElementsAre("L10: asio::async_write", "L11: asio::async_write"));
}

// ioPath names the suspension points in the awaited coroutines that lead to
// the I/O: none for I/O awaited directly or no I/O; one per coroutine on the
// way, the first suspension point of each that awaits the I/O (its
// definition's, for a member defined out of line).
TEST(IoAwaits, IoPathThroughCoroutines) {
  EXPECT_THAT(ioPaths(R"cpp(
namespace asio { task<int> async_write(int); }
struct Stream {
  task<void> flush();
  task<void> header() {
    co_await send(0);
    co_await asio::async_write(4);
  }
  task<void> frame() {
    co_await header();
    co_await flush();
  }
};
task<void> Stream::flush() { co_await asio::async_write(1); }
task<void> quiet() { co_await fetch(1); }
task<void> f(Stream &s) {
  co_await asio::async_write(2);
  co_await s.flush();
  co_await s.frame();
  co_await quiet();
}
)cpp",
                      "f"),
              ElementsAre("L17: -", "L18: Stream::flush@L14",
                          "L19: Stream::frame@L10 Stream::header@L7",
                          "L20: -"));
}

// The path names every coroutine of a chain, however long.
TEST(IoAwaits, IoPathWholeChain) {
  const char *Chain = R"cpp(
namespace asio { task<int> async_read(int); }
task<void> c5() { co_await asio::async_read(5); }
task<void> c4() { co_await c5(); }
task<void> c3() { co_await c4(); }
task<void> c2() { co_await c3(); }
task<void> c1() { co_await c2(); }
task<void> five() { co_await c1(); }
)cpp";
  EXPECT_THAT(ioPaths(Chain, "five"),
              ElementsAre("L8: c1@L7 c2@L6 c3@L5 c4@L4 c5@L3"));
}

// A hop to the scheduler that lets other tasks run first yields; awaiting a
// task whose body is not visible here, directly or through a coroutine
// defined here, is unknown; a library primitive returning a plain awaiter, a
// coroutine defined here without I/O and a task received as a parameter are
// neither.
TEST(IoAwaits, YieldsAndUnknownCallees) {
  EXPECT_THAT(awaitKinds(R"cpp(
namespace coro { struct thread_pool { sleep_for yield(); sleep_for schedule(); }; }
namespace asio { template <typename E, typename T> task<void> post(E, T); }
task<void> remote();
task<void> relay() { co_await remote(); }
task<void> quiet() { co_return; }
task<void> f(coro::thread_pool &tp, task<void> given) {
  co_await tp.yield();
  co_await asio::post(1, 2);
  co_await remote();
  co_await relay();
  co_await tp.schedule();
  co_await quiet();
  co_await std::move(given);
  co_await fetch(1);
}
)cpp",
                         "f"),
              ElementsAre("L8: yields", "L9: yields", "L10: unknown",
                          "L11: unknown", "L12: -", "L13: -", "L14: -",
                          "L15: unknown"));
}

// Without the body of an awaiter's await_ready() (clangd's preamble), the
// suspension points known to suspend anyway: a task (a type with a
// promise_type), an async mutex's lock operation, a preset I/O operation or
// yield. Not a plain awaiter, nor a call of a function returning one.
TEST(IoAwaits, KnownToSuspend) {
  EXPECT_THAT(knownToSuspend(R"cpp(
namespace cppcoro {
struct async_mutex {
  struct op { bool await_ready(); void await_suspend(std::coroutine_handle<>); void await_resume(); };
  op lock_async();
  void unlock();
};
}
namespace coro { struct thread_pool { sleep_for yield(); }; }
namespace folly::coro { sleep_for sleep(int); }
sleep_for later(int ms) { return sleep_for(ms); }
task<void> f(cppcoro::async_mutex &m, coro::thread_pool &tp) {
  co_await fetch(1);
  co_await m.lock_async();
  co_await folly::coro::sleep(1);
  co_await tp.yield();
  co_await sleep_for(1);
  co_await later(1);
  m.unlock();
}
)cpp",
                             "f"),
              ElementsAre("L13: known", "L14: known", "L15: known",
                          "L16: known", "L17: -", "L18: -"));
}

//===----------------------------------------------------------------------===//
// Awaitables built before they are awaited
//===----------------------------------------------------------------------===//

// A composition of awaitables waits for I/O when one of its parts does:
// Asio's awaitable operators, when_all/when_any, collectAll/collectAny; a
// composition of parts without I/O, or a call of another function with an
// I/O argument, does not.
TEST(IoAwaits, Compositions) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio {
task<int> async_read(int);
task<int> async_wait(int);
namespace experimental::awaitable_operators {
template <typename A, typename B> task<int> operator||(A, B);
template <typename A, typename B> task<int> operator&&(A, B);
}
}
using namespace asio::experimental::awaitable_operators;
namespace folly::coro { template <typename... A> task<int> collectAll(A...); }
namespace cppcoro { template <typename... A> task<int> when_all(A...); }
namespace coro { template <typename... A> task<int> when_any(A...); }
template <typename... A> task<int> other(A...);
task<void> f() {
  co_await (asio::async_read(1) || asio::async_wait(2));
  co_await (fetch(1) && asio::async_wait(2));
  co_await folly::coro::collectAll(fetch(1), asio::async_read(2));
  co_await cppcoro::when_all(asio::async_wait(2));
  co_await coro::when_any(fetch(1), fetch(2));
  co_await other(asio::async_read(1));
}
)cpp",
                       "f"),
              ElementsAre("L16: asio::async_read", "L17: asio::async_wait",
                          "L18: asio::async_read", "L19: asio::async_wait",
                          "L20: -", "L21: -"));
}

// A local variable holding an awaitable is classified by its initializer,
// awaited by name, moved or forwarded; a parameter tells nothing.
TEST(IoAwaits, StoredAwaitables) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio { task<int> async_read(int); }
task<void> f(task<int> given) {
  auto op = asio::async_read(1);
  auto again = std::move(op);
  auto quiet = fetch(2);
  co_await std::move(again);
  co_await op;
  co_await quiet;
  co_await std::move(given);
}
)cpp",
                       "f"),
              ElementsAre("L7: asio::async_read", "L8: asio::async_read",
                          "L9: -", "L10: -"));
}

// A plain function returning another call's awaitable waits for what that
// awaitable waits for; an Asio composed operation (async_compose,
// async_initiate) waits for I/O when its initiation starts an async_*
// operation, and not when it only posts its handler.
TEST(IoAwaits, ComposedOperations) {
  EXPECT_THAT(ioAwaits(R"cpp(
namespace asio {
struct socket {
  template <typename B, typename H> void async_read_some(B, H &&);
};
template <typename H> void post(H &&);
template <typename Token, typename Sig, typename I, typename... A>
task<int> async_compose(I &&, Token &, A &...);
template <typename Token, typename Sig, typename I>
task<int> async_initiate(I &&, Token &);
}
struct use_t {};
template <typename Token> task<int> async_read_frame(asio::socket &s, Token t) {
  return asio::async_compose<Token, void(int)>(
      [&s](auto &self) { s.async_read_some(1, static_cast<decltype(self)>(self)); },
      t, s);
}
template <typename Token> task<int> async_nothing(Token t) {
  return asio::async_initiate<Token, void(int)>(
      [](auto handler) { asio::post(static_cast<decltype(handler)>(handler)); }, t);
}
task<int> read_twice(asio::socket &s) { return async_read_frame(s, use_t{}); }
task<void> f(asio::socket &s) {
  co_await async_read_frame(s, use_t{});
  co_await async_nothing(use_t{});
  co_await read_twice(s);
}
)cpp",
                       "f"),
              ElementsAre("L24: asio::socket::async_read_some", "L25: -",
                          "L26: asio::socket::async_read_some"));
}

//===----------------------------------------------------------------------===//
// The project index
//===----------------------------------------------------------------------===//

// A coroutine defined out of sight awaits what the project index says: its
// I/O (named by the index), nothing long, or, without a fact, what cannot be
// told.
TEST(IoAwaitsIndex, CoroutinesDefinedElsewhere) {
  ParsedCode Parsed(R"cpp(
task<void> relayWrite(int n);
task<void> tally(int n);
task<void> pause(int n);
task<void> unknown(int n);
task<void> f() {
  co_await relayWrite(1);
  co_await tally(2);
  co_await pause(3);
  co_await unknown(4);
}
)cpp");
  ASSERT_FALSE(Parsed.hasErrors());
  auto Suspensions = llvm::cantFail(SuspensionPointClassifier::create(""));
  auto Io = llvm::cantFail(IoAwaitClassifier::create("", Suspensions));
  HeldLockResult Held =
      analyzeHeldLocks(*Parsed.function("f"), Parsed.context(),
                       llvm::cantFail(LockModel::create({})), Suspensions);
  std::vector<const clang::CoroutineSuspendExpr *> Awaits;
  Awaits.reserve(Held.Suspensions.size());
  for (const SuspensionPointLocks &Point : Held.Suspensions)
    Awaits.push_back(Point.Suspension);
  ASSERT_EQ(Awaits.size(), 4u);
  auto Describe = [&] {
    std::vector<std::string> Result;
    Result.reserve(Awaits.size());
    for (const clang::CoroutineSuspendExpr *S : Awaits) {
      IoAwaitClassifier::Awaited What = Io.awaited(S);
      Result.push_back(What.Io        ? IoAwaitClassifier::operationName(What)
                       : What.Unknown ? "unknown"
                                      : "-");
    }
    return Result;
  };
  EXPECT_THAT(Describe(),
              ElementsAre("unknown", "unknown", "unknown", "unknown"));

  ProjectSummary Index;
  // The declarations, as the awaited calls name them.
  auto Fact = [&](llvm::StringRef Name) -> FunctionFact & {
    auto Found = Parsed.context().getTranslationUnitDecl()->lookup(
        &Parsed.context().Idents.get(Name));
    EXPECT_TRUE(Found.isSingleResult());
    return Index.Functions[usrOf(Found.front())];
  };
  Fact("relayWrite").Io = "net::socket::send";
  Fact("tally");
  Fact("pause").MayTakeLong = true;
  Io.useIndex(&Index);
  EXPECT_THAT(Describe(),
              ElementsAre("net::socket::send", "-", "unknown", "unknown"));
  EXPECT_EQ(Io.awaited(Awaits[0]).Elsewhere, &Fact("relayWrite"));
}

} // namespace
} // namespace corolock::test
