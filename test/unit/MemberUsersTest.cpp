//===--- MemberUsersTest.cpp - Whether every user of a member is in sight -===//
//
// hiddenUser on a member of a class in the snippet: "visible" when every
// function that may name it is defined in the snippet, else the qualified
// name of the first declaration through which code out of sight may.
//
//===----------------------------------------------------------------------===//

#include "MemberUsers.h"
#include "AnalysisTestSupport.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "gtest/gtest.h"

namespace corolock::test {
namespace {

using namespace clang::ast_matchers;

/// hiddenUser of the first data member named \p Name (a field or a static
/// data member, qualified) of the snippet.
std::string hiddenUserOf(const std::string &Code, llvm::StringRef Name) {
  ParsedCode Parsed(Code);
  if (Parsed.hasErrors())
    return "error";
  auto Matches = match(valueDecl(hasName(Name), anyOf(fieldDecl(), varDecl()),
                                 isExpansionInMainFile())
                           .bind("m"),
                       Parsed.context());
  if (Matches.empty())
    return "no member";
  const clang::NamedDecl *Hidden =
      hiddenUser(Matches.front().getNodeAs<clang::ValueDecl>("m"));
  return Hidden ? Hidden->getQualifiedNameAsString() : "visible";
}

// Every member function defined: in the class, out of it, defaulted; an
// implicit or deleted one needs no definition.
TEST(MemberUsers, AllMembersDefined) {
  EXPECT_EQ(hiddenUserOf(R"cpp(
class C {
public:
  C();
  C(const C &) = delete;
  ~C() = default;
  bool operator==(const C &) const;
  static C &instance();
  void inc() { ++n_; }
  operator bool() const;
private:
  std::mutex mu_;
  int n_ = 0;
};
C::C() {}
bool C::operator==(const C &) const { return true; }
C &C::instance() { static C c; return c; }
C::operator bool() const { return n_ != 0; }
)cpp",
                         "C::mu_"),
            "visible");
}

// One member of each kind declared and not defined: a constructor, an
// operator, a static member function, a conversion, a plain member.
TEST(MemberUsers, MemberDefinedElsewhere) {
  const char *Members[] = {"C();",
                           "bool operator==(const C &) const;",
                           "static C &instance();",
                           "operator bool() const;",
                           "void dec();",
                           "virtual void f() = 0;"};
  const char *Names[] = {
      "C::C",   "C::operator==", "C::instance", "C::operator bool",
      "C::dec", "C::f"};
  for (unsigned I = 0; I != std::size(Members); ++I)
    EXPECT_EQ(hiddenUserOf(std::string("class C {\npublic:\n  ") + Members[I] +
                               "\n  void inc() { ++n_; }\nprivate:\n"
                               "  std::mutex mu_;\n  int n_ = 0;\n};\n",
                           "C::mu_"),
              Names[I])
        << Members[I];
}

// Code of any class may name a protected or public member, a member of a
// struct, or a global.
TEST(MemberUsers, OnlyPrivateMembers) {
  EXPECT_EQ(hiddenUserOf("class C { protected: std::mutex mu_; };", "C::mu_"),
            "C::mu_");
  EXPECT_EQ(hiddenUserOf("struct C { std::mutex mu_; };", "C::mu_"), "C::mu_");
  EXPECT_EQ(hiddenUserOf("std::mutex mu;", "mu"), "mu");
  EXPECT_EQ(hiddenUserOf("class C { static std::mutex mu_; };", "C::mu_"),
            "visible");
}

// Friends: a function defined here, or a class whose members (and nested
// classes) all are, sees nothing more; one declared only, or a class with a
// member defined elsewhere, may lock the mutex out of sight. Friends of a
// friend do not count.
TEST(MemberUsers, Friends) {
  std::string Class = R"cpp(
class C {
  friend void reset(C &c);
  friend class Auditor;
  std::mutex mu_;
};
class Auditor {
  friend void other();
public:
  void audit(C &c) { c.mu_.lock(); c.mu_.unlock(); }
  %s
  struct Nested { void peek(C &c); };
};
)cpp";
  auto With = [&](const std::string &Auditor, const std::string &Tail) {
    std::string Code = Class;
    Code.replace(Code.find("%s"), 2, Auditor);
    return Code + Tail;
  };
  std::string Defined = "void reset(C &c) {}\nvoid Auditor::Nested::peek(C "
                        "&c) {}\n";
  EXPECT_EQ(hiddenUserOf(With("", Defined), "C::mu_"), "visible");
  EXPECT_EQ(
      hiddenUserOf(With("", "void Auditor::Nested::peek(C &c) {}\n"), "C::mu_"),
      "reset");
  EXPECT_EQ(hiddenUserOf(With("void log(C &c);", Defined), "C::mu_"),
            "Auditor::log");
  EXPECT_EQ(hiddenUserOf(With("", "void reset(C &c) {}\n"), "C::mu_"),
            "Auditor::Nested::peek");
  EXPECT_EQ(hiddenUserOf("class C;\nclass D { friend class C; std::mutex mu_; "
                         "};",
                         "D::mu_"),
            "C");
  EXPECT_EQ(hiddenUserOf("template <class T> struct F;\nclass D { template "
                         "<class T> friend struct F; std::mutex mu_; };",
                         "D::mu_"),
            "F");
}

