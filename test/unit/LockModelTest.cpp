//===--- LockModelTest.cpp - Which types and calls are locks --------------===//

#include "LockModel.h"
#include "AnalysisTestSupport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::HasSubstr;

LockModel makeModel(const LockModelOptions &Options = {}) {
  return llvm::cantFail(LockModel::create(Options));
}

/// "sync mutex", "async guard", "none", ... for the type of variable \p Var.
std::string describe(ParsedCode &Code, llvm::StringRef Var,
                     const LockModel &Model) {
  if (Code.hasErrors())
    return "parse error";
  clang::QualType T = Code.variableType(Var);
  if (T.isNull())
    return "no variable " + Var.str();
  auto Name = [](LockKind K) { return K == LockKind::Sync ? "sync" : "async"; };
  std::string Result;
  if (auto Kind = Model.mutexKind(T))
    Result = std::string(Name(*Kind)) + " mutex";
  if (auto Kind = Model.guardKind(T))
    Result +=
        (Result.empty() ? "" : ", ") + std::string(Name(*Kind)) + " guard";
  return Result.empty() ? "none" : Result;
}

std::string describe(ParsedCode &Code, llvm::StringRef Var,
                     const LockModelOptions &Options = {}) {
  return describe(Code, Var, makeModel(Options));
}

const char *operationName(LockOperation Op) {
  switch (Op) {
  case LockOperation::None:
    return "none";
  case LockOperation::Lock:
    return "lock";
  case LockOperation::TryLock:
    return "try_lock";
  case LockOperation::Unlock:
    return "unlock";
  case LockOperation::Release:
    return "release";
  case LockOperation::Swap:
    return "swap";
  }
  return "?";
}

/// The operation of method \p Name (e.g. "std::mutex::lock") in \p Code.
std::string operation(ParsedCode &Code, llvm::StringRef Name) {
  const clang::CXXMethodDecl *Method = Code.method(Name);
  if (!Method)
    return "no method " + Name.str();
  return operationName(makeModel().operationOf(Method));
}

/// The error text of a model built from \p Options, or "" on success.
std::string modelError(const LockModelOptions &Options) {
  auto Model = LockModel::create(Options);
  if (Model)
    return "";
  return llvm::toString(Model.takeError());
}

// Declarations of the third-party types the presets name.
const char *const ThirdParty = R"cpp(
namespace std {
struct recursive_timed_mutex { void lock(); void unlock(); };
struct shared_timed_mutex { void lock(); void unlock(); };
}
namespace absl {
struct Mutex {
  void Lock(); void ReaderLock(); void WriterLock();
  bool TryLock(); bool ReaderTryLock(); bool WriterTryLock();
  void Unlock(); void ReaderUnlock(); void WriterUnlock();
};
struct MutexLock { explicit MutexLock(Mutex *); ~MutexLock(); };
struct ReaderMutexLock { explicit ReaderMutexLock(Mutex *); };
struct WriterMutexLock { explicit WriterMutexLock(Mutex *); };
struct ReleasableMutexLock {
  explicit ReleasableMutexLock(Mutex *);
  void Release();
};
struct MutexLockMaybe { explicit MutexLockMaybe(Mutex *); };
}
namespace boost {
struct mutex {}; struct recursive_mutex {}; struct timed_mutex {};
struct recursive_timed_mutex {}; struct shared_mutex {}; struct upgrade_mutex {};
template <typename M> struct lock_guard {};
template <typename M> struct unique_lock {};
template <typename M> struct shared_lock {};
template <typename M> struct upgrade_lock {};
struct defer_lock_t {};
}
namespace folly::coro {
struct Mutex { void lock(); void unlock(); };
struct SharedMutex {}; struct SharedMutexFair {};
}
namespace async_simple::coro {
struct Mutex {}; struct SharedMutex {}; struct SpinLock {};
}
namespace cppcoro {
struct async_mutex {}; struct async_mutex_lock {};
}
namespace coro { struct mutex {}; struct shared_mutex {}; struct scoped_lock {}; }
namespace unifex { struct async_mutex {}; }
namespace concurrencpp { struct async_lock {}; struct scoped_async_lock {}; }
)cpp";

//===----------------------------------------------------------------------===//
// Presets
//===----------------------------------------------------------------------===//

