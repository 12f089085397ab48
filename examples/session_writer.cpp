// A server pushes frames to each connected client and answers status queries
// about the session. Session guards its counters and the socket with one
// folly::coro::Mutex, so a status query waits until the frame being sent has
// reached the network, however slow the client reads; corolock reports the
// write. SessionFixed gives the counters a std::mutex and the writes their
// own async mutex (FrameWriter), which serializes the writes on purpose and
// is not reported.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "folly/coro/Mutex.h"
#include "folly/io/coro/Transport.h"
#include "task.h"

struct SessionStatus {
  long frames_sent = 0;
  bool closed = false;
};

class Session {
public:
  // Reported: mu_ stays locked while the frame is written to the network.
  task<void> send(std::string frame) {
    auto lk = co_await mu_.co_scoped_lock();
    ++frames_sent_;
    co_await transport_.write(frame);
  }

  // The short critical section that waits behind send()'s write.
  task<SessionStatus> status() {
    auto lk = co_await mu_.co_scoped_lock();
    co_return SessionStatus{frames_sent_, closed_};
  }

private:
  folly::coro::Mutex mu_;
  long frames_sent_ = 0;
  bool closed_ = false;
  folly::coro::Transport transport_;
};

// Not reported: every critical section on write_mu_ waits for the network.
// The mutex exists to keep frames from interleaving on one stream, and
// nothing else waits for it.
class FrameWriter {
public:
  explicit FrameWriter(folly::coro::Transport &transport)
      : transport_(transport) {}

  task<void> write(std::string frame) {
    auto lk = co_await write_mu_.co_scoped_lock();
    co_await transport_.write(frame);
  }

  task<void> write_batch(std::vector<std::string> frames) {
    auto lk = co_await write_mu_.co_scoped_lock();
    for (const std::string &frame : frames)
      co_await transport_.write(frame);
  }

private:
  folly::coro::Mutex write_mu_;
  folly::coro::Transport &transport_;
};

// Fix: the counters get a std::mutex, released before the write; the writes
// are serialized by FrameWriter's own mutex. A status query no longer waits
// for the network.
class SessionFixed {
public:
  explicit SessionFixed(folly::coro::Transport &transport)
      : writer_(transport) {}

  task<void> send(std::string frame) {
    {
      std::lock_guard<std::mutex> lk(state_mu_);
      ++frames_sent_;
    }
    co_await writer_.write(std::move(frame));
  }

  SessionStatus status() {
    std::lock_guard<std::mutex> lk(state_mu_);
    return SessionStatus{frames_sent_, closed_};
  }

private:
  std::mutex state_mu_;
  long frames_sent_ = 0;
  bool closed_ = false;
  FrameWriter writer_;
};
