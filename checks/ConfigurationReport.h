//===--- ConfigurationReport.h - A check's configuration problems -*- C++
//-*-===//
//
// What is wrong with a corolock check's configuration: invalid option values,
// and option keys that no corolock check reads (a misspelled key is otherwise
// ignored without a word). clang-tidy prints configuration problems without a
// location; clangd drops those, so in clangd they go at the start of the main
// file, where the editor shows them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_CHECKS_CONFIGURATIONREPORT_H
#define COROLOCK_CHECKS_CONFIGURATIONREPORT_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <utility>
#include <vector>

namespace corolock {

class ConfigurationReport {
public:
  /// Also adds a warning for each option key of the configuration that
  /// begins with "corolock-" or "corolock." and that no corolock check reads,
  /// naming the closest key that one reads, when \p Check is the first
  /// corolock check enabled (by name), so that each key is reported once.
  ConfigurationReport(clang::tidy::ClangTidyCheck &Check,
                      llvm::StringRef CheckName,
                      clang::tidy::ClangTidyContext &Context);

  void add(std::string Message, clang::DiagnosticIDs::Level Level);

  /// Reports what was added, once; from the check's registerPPCallbacks,
  /// which clang-tidy and clangd call once the main file is known.
  void report(const clang::SourceManager &SM);

  /// Makes report() put the problems at the start of the main file: for
  /// clangd, which shows no diagnostic without a location but the
  /// compiler's errors.
  static void reportAtStartOfMainFile();

private:
  clang::tidy::ClangTidyCheck &Check;
  std::vector<std::pair<std::string, clang::DiagnosticIDs::Level>> Problems;
};

} // namespace corolock

#endif // COROLOCK_CHECKS_CONFIGURATIONREPORT_H