// The standard mutexes are sync mutexes and not guards.
TEST(LockModel, StdMutexFamilyIsSync) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
std::mutex a;
std::recursive_mutex b;
std::timed_mutex c;
std::shared_mutex d;
std::recursive_timed_mutex e;
std::shared_timed_mutex f;
)cpp");
  for (const char *Var : {"a", "b", "c", "d", "e", "f"})
    EXPECT_EQ(describe(Code, Var), "sync mutex") << Var;
}

// References and cv-qualifiers are looked through; pointers are not mutexes.
TEST(LockModel, MutexReferencesAndQualifiers) {
  ParsedCode Code(R"cpp(
std::mutex m;
const std::mutex &ref = m;
volatile std::mutex vol;
std::mutex *ptr = &m;
std::mutex arr[2];
)cpp");
  EXPECT_EQ(describe(Code, "ref"), "sync mutex");
  EXPECT_EQ(describe(Code, "vol"), "sync mutex");
  EXPECT_EQ(describe(Code, "ptr"), "none");
  EXPECT_EQ(describe(Code, "arr"), "none");
}

// Preset names are anchored: near-misses and other namespaces are not locks.
TEST(LockModel, PresetNamesAreAnchored) {
  ParsedCode Code(R"cpp(
namespace std { struct mutexes {}; struct my_mutex {}; }
namespace mine { struct mutex {}; }
namespace wrap::std { struct mutex {}; }
std::mutexes a;
std::my_mutex b;
mine::mutex c;
wrap::std::mutex d;
int e;
std::defer_lock_t f;
)cpp");
  for (const char *Var : {"a", "b", "c", "d", "e", "f"})
    EXPECT_EQ(describe(Code, Var), "none") << Var;
}

// libc++ puts std in an inline namespace (std::__1::mutex).
TEST(LockModel, InlineNamespacesAreTransparent) {
  ParsedCode Code(R"cpp(
namespace std { inline namespace __1 { struct recursive_timed_mutex {}; } }
namespace folly::coro { inline namespace v2 { struct Mutex {}; } }
std::recursive_timed_mutex a;
folly::coro::Mutex b;
)cpp");
  EXPECT_EQ(describe(Code, "a"), "sync mutex");
  EXPECT_EQ(describe(Code, "b"), "async mutex");
}

// Abseil and Boost mutexes are sync.
TEST(LockModel, AbseilAndBoostMutexesAreSync) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
absl::Mutex a;
boost::mutex b;
boost::recursive_mutex c;
boost::timed_mutex d;
boost::recursive_timed_mutex e;
boost::shared_mutex f;
boost::upgrade_mutex g;
)cpp");
  for (const char *Var : {"a", "b", "c", "d", "e", "f", "g"})
    EXPECT_EQ(describe(Code, Var), "sync mutex") << Var;
}

// The coroutine libraries' mutexes are async.
TEST(LockModel, AsyncMutexPresets) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
folly::coro::Mutex a;
folly::coro::SharedMutex b;
folly::coro::SharedMutexFair c;
cppcoro::async_mutex d;
coro::mutex e;
coro::shared_mutex f;
async_simple::coro::Mutex g;
async_simple::coro::SharedMutex h;
async_simple::coro::SpinLock i;
unifex::async_mutex j;
concurrencpp::async_lock k;
)cpp");
  for (const char *Var :
       {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"})
    EXPECT_EQ(describe(Code, Var), "async mutex") << Var;
}

// The guards that async mutexes' lock operations return are async guards.
TEST(LockModel, AsyncGuardPresets) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
cppcoro::async_mutex_lock a;
coro::scoped_lock b;
concurrencpp::scoped_async_lock c;
)cpp");
  for (const char *Var : {"a", "b", "c"})
    EXPECT_EQ(describe(Code, Var), "async guard") << Var;
}

// The standard guards over standard mutexes are sync guards, not mutexes.
TEST(LockModel, StdGuardsAreSync) {
  ParsedCode Code(R"cpp(
std::mutex m;
std::shared_mutex sm;
std::recursive_mutex rm;
std::lock_guard<std::mutex> a(m);
std::unique_lock<std::mutex> b;
std::shared_lock<std::shared_mutex> c;
std::scoped_lock<std::mutex, std::recursive_mutex> d(m, rm);
std::scoped_lock<> e;
const std::unique_lock<std::mutex> &f = b;
)cpp");
  for (const char *Var : {"a", "b", "c", "d", "e", "f"})
    EXPECT_EQ(describe(Code, Var), "sync guard") << Var;
}

