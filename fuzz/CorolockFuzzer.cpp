//===--- CorolockFuzzer.cpp - libFuzzer harness for the corolock checks ---===//
//
// Feeds each input, as the body of a C++20 translation unit after a prelude
// that declares a coroutine task, awaitables and sync and async mutexes, to
// all corolock checks in process (clang-tidy's consumer over a frontend
// action, an in-memory file). Compiler errors are expected and ignored; a
// crash, an assertion, or a sanitizer report is a finding.
//
// With COROLOCK_FUZZ_PARSE_ONLY=1 in the environment an input is only parsed,
// with no check: fuzz/smoke replays a crash that way to tell clang's own
// parser crashes from corolock's.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace clang;

namespace {

/// What the inputs build on: the shapes of <coroutine>, <mutex> and an async
/// mutex library, small enough to parse in a few milliseconds.
const char Prelude[] = R"cpp(
namespace std {
template <class R, class...> struct coroutine_traits { using promise_type = typename R::promise_type; };
template <class P = void> struct coroutine_handle {
  static coroutine_handle from_address(void *) noexcept;
  static coroutine_handle from_promise(P &) noexcept;
  operator coroutine_handle<>() const noexcept;
  void resume() const;
  bool done() const;
};
template <> struct coroutine_handle<void> {
  static coroutine_handle from_address(void *) noexcept;
  void resume() const;
};
struct suspend_always {
  bool await_ready() const noexcept { return false; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct suspend_never {
  bool await_ready() const noexcept { return true; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct defer_lock_t {}; struct try_to_lock_t {}; struct adopt_lock_t {};
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};
struct mutex { void lock(); bool try_lock(); void unlock(); };
struct shared_mutex : mutex { void lock_shared(); void unlock_shared(); };
template <class M> struct lock_guard { explicit lock_guard(M &); lock_guard(M &, adopt_lock_t); ~lock_guard(); };
template <class M> struct unique_lock {
  unique_lock() noexcept; explicit unique_lock(M &); unique_lock(M &, defer_lock_t);
  unique_lock(M &, try_to_lock_t); unique_lock(M &, adopt_lock_t);
  unique_lock(unique_lock &&) noexcept; unique_lock &operator=(unique_lock &&) noexcept;
  ~unique_lock(); void lock(); bool try_lock(); void unlock(); M *release() noexcept;
  bool owns_lock() const noexcept; explicit operator bool() const noexcept;
};
template <class M> struct shared_lock { explicit shared_lock(M &); ~shared_lock(); void unlock(); };
template <class... M> struct scoped_lock { explicit scoped_lock(M &...); ~scoped_lock(); };
template <class A, class B> void lock(A &, B &);
template <class T> T &&move(T &) noexcept;
}
template <class T = void> struct task {
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    template <class U> void return_value(U &&);
    void unhandled_exception();
    std::suspend_always yield_value(int);
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume() const noexcept;
};
template <> struct task<void> {
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
    std::suspend_always yield_value(int);
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
namespace folly::coro {
struct Mutex {
  struct LockOp { bool await_ready() noexcept; void await_suspend(std::coroutine_handle<>) noexcept; void await_resume() noexcept; };
  struct ScopedLockOp { bool await_ready() noexcept; void await_suspend(std::coroutine_handle<>) noexcept; std::unique_lock<Mutex> await_resume() noexcept; };
  bool try_lock(); LockOp co_lock(); ScopedLockOp co_scoped_lock(); void lock(); void unlock();
};
task<void> sleep(int ms);
struct Transport { task<int> read(char *, int); task<void> write(const char *, int); };
}
task<int> fetch(int);
task<void> send(int);
int compute(int);
)cpp";

class CorolockAction : public ASTFrontendAction {
public:
  explicit CorolockAction(tidy::ClangTidyASTConsumerFactory &Factory)
      : Factory(Factory) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }

private:
  tidy::ClangTidyASTConsumerFactory &Factory;
};

std::unique_ptr<FrontendAction>
makeAction(tidy::ClangTidyASTConsumerFactory &Factory) {
  static const bool ParseOnly = std::getenv("COROLOCK_FUZZ_PARSE_ONLY");
  if (ParseOnly)
    return std::make_unique<SyntaxOnlyAction>();
  return std::make_unique<CorolockAction>(Factory);
}

void runCorolock(llvm::StringRef Source) {
  tidy::ClangTidyOptions Options = tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,corolock-*";
  tidy::ClangTidyContext Context(std::make_unique<tidy::DefaultOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), Options));
  tidy::ClangTidyDiagnosticConsumer Findings(Context);
  DiagnosticsEngine Diags(new DiagnosticIDs(), new DiagnosticOptions(),
                          &Findings, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Diags);

  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  Overlay->pushOverlay(Memory);
  const char *File = "/corolock-fuzz/input.cpp";
  Memory->addFile(File, 0, llvm::MemoryBuffer::getMemBufferCopy(Source));
  auto Files =
      llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), Overlay);

  tidy::ClangTidyASTConsumerFactory Factory(Context, Overlay);
  IgnoringDiagConsumer CompilerDiags;
  tooling::ToolInvocation Invocation({"clang++", "-fsyntax-only", "-std=c++20",
                                      "-nostdinc++", "-ferror-limit=0", File},
                                     makeAction(Factory), Files.get());
  Invocation.setDiagnosticConsumer(&CompilerDiags);
  Invocation.run();
  // Collects the findings as clang-tidy does (deduplicated, notes attached).
  std::vector<tidy::ClangTidyError> Errors = Findings.take();
  (void)Errors;
}

} // namespace

// libFuzzer's entry point, named by libFuzzer.
// NOLINTNEXTLINE(readability-identifier-naming)
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Source = Prelude;
  Source += "#line 1\n";
  Source.append(reinterpret_cast<const char *>(Data), Size);
  runCorolock(Source);
  return 0;
}
