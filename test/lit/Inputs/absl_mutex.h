// Minimal absl::Mutex and its guards for corolock fixtures.
#pragma once

namespace absl {
class Mutex {
public:
  void Lock();
  void Unlock();
  bool TryLock();
  void ReaderLock();
  void ReaderUnlock();
};

class MutexLock {
public:
  explicit MutexLock(Mutex *mu);
  MutexLock(const MutexLock &) = delete;
  ~MutexLock();
};

class ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu);
  ReaderMutexLock(const ReaderMutexLock &) = delete;
  ~ReaderMutexLock();
};

class ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex *mu);
  ReleasableMutexLock(const ReleasableMutexLock &) = delete;
  ~ReleasableMutexLock();
  void Release();
};
} // namespace absl