// A standard guard over an async mutex is an async guard.
TEST(LockModel, GuardKindFollowsItsMutex) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
std::unique_lock<folly::coro::Mutex> a;
std::lock_guard<cppcoro::async_mutex> *b;
std::shared_lock<folly::coro::SharedMutex> c;
std::unique_lock<std::mutex> d;
boost::unique_lock<coro::mutex> e;
boost::lock_guard<boost::mutex> f;
)cpp");
  EXPECT_EQ(describe(Code, "a"), "async guard");
  EXPECT_EQ(describe(Code, "b"), "none"); // A pointer is not a guard.
  EXPECT_EQ(describe(Code, "c"), "async guard");
  EXPECT_EQ(describe(Code, "d"), "sync guard");
  EXPECT_EQ(describe(Code, "e"), "async guard");
  EXPECT_EQ(describe(Code, "f"), "sync guard");
}

// scoped_lock's pack: any async mutex in it makes the guard async.
TEST(LockModel, ScopedLockPackWithAnAsyncMutexIsAsync) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
std::scoped_lock<std::mutex, folly::coro::Mutex> *a;
std::scoped_lock<folly::coro::Mutex, std::mutex> *b;
std::scoped_lock<std::mutex, std::mutex, unifex::async_mutex> *c;
std::scoped_lock<std::mutex, std::timed_mutex> *d;
)cpp");
  clang::QualType A = Code.variableType("a"), B = Code.variableType("b"),
                  C = Code.variableType("c"), D = Code.variableType("d");
  ASSERT_FALSE(Code.hasErrors());
  LockModel Model = makeModel();
  EXPECT_EQ(Model.guardKind(A->getPointeeType()), LockKind::Async);
  EXPECT_EQ(Model.guardKind(B->getPointeeType()), LockKind::Async);
  EXPECT_EQ(Model.guardKind(C->getPointeeType()), LockKind::Async);
  EXPECT_EQ(Model.guardKind(D->getPointeeType()), LockKind::Sync);
}

// Abseil's and Boost's guards are sync guards.
TEST(LockModel, AbseilAndBoostGuardsAreSync) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
absl::Mutex mu;
absl::MutexLock a(&mu);
absl::ReaderMutexLock b(&mu);
absl::WriterMutexLock c(&mu);
absl::ReleasableMutexLock d(&mu);
absl::MutexLockMaybe e(&mu);
boost::unique_lock<boost::mutex> f;
boost::shared_lock<boost::shared_mutex> g;
boost::upgrade_lock<boost::upgrade_mutex> h;
)cpp");
  for (const char *Var : {"a", "b", "c", "d", "e", "f", "g", "h"})
    EXPECT_EQ(describe(Code, Var), "sync guard") << Var;
}

// A class derived (directly or not) from a mutex is a mutex of its kind.
TEST(LockModel, DerivedFromMutexIsMutex) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
struct MyMutex : std::mutex {};
struct Deeper : MyMutex {};
struct MyAsync : folly::coro::Mutex {};
struct HasMutex { std::mutex m; };
MyMutex a;
Deeper b;
MyAsync c;
HasMutex d;
std::unique_lock<MyAsync> e;
std::lock_guard<MyMutex> *f;
)cpp");
  EXPECT_EQ(describe(Code, "a"), "sync mutex");
  EXPECT_EQ(describe(Code, "b"), "sync mutex");
  EXPECT_EQ(describe(Code, "c"), "async mutex");
  EXPECT_EQ(describe(Code, "d"), "none");
  EXPECT_EQ(describe(Code, "e"), "async guard");
  ASSERT_FALSE(Code.variableType("f").isNull());
  EXPECT_EQ(makeModel().guardKind(Code.variableType("f")->getPointeeType()),
            LockKind::Sync);
}

//===----------------------------------------------------------------------===//
// Thread-safety attributes
//===----------------------------------------------------------------------===//

