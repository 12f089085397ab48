// A chat server in the shape of a folly::coro service: rooms of sessions,
// each session reading frames from its transport and broadcasting them;
// statistics behind a std::mutex, room membership behind an async mutex.
#include "bench_libs.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chat {

using folly::coro::Task;
using namespace std::chrono_literals;

struct Frame {
  enum class Kind : std::uint8_t { Join, Leave, Text, Ping } kind;
  std::string room;
  std::string body;
};

std::optional<Frame> parseFrame(std::string_view data) {
  if (data.size() < 2)
    return std::nullopt;
  Frame f;
  switch (data[0]) {
  case 'J':
    f.kind = Frame::Kind::Join;
    break;
  case 'L':
    f.kind = Frame::Kind::Leave;
    break;
  case 'T':
    f.kind = Frame::Kind::Text;
    break;
  case 'P':
    f.kind = Frame::Kind::Ping;
    break;
  default:
    return std::nullopt;
  }
  auto sep = data.find(':', 1);
  if (sep == std::string_view::npos)
    return std::nullopt;
  f.room = std::string(data.substr(1, sep - 1));
  f.body = std::string(data.substr(sep + 1));
  return f;
}

std::string encodeFrame(const Frame &f) {
  std::ostringstream os;
  os << "TJLP"[static_cast<int>(f.kind)] << f.room << ':' << f.body;
  return os.str();
}

class Session;

struct Stats {
  std::uint64_t framesIn = 0;
  std::uint64_t framesOut = 0;
  std::uint64_t bytesIn = 0;
  std::uint64_t dropped = 0;
  std::map<std::string, std::uint64_t> perRoom;
};

class Server {
public:
  Task<void> join(const std::string &room, std::shared_ptr<Session> s);
  Task<void> leave(const std::string &room, const Session *s);
  Task<void> broadcast(const Frame &f, const Session *from);
  Task<std::vector<std::string>> roomNames();
  Task<void> countFrame(const Frame &f, std::size_t bytes);
  Task<void> reportStats(folly::coro::Transport &out);
  Stats snapshot() const {
    std::lock_guard<std::mutex> lk(statsMu_);
    return stats_;
  }

private:
  folly::coro::SharedMutex roomsMu_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<Session>>> rooms_;
  mutable std::mutex statsMu_;
  Stats stats_;
};

class Session : public std::enable_shared_from_this<Session> {
public:
  Session(Server &server, std::unique_ptr<folly::coro::Transport> t)
      : server_(server), transport_(std::move(t)) {}

  Task<void> run();
  Task<void> send(std::string payload);
  const std::string &name() const { return name_; }

private:
  Task<void> handle(Frame f);

  Server &server_;
  std::unique_ptr<folly::coro::Transport> transport_;
  folly::coro::Mutex writeMu_;
  std::string name_;
  std::unordered_set<std::string> joined_;
  std::chrono::steady_clock::time_point lastSeen_;
};

Task<void> Server::join(const std::string &room, std::shared_ptr<Session> s) {
  auto lk = co_await roomsMu_.co_scoped_lock();
  auto &members = rooms_[room];
  if (std::find(members.begin(), members.end(), s) == members.end())
    members.push_back(std::move(s));
}

Task<void> Server::leave(const std::string &room, const Session *s) {
  auto lk = co_await roomsMu_.co_scoped_lock();
  auto it = rooms_.find(room);
  if (it == rooms_.end())
    co_return;
  auto &members = it->second;
  members.erase(std::remove_if(members.begin(), members.end(),
                               [s](const auto &m) { return m.get() == s; }),
                members.end());
  if (members.empty())
    rooms_.erase(it);
}

Task<void> Server::broadcast(const Frame &f, const Session *from) {
  std::vector<std::shared_ptr<Session>> targets;
  {
    auto lk = co_await roomsMu_.co_scoped_lock_shared();
    auto it = rooms_.find(f.room);
    if (it == rooms_.end())
      co_return;
    for (const auto &m : it->second)
      if (m.get() != from)
        targets.push_back(m);
  }
  std::string payload = encodeFrame(f);
  for (auto &t : targets) {
    try {
      co_await t->send(payload);
    } catch (const std::system_error &e) {
      std::lock_guard<std::mutex> lk(statsMu_);
      ++stats_.dropped;
    }
  }
  std::lock_guard<std::mutex> lk(statsMu_);
  stats_.framesOut += targets.size();
}

