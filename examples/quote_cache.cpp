// A market-data service caches stock quotes and fetches missing ones from a
// loader. QuoteCache::price waits for the loader's std::future with get(),
// and price_with_retry backs off with std::this_thread::sleep_for in a
// helper: both block the executor thread the coroutine runs on, so every
// other request served by that thread waits too, and on a single-threaded
// executor a loader that itself runs as a task there can never finish.
// corolock reports both calls. The fixed versions await instead and are not
// reported; a plain function may still block its own thread.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "task.h"

class QuoteLoader {
public:
  std::future<double> load(std::string symbol);
  task<double> load_async(std::string symbol);
};

class QuoteCache {
public:
  // Reported: get() blocks the thread until the loader is done.
  task<double> price(std::string symbol) {
    double quote = loader_.load(symbol).get();
    co_return quote;
  }

  // Reported, through back_off: sleep_for blocks the thread.
  task<double> price_with_retry(std::string symbol, int attempt) {
    back_off(attempt);
    co_return co_await loader_.load_async(symbol);
  }

  // Fixed: awaiting the load suspends, and the thread serves others.
  task<double> price_awaited(std::string symbol) {
    co_return co_await loader_.load_async(symbol);
  }

  // A plain function (a command-line tool's main path) may block.
  double price_blocking(std::string symbol) {
    return loader_.load(symbol).get();
  }

private:
  // Fixed differently, a coroutine would await the executor's timer here
  // (an Asio steady_timer's async_wait, folly::coro::sleep) instead.
  void back_off(int attempt) {
    if (attempt > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(10 << attempt));
  }

  QuoteLoader loader_;
};