const char *const Annotated = R"cpp(
namespace mine {
struct __attribute__((capability("mutex"))) SpinLock {
  void Grab() __attribute__((acquire_capability()));
  void GrabShared() __attribute__((acquire_shared_capability()));
  bool TryGrab() __attribute__((try_acquire_capability(true)));
  void Drop() __attribute__((release_capability()));
  void Frobnicate();
};
struct __attribute__((lockable)) OldStyle {};
struct __attribute__((scoped_lockable)) SpinGuard {
  explicit SpinGuard(SpinLock &l) __attribute__((acquire_capability(l)));
  ~SpinGuard() __attribute__((release_capability()));
};
template <typename M> struct __attribute__((scoped_lockable)) AnyGuard {
  explicit AnyGuard(M &m) __attribute__((acquire_capability(m)));
  ~AnyGuard() __attribute__((release_capability()));
};
}
)cpp";

// A capability class is a sync mutex.
TEST(LockModel, CapabilityClassIsMutex) {
  ParsedCode Code(std::string(Annotated) + R"cpp(
mine::SpinLock a;
mine::OldStyle b;
)cpp");
  EXPECT_EQ(describe(Code, "a"), "sync mutex");
  EXPECT_EQ(describe(Code, "b"), "sync mutex");
}

// A scoped_lockable class is a guard; a template one follows its mutex.
TEST(LockModel, ScopedLockableClassIsGuard) {
  ParsedCode Code(std::string(ThirdParty) + Annotated + R"cpp(
mine::SpinLock l;
folly::coro::Mutex fm;
mine::SpinGuard a(l);
mine::AnyGuard<folly::coro::Mutex> b(fm);
mine::AnyGuard<mine::SpinLock> c(l);
)cpp");
  EXPECT_EQ(describe(Code, "a"), "sync guard");
  EXPECT_EQ(describe(Code, "b"), "async guard");
  EXPECT_EQ(describe(Code, "c"), "sync guard");
}

// Acquire/try-acquire/release attributes make methods lock operations,
// whatever their names.
TEST(LockModel, CapabilityAttributesMakeOperations) {
  ParsedCode Code(Annotated);
  ASSERT_FALSE(Code.hasErrors());
  EXPECT_EQ(operation(Code, "mine::SpinLock::Grab"), "lock");
  EXPECT_EQ(operation(Code, "mine::SpinLock::GrabShared"), "lock");
  EXPECT_EQ(operation(Code, "mine::SpinLock::TryGrab"), "try_lock");
  EXPECT_EQ(operation(Code, "mine::SpinLock::Drop"), "unlock");
  EXPECT_EQ(operation(Code, "mine::SpinLock::Frobnicate"), "none");
}

//===----------------------------------------------------------------------===//
// User options
//===----------------------------------------------------------------------===//

const char *const UserTypes = R"cpp(
namespace mine {
struct SpinMutex {}; struct Fiber {}; struct FiberMutex {};
template <typename M> struct Hold { explicit Hold(M &); };
struct AsyncHold {};
}
namespace other { struct BigLock {}; struct SmallLock {}; }
mine::SpinMutex a;
other::BigLock b;
other::SmallLock c;
mine::FiberMutex d;
mine::Hold<mine::SpinMutex> *e;
mine::Hold<mine::FiberMutex> *f;
mine::AsyncHold g;
std::mutex h;
mine::Fiber i;
)cpp";

// Without options, user types are not locks.
TEST(LockModel, UserTypesAreNotLocksByDefault) {
  ParsedCode Code(UserTypes);
  for (const char *Var : {"a", "b", "c", "d", "g", "i"})
    EXPECT_EQ(describe(Code, Var), "none") << Var;
  EXPECT_EQ(describe(Code, "h"), "sync mutex");
}

