//===--- CorolockTidyModule.cpp - the corolock clang-tidy module ----------===//

#include "SyncLockAcrossSuspendCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace corolock {

class CorolockModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<SyncLockAcrossSuspendCheck>(
        "corolock-sync-lock-across-suspend");
  }
};

} // namespace corolock

static clang::tidy::ClangTidyModuleRegistry::Add<corolock::CorolockModule>
    X("corolock-module", "Lock misuse in C++20 coroutines.");

// Referenced by the built-in tools to force this module to be linked in.
volatile int CorolockModuleAnchorSource = 0;