// A nested class's members may name the mutex: declared only (a pimpl) it is
// out of sight. Its own friends do not count.
TEST(MemberUsers, NestedClasses) {
  EXPECT_EQ(hiddenUserOf("class C { class Impl; std::mutex mu_; };", "C::mu_"),
            "C::Impl");
  EXPECT_EQ(hiddenUserOf("class C { class Impl { friend void f(); void g() {} "
                         "}; std::mutex mu_; };",
                         "C::mu_"),
            "visible");
  EXPECT_EQ(hiddenUserOf("class C { class Impl { void g(); }; std::mutex mu_; "
                         "};",
                         "C::mu_"),
            "C::Impl::g");
  EXPECT_EQ(hiddenUserOf("class C { template <class T> struct Impl {}; "
                         "std::mutex mu_; };",
                         "C::mu_"),
            "C::Impl");
}

// A member template that does not name the mutex is harmless wherever it is
// instantiated; one that names it may be instantiated elsewhere with other
// arguments; an explicit specialization is a function of its own.
TEST(MemberUsers, MemberTemplates) {
  std::string Class = R"cpp(
class C {
public:
  template <class F> void visit(F f) { f(n_); }
  template <class F> void locked(F f);
private:
  std::mutex mu_;
  int n_ = 0;
};
)cpp";
  EXPECT_EQ(hiddenUserOf(Class, "C::mu_"), "C::locked");
  EXPECT_EQ(hiddenUserOf(Class + "template <class F> void C::locked(F f) { "
                                 "f(n_); }\n",
                         "C::mu_"),
            "visible");
  EXPECT_EQ(hiddenUserOf(Class + "template <class F> void C::locked(F f) { "
                                 "std::lock_guard<std::mutex> g(mu_); f(n_); "
                                 "}\n",
                         "C::mu_"),
            "C::locked");
  EXPECT_EQ(hiddenUserOf(Class + "template <class F> void C::locked(F f) {}\n"
                                 "template <> void C::locked<int>(int f);\n",
                         "C::mu_"),
            "C::locked");
  EXPECT_EQ(hiddenUserOf(Class + "template <class F> void C::locked(F f) {}\n"
                                 "template <> void C::locked<int>(int f) { "
                                 "std::lock_guard<std::mutex> g(mu_); }\n",
                         "C::mu_"),
            "visible");
}

// A class template, its instantiations and specializations, and a class
// nested in one, may be instantiated elsewhere with other arguments.
TEST(MemberUsers, Templates) {
  EXPECT_EQ(hiddenUserOf("template <class T> class B { void f() {} "
                         "std::mutex mu_; };\nB<int> b;",
                         "B::mu_"),
            "B");
  EXPECT_EQ(hiddenUserOf("template <class T> class B { class I { std::mutex "
                         "mu_; }; };",
                         "B::I::mu_"),
            "B::I");
  EXPECT_EQ(hiddenUserOf("template <class T> class B {};\ntemplate <> class "
                         "B<int> { std::mutex int_mu_; };",
                         "int_mu_"),
            "B");
}

// A class local to a function has all its members in it; a static data
// member defined elsewhere has an initializer out of sight.
TEST(MemberUsers, LocalClassesAndStaticMembers) {
  EXPECT_EQ(hiddenUserOf("void f() { class L { void g() {} std::mutex mu_; }; "
                         "}",
                         "mu_"),
            "visible");
  EXPECT_EQ(hiddenUserOf("template <class T> void f() { class L { std::mutex "
                         "mu_; }; }\ntemplate void f<int>();",
                         "mu_"),
            "L");
  EXPECT_EQ(
      hiddenUserOf("class C { static int count; std::mutex mu_; };", "C::mu_"),
      "C::count");
  EXPECT_EQ(hiddenUserOf("class C { static const int k = 1; static int count; "
                         "std::mutex mu_; };\nint C::count = 0;",
                         "C::mu_"),
            "visible");
}

} // namespace
} // namespace corolock::test
