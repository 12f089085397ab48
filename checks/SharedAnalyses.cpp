//===--- SharedAnalyses.cpp - One analysis per coroutine for all checks ---===//

#include "SharedAnalyses.h"
#include "llvm/ADT/DenseMap.h"
#include <mutex>

namespace corolock {

std::shared_ptr<AnalysisContexts>
sharedAnalyses(const clang::tidy::ClangTidyContext *Context) {
  // clangd creates the checks of several ASTs on several threads at once.
  static std::mutex Mutex;
  static llvm::DenseMap<const clang::tidy::ClangTidyContext *,
                        std::weak_ptr<AnalysisContexts>>
      Shared;
  std::lock_guard<std::mutex> Lock(Mutex);
  // Forget the runs whose checks are all gone.
  for (auto It = Shared.begin(); It != Shared.end();) {
    auto Next = std::next(It);
    if (It->second.expired())
      Shared.erase(It);
    It = Next;
  }
  std::weak_ptr<AnalysisContexts> &Entry = Shared[Context];
  if (std::shared_ptr<AnalysisContexts> Existing = Entry.lock())
    return Existing;
  auto Created = std::make_shared<AnalysisContexts>();
  Entry = Created;
  return Created;
}

} // namespace corolock
