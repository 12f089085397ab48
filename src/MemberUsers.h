//===--- MemberUsers.h - Whether every user of a member is in sight -*- C++
//-*-===//
//
// A private data member can be named only by its class's member functions,
// its nested classes and its friends. When every one of them is defined in
// the translation unit (and its body is in the AST, not skipped as clangd
// skips the bodies of its preamble's headers), no code out of sight can
// name the member: its uses are all here, whatever file declares the class.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_MEMBERUSERS_H
#define COROLOCK_MEMBERUSERS_H

#include "clang/AST/Decl.h"

namespace corolock {

/// The first declaration through which code this translation unit does not
/// show may name \p Member, or null when there is none. \p Member itself when
/// it is not a private member of a named class; the class when it is a
/// template, an instantiation or a specialization of one, or nested in one
/// (other translation units may instantiate it with other arguments); a
/// member function, nested class or friend not defined here (a deleted or
/// implicit member does not count); a static data member not defined here
/// (its initializer may name \p Member); a member or friend function
/// template whose body names \p Member (other translation units may
/// instantiate it with other arguments), or an explicit specialization of
/// one that is not defined here. A friend class's members and nested
/// classes count as the class's own.
const clang::NamedDecl *hiddenUser(const clang::ValueDecl *Member);

} // namespace corolock

#endif // COROLOCK_MEMBERUSERS_H
