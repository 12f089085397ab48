//===--- SharedAccessesTest.cpp - Access paths and their classification ---===//
//
// AccessPaths (which expressions are accesses, which locations are shared,
// which paths overlap) and AccessClassifier (read, write, or both). Line
// numbers are relative to the snippet: the empty line after `R"cpp(` is
// line 1.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestSupport.h"
#include "SharedAccesses.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using ::testing::ElementsAre;

/// The body of \p FD, the user's statements of a coroutine.
const clang::Stmt *bodyOf(const clang::FunctionDecl *FD) {
  if (const auto *Coro =
          llvm::dyn_cast_or_null<clang::CoroutineBodyStmt>(FD->getBody()))
    return Coro->getBody();
  return FD->getBody();
}

/// The maximal accesses of \p Function in source order, one line each:
/// "L<line> <text> <read|write|readwrite>", followed by " local" when the
/// location is not shared.
std::vector<std::string> accesses(const std::string &Code,
                                  llvm::StringRef Function = "f") {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return {"parse error"};
  const clang::FunctionDecl *FD = Parsed.function(Function);
  if (!FD)
    return {"no function " + Function.str()};
  clang::ASTContext &Context = Parsed.context();
  const clang::Stmt *Body = bodyOf(FD);
  StmtParents Parents(Body);
  AccessPaths Paths(*FD, *Body, Parents, Context);
  AccessClassifier Classifier(Parents, Context);

  struct Collector : clang::RecursiveASTVisitor<Collector> {
    AccessPaths *Paths;
    std::vector<const clang::Expr *> Found;
    bool VisitExpr(clang::Expr *E) {
      if (Paths->isMaximalAccess(E))
        Found.push_back(E);
      return true;
    }
    bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }
  } Collect;
  Collect.Paths = &Paths;
  Collect.TraverseStmt(const_cast<clang::Stmt *>(Body));

  std::vector<std::string> Lines;
  for (const clang::Expr *E : Collect.Found) {
    std::string Text =
        clang::Lexer::getSourceText(
            clang::CharSourceRange::getTokenRange(E->getSourceRange()),
            Context.getSourceManager(), Context.getLangOpts())
            .str();
    const char *Kind = "read";
    switch (Classifier.classify(E)) {
    case AccessKind::Read:
      break;
    case AccessKind::Write:
      Kind = "write";
      break;
    case AccessKind::ReadWrite:
      Kind = "readwrite";
      break;
    }
    std::optional<AccessPaths::PathId> Path = Paths.pathOf(E);
    Lines.push_back("L" + std::to_string(Parsed.line(E->getBeginLoc())) + " " +
                    Text + " " + Kind +
                    (Path && Paths.isShared(*Path) ? "" : " local"));
  }
  return Lines;
}

/// Whether a write of the first expression of \p Function named \p A may
/// change what the one named \p B reads ("overlap"), and whether reading A
/// reads again what B read ("covers"), as "overlap covers" with "-" for no.
std::string relation(const std::string &Code, llvm::StringRef A,
                     llvm::StringRef B) {
  ParsedCode Parsed(Code);
  const clang::FunctionDecl *FD = Parsed.function("f");
  if (Parsed.hasErrors() || !FD)
    return "parse error";
  clang::ASTContext &Context = Parsed.context();
  const clang::Stmt *Body = bodyOf(FD);
  StmtParents Parents(Body);
  AccessPaths Paths(*FD, *Body, Parents, Context);
  struct Finder : clang::RecursiveASTVisitor<Finder> {
    clang::ASTContext *Context;
    llvm::StringRef Wanted;
    const clang::Expr *Found = nullptr;
    bool VisitExpr(clang::Expr *E) {
      if (!Found && !llvm::isa<clang::ImplicitCastExpr>(E) &&
          clang::Lexer::getSourceText(
              clang::CharSourceRange::getTokenRange(E->getSourceRange()),
              Context->getSourceManager(), Context->getLangOpts()) == Wanted)
        Found = E;
      return true;
    }
  };
  auto PathOf = [&](llvm::StringRef Text) {
    Finder F;
    F.Context = &Context;
    F.Wanted = Text;
    F.TraverseStmt(const_cast<clang::Stmt *>(Body));
    return F.Found ? Paths.pathOf(F.Found) : std::nullopt;
  };
  auto PA = PathOf(A), PB = PathOf(B);
  if (!PA || !PB)
    return "no path";
  return std::string(Paths.overlap(*PA, *PB) ? "overlap" : "-") + " " +
         (Paths.covers(*PA, *PB) ? "covers" : "-");
}

//===----------------------------------------------------------------------===//
// Access paths
//===----------------------------------------------------------------------===//

