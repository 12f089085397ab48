//===--- MemberUsers.cpp - Whether every user of a member is in sight -----===//

#include "MemberUsers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolock {
namespace {

/// Whether \p F is defined here with its body in the AST (or defaulted, or
/// deleted): not only declared, and not with a body the parser skipped.
bool isDefinedHere(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  return F->isDefined(Definition) && !Definition->hasSkippedBody();
}

/// The template (or instantiation, or specialization) \p DC is or is nested
/// in, or null.
const Decl *enclosingTemplate(const DeclContext *DC) {
  for (; DC; DC = DC->getParent()) {
    const auto *D = dyn_cast<Decl>(DC);
    if (DC->isDependentContext())
      return D;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC);
        RD && (isa<ClassTemplateSpecializationDecl>(RD) ||
               RD->getTemplateInstantiationPattern()))
      return RD;
    if (const auto *F = dyn_cast<FunctionDecl>(DC);
        F && F->getTemplateInstantiationPattern())
      return F;
  }
  return nullptr;
}

class MemberReferences : public RecursiveASTVisitor<MemberReferences> {
public:
  explicit MemberReferences(const ValueDecl *Member) : Member(Member) {}
  bool VisitMemberExpr(MemberExpr *E) {
    Found |= E->getMemberDecl() == Member;
    return !Found;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Found |= E->getDecl() == Member;
    return !Found;
  }
  bool Found = false;

private:
  const ValueDecl *Member;
};

/// Walks the code that may name one private member.
class UserSearch {
public:
  explicit UserSearch(const ValueDecl *Member) : Member(Member) {}

  /// The first user of \p RD's members (its own, its nested classes', and
  /// with \p WithFriends its friends') that is out of sight, or null.
  const NamedDecl *inClass(const CXXRecordDecl *RD, bool WithFriends) {
    if (!RD->hasDefinition())
      return RD;
    RD = RD->getDefinition();
    if (!Visited.insert(RD).second)
      return nullptr;
    for (const Decl *D : RD->decls())
      if (const NamedDecl *Hidden = inMember(D, WithFriends))
        return Hidden;
    return nullptr;
  }

private:
  const NamedDecl *inMember(const Decl *D, bool WithFriends) {
    if (const auto *Friend = dyn_cast<FriendDecl>(D))
      return WithFriends ? inFriend(Friend) : nullptr;
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      return F->isImplicit() || F->isDeleted() || isDefinedHere(F) ? nullptr
                                                                   : F;
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
      return inFunctionTemplate(T);
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D))
      return Nested->isInjectedClassName() ? nullptr : inClass(Nested, false);
    // A nested class template may be instantiated elsewhere.
    if (const auto *T = dyn_cast<ClassTemplateDecl>(D))
      return T;
    // A static data member's initializer is in the member's class scope.
    if (const auto *Var = dyn_cast<VarDecl>(D))
      return Var == Member || Var->getDefinition() || Var->getAnyInitializer()
                 ? nullptr
                 : Var;
    return nullptr;
  }

  const NamedDecl *inFriend(const FriendDecl *Friend) {
    if (const TypeSourceInfo *Type = Friend->getFriendType()) {
      // `friend int;` befriends nothing.
      const CXXRecordDecl *RD = Type->getType()->getAsCXXRecordDecl();
      if (!RD)
        return nullptr;
      if (enclosingTemplate(RD))
        return RD;
      return inClass(RD, false);
    }
    const NamedDecl *D = Friend->getFriendDecl();
    if (const auto *F = dyn_cast_or_null<FunctionDecl>(D))
      return F->isDeleted() || isDefinedHere(F) ? nullptr : F;
    if (const auto *T = dyn_cast_or_null<FunctionTemplateDecl>(D))
      return inFunctionTemplate(T);
    // A friend class template may be instantiated elsewhere.
    return D;
  }

  /// A function template defined here that does not name the member may be
  /// instantiated anywhere; its explicit specializations are functions.
  const NamedDecl *inFunctionTemplate(const FunctionTemplateDecl *T) {
    const FunctionDecl *Pattern = T->getTemplatedDecl();
    if (Pattern->isDeleted())
      return nullptr;
    const FunctionDecl *Definition = nullptr;
    if (!Pattern->isDefined(Definition) || Definition->hasSkippedBody())
      return T;
    MemberReferences References(Member);
    References.TraverseDecl(const_cast<FunctionDecl *>(Definition));
    if (References.Found)
      return T;
    for (const FunctionDecl *Specialization : T->specializations())
      if (Specialization->getTemplateSpecializationKind() ==
              TSK_ExplicitSpecialization &&
          !isDefinedHere(Specialization))
        return Specialization;
    return nullptr;
  }

  const ValueDecl *Member;
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Visited;
};

} // namespace

const NamedDecl *hiddenUser(const ValueDecl *Member) {
  const auto *RD = dyn_cast<CXXRecordDecl>(Member->getDeclContext());
  if (!RD || RD->isAnonymousStructOrUnion() ||
      Member->getAccess() != AS_private)
    return Member;
  if (enclosingTemplate(RD))
    return RD;
  return UserSearch(Member).inClass(RD, true);
}

} // namespace corolock
