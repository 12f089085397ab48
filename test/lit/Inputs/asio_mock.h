// Minimal Asio for corolock fixtures, as standalone Asio (namespace asio) and
// as Boost.Asio (namespace boost::asio), spelled as in Asio's C++20 coroutine
// support:
//   co_await sock.async_read_some(asio::buffer(p, n), asio::use_awaitable);
//   co_await asio::async_write(sock, asio::buffer(p, n), asio::use_awaitable);
//   co_await timer.async_wait(asio::use_awaitable);
// Coroutines return asio::awaitable<T>. Only declarations: the async_*
// operations are not coroutines defined in the translation unit.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

namespace std::chrono {
struct steady_clock {};
} // namespace std::chrono

namespace asio {
#include "asio_mock_body.inc"
} // namespace asio

namespace boost::asio {
#include "asio_mock_body.inc"
} // namespace boost::asio
