//===--- LocalTaintTest.cpp - Which reads the values of locals come from --===//
//
// LocalTaint's transfer functions over straight-line bodies: every reference
// to a global named rN is tracked read N, and each test reads the taints of
// the locals after the body, one line per tainted local: "<name>: <reads>".
//
//===----------------------------------------------------------------------===//

#include "LocalTaint.h"
#include "AnalysisTestSupport.h"
#include "StmtParents.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <map>

namespace corolock::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr const char *Prelude = R"cpp(
int r0, r1, r2;
int &pick(int);
void fill(int &out, int in);
void peek(const int &in, int also);
struct Vec {
  void push(int);
  int size() const;
};
)cpp";

/// The function's statements in evaluation order, as its CFG lists them.
class StraightLine {
public:
  StraightLine(const std::string &Code, llvm::StringRef Function,
               unsigned Index = 0)
      : Parsed(std::string(Prelude) + Code) {
    if (Parsed.hasErrors())
      return;
    FD = Parsed.function(Function, Index);
    if (!FD)
      return;
    StmtParents &P = Parents.emplace(FD->getBody());
    LocalTaint &L =
        Locals.emplace(Paths.emplace(*FD, *FD->getBody(), P, Parsed.context()));
    clang::CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    Graph = clang::CFG::buildCFG(FD, FD->getBody(), &Parsed.context(), Options);
    // Clang numbers blocks from the exit: the entry has the highest number.
    for (const clang::CFGBlock *Block : llvm::reverse(*Graph))
      for (const clang::CFGElement &Element : *Block)
        if (auto S = Element.getAs<clang::CFGStmt>())
          Statements.push_back(S->getStmt());
    for (const clang::Stmt *S : Statements)
      if (const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(S);
          DRE && DRE->getDecl()->getName().starts_with("r") &&
          !DRE->getDecl()->getDeclContext()->isFunctionOrMethod())
        L.addRead(DRE, DRE->getDecl()->getName()[1] - '0');
  }

  bool valid() const { return Graph != nullptr; }

  /// "<local>: <reads>" for each tainted local after the whole body.
  std::vector<std::string> taints() {
    if (!Locals)
      return {"invalid"};
    LocalTaint &L = *Locals;
    TaintMap Taint;
    for (const clang::Stmt *S : Statements)
      L.transfer(S, Taint);
    std::map<std::string, std::string> Sorted;
    for (const auto &[Var, Reads] : Taint) {
      std::string Line = Var->getName().str() + ":";
      for (unsigned Id : Reads)
        Line += " " + std::to_string(Id);
      Sorted[Var->getName().str()] = Line;
    }
    std::vector<std::string> Lines;
    Lines.reserve(Sorted.size());
    for (auto &Entry : Sorted)
      Lines.push_back(Entry.second);
    return Lines;
  }

  /// The locals that looking up the value of the declaration of \p Name
  /// consults, by name (numbers as the declarations gave them).
  std::vector<std::string> consultedBy(llvm::StringRef Name) {
    if (!Locals)
      return {"invalid"};
    LocalTaint &L = *Locals;
    std::map<unsigned, std::string> Names;
    const clang::DeclStmt *Target = nullptr;
    for (const clang::Stmt *S : Statements)
      if (const auto *DS = llvm::dyn_cast<clang::DeclStmt>(S)) {
        const auto *Var = llvm::cast<clang::VarDecl>(DS->getSingleDecl());
        L.forEachDeclared(
            S, [&](unsigned Id) { Names[Id] = Var->getName().str(); });
        if (Var->getName() == Name)
          Target = DS;
      }
    std::vector<std::string> Result;
    llvm::SmallPtrSet<const clang::Stmt *, 8> Seen;
    if (Target)
      L.forEachConsulted(Target, Seen, [&](unsigned Id) {
        Result.push_back(Names.count(Id) ? Names[Id] : "?");
      });
    return Result;
  }

private:
  ParsedCode Parsed;
  const clang::FunctionDecl *FD = nullptr;
  std::optional<StmtParents> Parents;
  std::optional<AccessPaths> Paths;
  std::optional<LocalTaint> Locals;
  std::unique_ptr<clang::CFG> Graph;
  std::vector<const clang::Stmt *> Statements;
};

// An initialization or `x = v` replaces what x carries; `x += v` adds to it.
TEST(LocalTaintTest, StoresReplaceOrAdd) {
  StraightLine Body(R"cpp(
void f() {
  int a = r0;
  int b = a + r1;
  a = r2;
  b += a;
  int c = 5;
})cpp",
                    "f");
  ASSERT_TRUE(Body.valid());
  EXPECT_THAT(Body.taints(), ElementsAre("a: 2", "b: 0 1 2"));
}

// A call may fill a local passed by non-const reference, or change the
// object it is called on, with its inputs; a const reference is an input.
TEST(LocalTaintTest, CallsFillOutputs) {
  StraightLine Body(R"cpp(
void f() {
  int a = 0;
  fill(a, r0);
  int b = 0;
  peek(b, r1);
  Vec v;
  v.push(r2);
  int n = v.size();
})cpp",
                    "f");
  ASSERT_TRUE(Body.valid());
  EXPECT_THAT(Body.taints(), ElementsAre("a: 0", "n: 2", "v: 2"));
}

// A reference to a local carries that local's value; one to an element a
// call chose depends on what chose it.
TEST(LocalTaintTest, ReferencesCarryWhatTheyAreBoundTo) {
  StraightLine Body(R"cpp(
void f() {
  int a = r0;
  int &ra = a;
  int b = ra;
  int &slot = pick(r1);
  int c = slot;
})cpp",
                    "f");
  ASSERT_TRUE(Body.valid());
  EXPECT_THAT(Body.taints(),
              UnorderedElementsAre("a: 0", "b: 0", "c: 1", "slot: 1"));
  EXPECT_THAT(Body.consultedBy("b"), ElementsAre("a"));
}

// A reference used in its own initializer must not send the lookup round
// for ever.
TEST(LocalTaintTest, SelfReferentialReferenceTerminates) {
  StraightLine Body(R"cpp(
void f() {
  int &r = pick(r + r1);
  int c = r;
})cpp",
                    "f");
  ASSERT_TRUE(Body.valid());
  EXPECT_THAT(Body.taints(), ElementsAre("c: 1", "r: 1"));
}

// What sizeof and noexcept name is not evaluated.
TEST(LocalTaintTest, UnevaluatedOperandsCarryNothing) {
  StraightLine Body(R"cpp(
void f() {
  unsigned long n = sizeof(r0);
  bool b = noexcept(pick(r1));
})cpp",
                    "f");
  ASSERT_TRUE(Body.valid());
  EXPECT_THAT(Body.taints(), IsEmpty());
}

// A lambda carries what it captures by copy; in its body, captures are the
// enclosing function's or the closure's, never locals of the body.
TEST(LocalTaintTest, CapturesAreNotLocalsOfTheLambda) {
  const char *Code = R"cpp(
void f() {
  int a = r0;
  int outer = 0;
  auto copy = [a] { return a; };
  auto ref = [&outer] { outer = r1; };
})cpp";
  StraightLine Body(Code, "f");
  ASSERT_TRUE(Body.valid());
  EXPECT_THAT(Body.taints(), ElementsAre("a: 0", "copy: 0"));
  StraightLine Lambda(Code, "operator()", 1);
  ASSERT_TRUE(Lambda.valid());
  EXPECT_THAT(Lambda.taints(), IsEmpty());
}

} // namespace
} // namespace corolock::test
