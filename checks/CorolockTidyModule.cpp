//===--- CorolockTidyModule.cpp - the corolock clang-tidy module ----------===//

#include "AsyncLockAcrossIoCheck.h"
#include "ReadReleaseWriteCheck.h"
#include "SyncLockAcrossSuspendCheck.h"
#include "UnnecessaryAsyncMutexCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated this one.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace corolock {

class CorolockModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<AsyncLockAcrossIoCheck>(
        "corolock-async-lock-across-io");
    CheckFactories.registerCheck<ReadReleaseWriteCheck>(
        "corolock-read-release-write");
    CheckFactories.registerCheck<SyncLockAcrossSuspendCheck>(
        "corolock-sync-lock-across-suspend");
    CheckFactories.registerCheck<UnnecessaryAsyncMutexCheck>(
        "corolock-unnecessary-async-mutex");
  }
};

} // namespace corolock

static clang::tidy::ClangTidyModuleRegistry::Add<corolock::CorolockModule>
    X("corolock-module", "Lock misuse in C++20 coroutines.");