Task<std::vector<std::string>> Server::roomNames() {
  auto lk = co_await roomsMu_.co_scoped_lock_shared();
  std::vector<std::string> names;
  names.reserve(rooms_.size());
  for (const auto &[name, members] : rooms_)
    names.push_back(name);
  std::sort(names.begin(), names.end());
  co_return names;
}

Task<void> Server::countFrame(const Frame &f, std::size_t bytes) {
  std::lock_guard<std::mutex> lk(statsMu_);
  ++stats_.framesIn;
  stats_.bytesIn += bytes;
  ++stats_.perRoom[f.room];
  co_return;
}

// The statistics report is written while the stats lock is held: the
// finding this service's reviewers should see.
Task<void> Server::reportStats(folly::coro::Transport &out) {
  std::lock_guard<std::mutex> lk(statsMu_);
  std::ostringstream os;
  os << "in=" << stats_.framesIn << " out=" << stats_.framesOut
     << " bytes=" << stats_.bytesIn << " dropped=" << stats_.dropped << '\n';
  for (const auto &[room, n] : stats_.perRoom)
    os << room << ' ' << n << '\n';
  std::string text = os.str();
  co_await out.write(std::span<const char>(text.data(), text.size()));
}

Task<void> Session::send(std::string payload) {
  // One write at a time per transport: a serialization lock.
  auto lk = co_await writeMu_.co_scoped_lock();
  co_await transport_->write(
      std::span<const char>(payload.data(), payload.size()));
}

Task<void> Session::handle(Frame f) {
  switch (f.kind) {
  case Frame::Kind::Join:
    if (joined_.insert(f.room).second)
      co_await server_.join(f.room, shared_from_this());
    break;
  case Frame::Kind::Leave:
    if (joined_.erase(f.room))
      co_await server_.leave(f.room, this);
    break;
  case Frame::Kind::Text:
    if (!joined_.count(f.room)) {
      co_await send(encodeFrame({Frame::Kind::Text, f.room, "not joined"}));
      break;
    }
    co_await server_.broadcast(f, this);
    break;
  case Frame::Kind::Ping:
    co_await send("P:pong");
    break;
  }
}

Task<void> Session::run() {
  std::vector<char> buf(4096);
  std::string pending;
  for (;;) {
    std::size_t n = 0;
    try {
      n = co_await transport_->read(std::span<char>(buf.data(), buf.size()),
                                    30s);
    } catch (const std::system_error &) {
      break;
    }
    if (n == 0)
      break;
    lastSeen_ = std::chrono::steady_clock::now();
    pending.append(buf.data(), n);
    std::size_t pos;
    while ((pos = pending.find('\n')) != std::string::npos) {
      std::string line = pending.substr(0, pos);
      pending.erase(0, pos + 1);
      auto frame = parseFrame(line);
      if (!frame) {
        co_await send("T:error:bad frame");
        continue;
      }
      co_await server_.countFrame(*frame, line.size());
      co_await handle(std::move(*frame));
    }
  }
  for (const auto &room : joined_)
    co_await server_.leave(room, this);
  transport_->close();
}

Task<void> idleReaper(Server &server,
                      std::vector<std::weak_ptr<Session>> &sessions,
                      std::mutex &sessionsMu) {
  for (int round = 0; round < 1000; ++round) {
    co_await folly::coro::sleep(1000ms);
    std::vector<std::shared_ptr<Session>> alive;
    {
      std::lock_guard<std::mutex> lk(sessionsMu);
      for (auto &w : sessions)
        if (auto s = w.lock())
          alive.push_back(std::move(s));
      sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                    [](auto &w) { return w.expired(); }),
                     sessions.end());
    }
    Stats s = server.snapshot();
    if (s.dropped > 100)
      std::fprintf(stderr, "%zu sessions, %llu dropped\n", alive.size(),
                   static_cast<unsigned long long>(s.dropped));
  }
}

} // namespace chat