// Fields of *this, globals and statics are shared; locals are not; the
// maximal path is the access, not its prefixes (nor a declared variable).
TEST(AccessPaths, RootsAndMaximalAccesses) {
  EXPECT_THAT(accesses(R"cpp(
struct S { int a; struct { int b; } in; };
int g;
struct C {
  S s_;
  void f() {
    static int calls;
    S local;
    int v = s_.in.b + g + calls + local.a;
  }
};
)cpp"),
              ElementsAre("L9 s_.in.b read", "L9 g read", "L9 calls read",
                          "L9 local.a read local"));
}

// Through pointers and references: a member pointer, a reference or pointer
// parameter, a smart pointer; a pointer local that is reseated is not
// shared, one that is not is.
TEST(AccessPaths, ThroughPointersAndReferences) {
  EXPECT_THAT(accesses(R"cpp(
#include "std_containers.h"
struct S { int a; };
struct C {
  S *p_;
  std::unique_ptr<S> u_;
  void f(S &r, S *q, S *other) {
    S *fixed = p_;
    S *moved = p_;
    moved = other;
    int v = p_->a + u_->a + r.a + q->a + fixed->a + moved->a;
  }
};
)cpp"),
              ElementsAre("L8 p_ read", "L9 p_ read", "L10 moved write local",
                          "L10 other read local", "L11 p_->a read",
                          "L11 u_->a read", "L11 r.a read", "L11 q->a read",
                          "L11 fixed->a read", "L11 moved->a read local"));
}

// A local reference names what it is bound to; range-for variables name
// elements of their range, and the range-for's own variables are no
// accesses.
TEST(AccessPaths, AliasesAndElements) {
  EXPECT_THAT(accesses(R"cpp(
#include "std_containers.h"
struct S { int a; };
struct C {
  S s_;
  std::vector<S> v_;
  void f() {
    S &alias = s_;
    alias.a = 1;
    for (S &e : v_)
      e.a = 2;
  }
};
)cpp"),
              ElementsAre("L8 s_ read", "L9 alias.a write", "L10 v_ read",
                          "L11 e.a write"));
}

// Paths overlap when one is a prefix of the other, not through a
// dereference; a container read does not re-read its elements' fields, a
// whole-object read re-reads its fields.
TEST(AccessPaths, OverlapAndCovers) {
  const char *Code = R"cpp(
#include "std_containers.h"
struct S { int a; int b; S *next; };
struct C {
  S s_;
  std::vector<S> v_;
  void f(int i) {
    compute(s_.a + s_.b + s_.next->a + v_[i].a + v_[0].a);
    s_.next = nullptr;
    compute(v_.size());
    S copy = s_;
  }
};
)cpp";
  EXPECT_EQ(relation(Code, "s_.a", "s_.b"), "- -");
  EXPECT_EQ(relation(Code, "s_", "s_.a"), "overlap covers");
  EXPECT_EQ(relation(Code, "s_.next", "s_.next->a"), "- -");
  EXPECT_EQ(relation(Code, "v_[i].a", "v_[0].a"), "overlap covers");
  EXPECT_EQ(relation(Code, "v_", "v_[i].a"), "overlap -");
}

//===----------------------------------------------------------------------===//
// AccessClassifier
//===----------------------------------------------------------------------===//

// Assignment writes; compound assignment, increments, non-const member calls
// and non-const reference arguments read and write; const uses read.
TEST(AccessClassifier, Kinds) {
  EXPECT_THAT(accesses(R"cpp(
#include "std_containers.h"
void take(std::string &);
void look(const std::string &);
struct C {
  int n_;
  std::string s_;
  void f() {
    n_ = 1;
    n_ += 2;
    ++n_;
    s_.clear();
    take(s_);
    look(s_);
    compute(n_);
  }
};
)cpp"),
              ElementsAre("L9 n_ write", "L10 n_ readwrite", "L11 n_ readwrite",
                          "L12 s_ readwrite", "L13 s_ readwrite", "L14 s_ read",
                          "L15 n_ read"));
}

// A non-const call with a const overload hands out a view: it writes only
// when the view is written. map's operator[] has no const overload and
// inserts.
TEST(AccessClassifier, ViewsAndInsertingSubscripts) {
  EXPECT_THAT(accesses(R"cpp(
#include "std_containers.h"
struct C {
  std::vector<int> v_;
  std::map<int, int> m_;
  void f() {
    auto it = v_.begin();
    int a = v_[0];
    v_[1] = a;
    int b = m_[2];
    auto found = m_.find(3);
  }
};
)cpp"),
              ElementsAre("L7 v_ read", "L8 v_[0] read", "L9 v_[1] write",
                          "L9 a read local", "L10 m_[2] readwrite",
                          "L11 m_ read"));
}

} // namespace
} // namespace corolock::test
