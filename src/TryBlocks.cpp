//===--- TryBlocks.cpp - Try statements and what they enclose -------------===//

#include "TryBlocks.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolock {

TryBlocks::TryBlocks(const Stmt *Body, const CFG &Graph) {
  collect(Body);
  if (Tries.empty())
    return;
  llvm::DenseMap<const CXXTryStmt *, unsigned> Index;
  for (unsigned I = 0; I < Tries.size(); ++I)
    Index[Tries[I].Stmt] = I;
  for (const CFGBlock *Block : Graph)
    if (const auto *Stmt =
            dyn_cast_or_null<CXXTryStmt>(Block->getTerminatorStmt()))
      if (auto It = Index.find(Stmt); It != Index.end()) {
        Tries[It->second].Dispatch = Block;
        ByDispatch[Block] = It->second;
      }
}

/// One walk of the body with the innermost try at each point; each statement
/// is entered once, also where it is shared (a `co_await` operand is also
/// inside its awaiter).
void TryBlocks::collect(const Stmt *Body) {
  constexpr unsigned None = ~0u;
  struct Item {
    const Stmt *S;
    unsigned Try;
    /// Set once the children are entered: the try's numbering ends here.
    bool Leaving;
  };
  llvm::SmallPtrSet<const Stmt *, 32> Seen;
  llvm::SmallVector<Item, 32> Stack = {{Body, None, false}};
  while (!Stack.empty()) {
    Item Top = Stack.pop_back_val();
    if (Top.Leaving) {
      Tries[Top.Try].End = Tries.size();
      continue;
    }
    const Stmt *S = Top.S;
    if (!S || !Seen.insert(S).second)
      continue;
    if (Top.Try != None) {
      Innermost[S] = Top.Try;
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          Innermost[D] = Top.Try;
    }
    if (isa<LambdaExpr>(S))
      continue;
    if (const auto *TS = dyn_cast<CXXTryStmt>(S)) {
      unsigned Index = Tries.size();
      Tries.push_back({TS, nullptr, 0});
      for (unsigned I = 0; I < TS->getNumHandlers(); ++I)
        Stack.push_back({TS->getHandler(I), Top.Try, false});
      // Popped in this order: the try block's statements, then the end of
      // the numbering of the tries nested in it.
      Stack.push_back({nullptr, Index, true});
      Stack.push_back({TS->getTryBlock(), Index, false});
      continue;
    }
    if (const auto *OVE = dyn_cast<OpaqueValueExpr>(S)) {
      Stack.push_back({OVE->getSourceExpr(), Top.Try, false});
      continue;
    }
    for (const Stmt *Child : S->children())
      Stack.push_back({Child, Top.Try, false});
  }
}

std::optional<unsigned> TryBlocks::innermost(const void *S) const {
  auto It = Innermost.find(S);
  if (It == Innermost.end())
    return std::nullopt;
  return It->second;
}

std::optional<unsigned> TryBlocks::tryOfDispatch(const CFGBlock &Block) const {
  auto It = ByDispatch.find(&Block);
  if (It == ByDispatch.end())
    return std::nullopt;
  return It->second;
}

bool TryBlocks::holds(unsigned Try, const void *S) const {
  std::optional<unsigned> Inner = innermost(S);
  return Inner && *Inner >= Try && *Inner < Tries[Try].End;
}

} // namespace corolock
