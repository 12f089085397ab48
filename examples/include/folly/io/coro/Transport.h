// A stand-in for folly::coro::Transport (folly/io/coro/Transport.h) with the
// same shape: read() and write() return tasks that complete when the socket
// has data or has taken the bytes, so awaiting them waits for the network.
// Declared, not defined; enough for the examples to compile.
#pragma once

#include <chrono>
#include <cstddef>
#include <span>
#include <string_view>

#include "task.h"

namespace folly::coro {

class Transport {
public:
  task<std::size_t> read(std::span<char> buf,
                         std::chrono::milliseconds timeout = {});
  task<void> write(std::string_view data,
                   std::chrono::milliseconds timeout = {});
};

} // namespace folly::coro
