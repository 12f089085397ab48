//===--- CorolockTidyModule.cpp - the corolock clang-tidy module ----------===//

#include "AsyncLockAcrossIoCheck.h"
#include "BlockingWaitInCoroutineCheck.h"
#include "CorolockModule.h"
#include "LockOrderInversionCheck.h"
#include "LockReentryCheck.h"
#include "ReadReleaseWriteCheck.h"
#include "SyncLockAcrossSuspendCheck.h"
#include "UnnecessaryAsyncMutexCheck.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Config/llvm-config.h"
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated this one.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace corolock {

void addCorolockChecks(clang::tidy::ClangTidyCheckFactories &CheckFactories) {
  CheckFactories.registerCheck<AsyncLockAcrossIoCheck>(
      "corolock-async-lock-across-io");
  CheckFactories.registerCheck<BlockingWaitInCoroutineCheck>(
      "corolock-blocking-wait-in-coroutine");
  CheckFactories.registerCheck<LockOrderInversionCheck>(
      "corolock-lock-order-inversion");
  CheckFactories.registerCheck<LockReentryCheck>("corolock-lock-reentry");
  CheckFactories.registerCheck<ReadReleaseWriteCheck>(
      "corolock-read-release-write");
  CheckFactories.registerCheck<SyncLockAcrossSuspendCheck>(
      "corolock-sync-lock-across-suspend");
  CheckFactories.registerCheck<UnnecessaryAsyncMutexCheck>(
      "corolock-unnecessary-async-mutex");
}

const std::vector<std::string> &corolockCheckNames() {
  static const std::vector<std::string> Names = [] {
    clang::tidy::ClangTidyCheckFactories Factories;
    addCorolockChecks(Factories);
    std::vector<std::string> Result;
    for (const auto &Factory : Factories)
      Result.push_back(Factory.getKey().str());
    llvm::sort(Result);
    return Result;
  }();
  return Names;
}

class CorolockModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
    addCorolockChecks(CheckFactories);
  }
};

} // namespace corolock

static clang::tidy::ClangTidyModuleRegistry::Add<corolock::CorolockModule>
    X("corolock-module", "Lock misuse in C++20 coroutines.");
