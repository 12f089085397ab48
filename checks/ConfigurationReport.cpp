//===--- ConfigurationReport.cpp - A check's configuration problems -------===//

#include "ConfigurationReport.h"
#include "CorolockModule.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

using namespace clang;

namespace corolock {

namespace {

constexpr llvm::StringLiteral ModuleWidePrefix = "corolock.";

bool AtStartOfMainFile = false;

bool isCorolockKey(StringRef Key) {
  return Key.starts_with("corolock-") || Key.starts_with(ModuleWidePrefix);
}

/// Every key a corolock check reads, found by constructing each check with
/// no configuration and collecting what it asks for; and "corolock.<X>" for
/// each option X that every check reads, which sets it for all of them.
llvm::StringSet<> keysTheChecksRead() {
  tidy::ClangTidyCheckFactories Factories;
  addCorolockChecks(Factories);
  // No configuration: the checks constructed here have no key to warn about.
  tidy::ClangTidyContext Context(std::make_unique<tidy::DefaultOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), tidy::ClangTidyOptions()));
  llvm::StringSet<> Keys;
  std::optional<llvm::StringSet<>> Shared;
  for (const auto &Factory : Factories) {
    llvm::StringSet<> Read;
    Context.setOptionsCollector(&Read);
    Factory.getValue()(Factory.getKey(), &Context);
    llvm::StringSet<> Local;
    std::string Prefix = (Factory.getKey() + ".").str();
    for (const auto &Key : Read.keys()) {
      Keys.insert(Key);
      if (Key.starts_with(Prefix))
        Local.insert(Key.drop_front(Prefix.size()));
    }
    if (!Shared) {
      Shared = std::move(Local);
      continue;
    }
    llvm::StringSet<> Common;
    for (const auto &Name : Shared->keys())
      if (Local.contains(Name))
        Common.insert(Name);
    Shared = std::move(Common);
  }
  Context.setOptionsCollector(nullptr);
  if (Shared)
    for (const auto &Name : Shared->keys())
      Keys.insert((ModuleWidePrefix + Name).str());
  return Keys;
}

const llvm::StringSet<> &validKeys() {
  static const llvm::StringSet<> Keys = keysTheChecksRead();
  return Keys;
}

/// The valid key closest to \p Key: among those of the same check (or the
/// module-wide ones) by option name when its prefix is right, else among all.
StringRef closestKey(StringRef Key) {
  auto [Prefix, Name] = Key.rsplit('.');
  std::string KnownPrefix = (Prefix + ".").str();
  bool PrefixIsKnown = llvm::any_of(validKeys().keys(), [&](StringRef Valid) {
    return Valid.starts_with(KnownPrefix);
  });
  StringRef Best;
  unsigned BestDistance = ~0U;
  for (StringRef Valid : validKeys().keys()) {
    if (PrefixIsKnown && !Valid.starts_with(KnownPrefix))
      continue;
    unsigned Distance = PrefixIsKnown
                            ? Name.edit_distance_insensitive(
                                  Valid.drop_front(KnownPrefix.size()))
                            : Key.edit_distance_insensitive(Valid);
    // Ties go to the first in order: the answer must not depend on hashing.
    if (Distance < BestDistance || (Distance == BestDistance && Valid < Best)) {
      Best = Valid;
      BestDistance = Distance;
    }
  }
  return Best;
}

/// Whether \p CheckName is the first corolock check enabled, by name.
bool isFirstEnabled(StringRef CheckName, tidy::ClangTidyContext &Context) {
  for (const std::string &Name : corolockCheckNames())
    if (Context.isCheckEnabled(Name))
      return Name == CheckName;
  return false;
}

} // namespace

ConfigurationReport::ConfigurationReport(tidy::ClangTidyCheck &Check,
                                         StringRef CheckName,
                                         tidy::ClangTidyContext &Context)
    : Check(Check) {
  std::vector<StringRef> Unknown;
  for (const auto &Option : Context.getOptions().CheckOptions)
    if (isCorolockKey(Option.getKey()))
      Unknown.push_back(Option.getKey());
  // Checks without a corolock key in their configuration stop here, among
  // them those that keysTheChecksRead() constructs.
  if (Unknown.empty() || !isFirstEnabled(CheckName, Context))
    return;
  llvm::erase_if(Unknown,
                 [](StringRef Key) { return validKeys().contains(Key); });
  llvm::sort(Unknown);
  for (StringRef Key : Unknown)
    add(("unknown corolock option '" + Key + "' is ignored; did you mean '" +
         closestKey(Key) + "'?")
            .str(),
        DiagnosticIDs::Warning);
}

void ConfigurationReport::add(std::string Message, DiagnosticIDs::Level Level) {
  Problems.emplace_back(std::move(Message), Level);
}

void ConfigurationReport::report(const SourceManager &SM) {
  for (const auto &[Message, Level] : Problems) {
    if (AtStartOfMainFile)
      Check.diag(SM.getLocForStartOfFile(SM.getMainFileID()), "%0", Level)
          << Message;
    else
      Check.configurationDiag("%0", Level) << Message;
  }
  Problems.clear();
}

void ConfigurationReport::reportAtStartOfMainFile() {
  AtStartOfMainFile = true;
}

} // namespace corolock