// Option regexes add to the presets, with or without a leading `::`, and are
// anchored; blanks around and between patterns are ignored.
TEST(LockModel, UserOptionsExtendPresets) {
  ParsedCode Code(UserTypes);
  ASSERT_FALSE(Code.hasErrors());
  LockModelOptions Options;
  Options.SyncMutexes = " mine::SpinMutex ; ;::other::Big.* ";
  Options.AsyncMutexes = "::mine::Fiber.+";
  Options.SyncGuards = "mine::Hold";
  Options.AsyncGuards = "mine::AsyncHold";
  LockModel Model = makeModel(Options);
  EXPECT_EQ(describe(Code, "a", Model), "sync mutex");
  EXPECT_EQ(describe(Code, "b", Model), "sync mutex");
  EXPECT_EQ(describe(Code, "c", Model), "none");
  EXPECT_EQ(describe(Code, "d", Model), "async mutex");
  EXPECT_EQ(describe(Code, "i", Model), "none"); // `Fiber.+` is anchored.
  EXPECT_EQ(describe(Code, "g", Model), "async guard");
  EXPECT_EQ(describe(Code, "h", Model), "sync mutex"); // Presets remain.
  // A user guard template follows its mutex too.
  EXPECT_EQ(Model.guardKind(Code.variableType("e")->getPointeeType()),
            LockKind::Sync);
  EXPECT_EQ(Model.guardKind(Code.variableType("f")->getPointeeType()),
            LockKind::Async);
}

// An invalid regex is an error naming the option and the pattern.
TEST(LockModel, InvalidRegexNamesTheOption) {
  LockModelOptions Options;
  Options.SyncMutexes = "std::(mutex";
  EXPECT_THAT(modelError(Options), HasSubstr("'SyncMutexes'"));
  EXPECT_THAT(modelError(Options), HasSubstr("'std::(mutex'"));

  Options = {};
  Options.AsyncMutexes = "ok::Mutex;bad[";
  EXPECT_THAT(modelError(Options), HasSubstr("'AsyncMutexes'"));
  EXPECT_THAT(modelError(Options), HasSubstr("'bad['"));

  Options = {};
  Options.SyncGuards = "*Guard";
  EXPECT_THAT(modelError(Options), HasSubstr("'SyncGuards'"));

  Options = {};
  Options.AsyncGuards = "a)b";
  EXPECT_THAT(modelError(Options), HasSubstr("'AsyncGuards'"));

  Options = {};
  Options.SyncMutexes = "a;b;::c::.*";
  EXPECT_EQ(modelError(Options), "");
}

//===----------------------------------------------------------------------===//
// Operations and tags
//===----------------------------------------------------------------------===//

