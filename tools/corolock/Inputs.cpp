//===--- Inputs.cpp - The standalone corolock's source files --------------===//

#include "Inputs.h"
#include "CommandLineChecks.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace corolock {

namespace {

bool isCxxFile(llvm::StringRef File) {
  llvm::StringRef Extension = llvm::sys::path::extension(File);
  return Extension.consume_front(".") &&
         clang::driver::types::isCXX(
             clang::driver::types::lookupTypeForExtension(Extension));
}

} // namespace

bool checkInputs(llvm::ArrayRef<std::string> Files, llvm::raw_ostream &Errs) {
  bool AllFound = true;
  for (const std::string &File : Files) {
    // run-clang-tidy asks for --list-checks with an empty file name.
    if (File.empty())
      continue;
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(File, Status) || !llvm::sys::fs::exists(Status)) {
      Errs << "corolock: error: no such file: '" << File << "'\n";
      AllFound = false;
    } else if (llvm::sys::fs::is_directory(Status)) {
      Errs << "corolock: error: '" << File
           << "' is a directory: name its source files, or lint a whole "
              "compilation database with corolock-run\n";
      AllFound = false;
    }
  }
  return AllFound;
}

void defaultToCxx20(std::vector<std::string> &Args,
                    llvm::ArrayRef<std::string> Files,
                    llvm::raw_ostream &Errs) {
  if (Files.empty() || llvm::is_contained(Args, "--") ||
      optionValue(Args, "p") || !llvm::all_of(Files, isCxxFile))
    return;
  std::string Ignored;
  if (clang::tooling::CompilationDatabase::autoDetectFromSource(Files.front(),
                                                                Ignored))
    return;
  Errs << "corolock: no compilation database for '" << Files.front()
       << "' and no compiler flags after '--': parsing as C++20 "
          "(-std=c++20)\n";
  Args.push_back("--");
  Args.push_back("-std=c++20");
}

} // namespace corolock