// Standard method names map to lock operations.
TEST(LockModel, OperationOfStdNames) {
  ParsedCode Code(R"cpp(
std::mutex m;
std::unique_lock<std::mutex> lk(m);
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  EXPECT_EQ(operation(Code, "std::mutex::lock"), "lock");
  EXPECT_EQ(operation(Code, "std::mutex::try_lock"), "try_lock");
  EXPECT_EQ(operation(Code, "std::mutex::unlock"), "unlock");
  EXPECT_EQ(operation(Code, "std::shared_mutex::lock_shared"), "lock");
  EXPECT_EQ(operation(Code, "std::shared_mutex::try_lock_shared"), "try_lock");
  EXPECT_EQ(operation(Code, "std::shared_mutex::unlock_shared"), "unlock");
  EXPECT_EQ(operation(Code, "std::unique_lock::lock"), "lock");
  EXPECT_EQ(operation(Code, "std::unique_lock::try_lock"), "try_lock");
  EXPECT_EQ(operation(Code, "std::unique_lock::unlock"), "unlock");
  EXPECT_EQ(operation(Code, "std::unique_lock::release"), "release");
  EXPECT_EQ(operation(Code, "std::unique_lock::swap"), "swap");
  EXPECT_EQ(operation(Code, "std::unique_lock::owns_lock"), "none");
  EXPECT_EQ(operation(Code, "std::unique_lock::mutex"), "none");
  EXPECT_EQ(makeModel().operationOf(nullptr), LockOperation::None);
}

// Timed try-locks are try-locks.
TEST(LockModel, OperationOfTimedNames) {
  ParsedCode Code(R"cpp(
struct Timed {
  bool try_lock_for(int); bool try_lock_until(int);
  bool try_lock_shared_for(int); bool try_lock_shared_until(int);
  void lock_upgrade(); void unlock_upgrade();
};
)cpp");
  for (const char *Name :
       {"Timed::try_lock_for", "Timed::try_lock_until",
        "Timed::try_lock_shared_for", "Timed::try_lock_shared_until"})
    EXPECT_EQ(operation(Code, Name), "try_lock") << Name;
  EXPECT_EQ(operation(Code, "Timed::lock_upgrade"), "lock");
  EXPECT_EQ(operation(Code, "Timed::unlock_upgrade"), "unlock");
}

// Abseil's method names map to lock operations (Release unlocks).
TEST(LockModel, OperationOfAbseilNames) {
  ParsedCode Code(ThirdParty);
  ASSERT_FALSE(Code.hasErrors());
  EXPECT_EQ(operation(Code, "absl::Mutex::Lock"), "lock");
  EXPECT_EQ(operation(Code, "absl::Mutex::ReaderLock"), "lock");
  EXPECT_EQ(operation(Code, "absl::Mutex::WriterLock"), "lock");
  EXPECT_EQ(operation(Code, "absl::Mutex::TryLock"), "try_lock");
  EXPECT_EQ(operation(Code, "absl::Mutex::ReaderTryLock"), "try_lock");
  EXPECT_EQ(operation(Code, "absl::Mutex::WriterTryLock"), "try_lock");
  EXPECT_EQ(operation(Code, "absl::Mutex::Unlock"), "unlock");
  EXPECT_EQ(operation(Code, "absl::Mutex::ReaderUnlock"), "unlock");
  EXPECT_EQ(operation(Code, "absl::Mutex::WriterUnlock"), "unlock");
  EXPECT_EQ(operation(Code, "absl::ReleasableMutexLock::Release"), "unlock");
}

const char *modeName(LockMode Mode) {
  switch (Mode) {
  case LockMode::Exclusive:
    return "exclusive";
  case LockMode::Shared:
    return "shared";
  case LockMode::Upgrade:
    return "upgrade";
  }
  return "?";
}

// Lock operations say their mode next to "lock" or by a capability
// attribute; other mentions of sharing are not modes.
TEST(LockModel, ModeOfLockOperations) {
  ParsedCode Code(std::string(ThirdParty) + Annotated + R"cpp(
struct Names {
  void co_lock_shared(); void coLockShared(); void co_scoped_lock_shared();
  void tryLockShared(); void try_lock_shared_for(int); void co_lock_upgrade();
  void co_lock(); void coScopedLock(); void lock_for_shared_state();
};
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  auto Mode = [&](llvm::StringRef Name) {
    const clang::CXXMethodDecl *M = Code.method(Name);
    return M ? modeName(LockModel::modeOf(M)) : "no method";
  };
  for (const char *Name :
       {"Names::co_lock_shared", "Names::coLockShared",
        "Names::co_scoped_lock_shared", "Names::tryLockShared",
        "Names::try_lock_shared_for", "absl::Mutex::ReaderLock",
        "absl::Mutex::ReaderTryLock", "mine::SpinLock::GrabShared"})
    EXPECT_STREQ(Mode(Name), "shared") << Name;
  EXPECT_STREQ(Mode("Names::co_lock_upgrade"), "upgrade");
  for (const char *Name :
       {"Names::co_lock", "Names::coScopedLock", "Names::lock_for_shared_state",
        "absl::Mutex::Lock", "absl::Mutex::WriterLock", "mine::SpinLock::Grab"})
    EXPECT_STREQ(Mode(Name), "exclusive") << Name;
  EXPECT_EQ(LockModel::modeOf(nullptr), LockMode::Exclusive);
}

// Guard types say their mode in their name.
TEST(LockModel, GuardModes) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
namespace boost {
template <typename M> struct upgrade_to_unique_lock {};
}
namespace folly::coro { template <typename M> struct SharedLock {}; }
namespace coro { struct shared_scoped_lock {}; }
std::shared_mutex sm;
std::shared_lock<std::shared_mutex> a(sm);
std::unique_lock<std::shared_mutex> b(sm);
absl::ReaderMutexLock *c;
absl::WriterMutexLock *d;
boost::upgrade_lock<boost::upgrade_mutex> e;
boost::upgrade_to_unique_lock<boost::upgrade_mutex> f;
folly::coro::SharedLock<folly::coro::SharedMutex> g;
coro::shared_scoped_lock h;
int i;
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  auto Mode = [&](llvm::StringRef Var) {
    return modeName(
        LockModel::guardMode(Code.variableType(Var)->isPointerType()
                                 ? Code.variableType(Var)->getPointeeType()
                                 : Code.variableType(Var)));
  };
  for (const char *Var : {"a", "c", "g", "h"})
    EXPECT_STREQ(Mode(Var), "shared") << Var;
  EXPECT_STREQ(Mode("e"), "upgrade");
  for (const char *Var : {"b", "d", "f", "i"})
    EXPECT_STREQ(Mode(Var), "exclusive") << Var;
}

// Readers share with readers and upgraders; everything else conflicts.
TEST(LockModel, ModeConflicts) {
  EXPECT_FALSE(conflicts(LockMode::Shared, LockMode::Shared));
  EXPECT_FALSE(conflicts(LockMode::Shared, LockMode::Upgrade));
  EXPECT_FALSE(conflicts(LockMode::Upgrade, LockMode::Shared));
  EXPECT_TRUE(conflicts(LockMode::Upgrade, LockMode::Upgrade));
  EXPECT_TRUE(conflicts(LockMode::Exclusive, LockMode::Shared));
  EXPECT_TRUE(conflicts(LockMode::Shared, LockMode::Exclusive));
  EXPECT_TRUE(conflicts(LockMode::Exclusive, LockMode::Exclusive));
}

// Operator and constructor names are not operations.
TEST(LockModel, OperationOfUnnamedMethods) {
  ParsedCode Code(R"cpp(
std::mutex m;
std::unique_lock<std::mutex> lk(m);
bool b = static_cast<bool>(lk);
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  EXPECT_EQ(operation(Code, "std::unique_lock::operator bool"), "none");
  EXPECT_EQ(operation(Code, "std::unique_lock::operator="), "none");
}

// Constructor tags of std and boost, through const, references and inline
// namespaces; other names or namespaces are not tags.
TEST(LockModel, TagDetection) {
  ParsedCode Code(std::string(ThirdParty) + R"cpp(
namespace std { inline namespace __1 { struct adopt_lock_t {}; } }
namespace mine { struct defer_lock_t {}; }
namespace std::detail { struct try_to_lock_t {}; }
auto &d = std::defer_lock;
auto &t = std::try_to_lock;
auto &a = std::adopt_lock;
std::__1::adopt_lock_t inl;
boost::defer_lock_t bd;
mine::defer_lock_t md;
std::detail::try_to_lock_t nested;
std::mutex m;
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  clang::QualType D = Code.variableType("d"), T = Code.variableType("t"),
                  A = Code.variableType("a"), Inl = Code.variableType("inl"),
                  BD = Code.variableType("bd"), MD = Code.variableType("md"),
                  Nested = Code.variableType("nested"),
                  M = Code.variableType("m");
  EXPECT_TRUE(LockModel::isDeferTag(D));
  EXPECT_FALSE(LockModel::isTryTag(D));
  EXPECT_FALSE(LockModel::isAdoptTag(D));
  EXPECT_TRUE(LockModel::isTryTag(T));
  EXPECT_FALSE(LockModel::isDeferTag(T));
  EXPECT_TRUE(LockModel::isAdoptTag(A));
  EXPECT_FALSE(LockModel::isTryTag(A));
  EXPECT_TRUE(LockModel::isAdoptTag(Inl));
  EXPECT_TRUE(LockModel::isDeferTag(BD));
  EXPECT_FALSE(LockModel::isDeferTag(MD));
  EXPECT_FALSE(LockModel::isTryTag(Nested));
  EXPECT_FALSE(LockModel::isDeferTag(M));
  EXPECT_FALSE(LockModel::isDeferTag(clang::QualType()));
}

// recordOf looks through references, typedefs and cv; not through pointers.
TEST(LockModel, RecordOf) {
  ParsedCode Code(R"cpp(
using Alias = const std::mutex;
std::mutex m;
Alias &a = m;
std::mutex *p = &m;
int i;
)cpp");
  ASSERT_FALSE(Code.hasErrors());
  const clang::CXXRecordDecl *Mutex = recordOf(Code.variableType("m"));
  ASSERT_NE(Mutex, nullptr);
  EXPECT_EQ(Mutex->getName(), "mutex");
  EXPECT_EQ(recordOf(Code.variableType("a")), Mutex);
  EXPECT_EQ(recordOf(Code.variableType("p")), nullptr);
  EXPECT_EQ(recordOf(Code.variableType("i")), nullptr);
  EXPECT_EQ(recordOf(clang::QualType()), nullptr);
}

} // namespace
} // namespace corolock::test
