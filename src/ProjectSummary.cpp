//===--- ProjectSummary.cpp - Facts that outlive a translation unit -------===//

#include "ProjectSummary.h"
#include "clang/AST/Decl.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <mutex>

namespace corolock {
namespace json = llvm::json;

namespace {

constexpr llvm::StringLiteral FormatName = "corolock-summary";

json::Value point(const SourcePoint &P) {
  return json::Object{{"file", P.File},
                      {"line", P.Line},
                      {"column", P.Column},
                      {"offset", P.Offset}};
}

json::Value section(const SectionFact &S) {
  json::Array Unseen;
  for (const auto &[Usr, At] : S.Unseen)
    Unseen.push_back(json::Object{{"usr", Usr}, {"at", point(At)}});
  json::Object O{{"unit", S.Unit},
                 {"acquisition", point(S.Acquisition)},
                 {"function", S.Function},
                 {"suspends", S.Suspends},
                 {"io", S.AwaitsIo},
                 {"mayTakeLong", S.MayTakeLong},
                 {"unseen", std::move(Unseen)},
                 {"shared", S.Shared}};
  if (S.IoAt) {
    O["ioAt"] = point(*S.IoAt);
    O["ioOperation"] = S.Io;
  }
  return O;
}

json::Value passed(const PassedFact &P) {
  return json::Object{{"unit", P.Unit},
                      {"function", P.Function},
                      {"parameter", P.Parameter},
                      {"at", point(P.At)}};
}

json::Object mutex(const MutexFact &M) {
  json::Array Sections;
  for (const SectionFact &S : M.Sections)
    Sections.push_back(section(S));
  json::Array PassedTo;
  for (const PassedFact &P : M.PassedTo)
    PassedTo.push_back(passed(P));
  return json::Object{{"name", M.Name},
                      {"declaration", point(M.Declaration)},
                      {"async", M.Async},
                      {"unfollowed", M.Unfollowed},
                      {"sections", std::move(Sections)},
                      {"passedTo", std::move(PassedTo)}};
}

json::Object parameter(const ParameterFact &P) {
  json::Object O = mutex(P.Mutex);
  O["unit"] = P.Unit;
  O["function"] = P.Function;
  O["hash"] = P.Hash;
  return O;
}

/// Adds \p From's sections and calls to \p Into's, each once.
void mergeMutex(MutexFact &Into, const MutexFact &From) {
  Into.Async |= From.Async;
  Into.Unfollowed |= From.Unfollowed;
  for (const SectionFact &S : From.Sections)
    if (!llvm::is_contained(Into.Sections, S))
      Into.Sections.push_back(S);
  for (const PassedFact &P : From.PassedTo)
    if (!llvm::is_contained(Into.PassedTo, P))
      Into.PassedTo.push_back(P);
}

/// Drops what units of \p IsStale said of \p M.
template <typename Pred> void dropUnits(MutexFact &M, Pred IsStale) {
  llvm::erase_if(M.Sections,
                 [&](const SectionFact &S) { return IsStale(S.Unit); });
  llvm::erase_if(M.PassedTo,
                 [&](const PassedFact &P) { return IsStale(P.Unit); });
}

template <typename T, typename Fn>
json::Object byUsr(const std::map<std::string, T> &Facts, Fn ToJson) {
  json::Object Result;
  for (const auto &[Usr, Fact] : Facts)
    Result[Usr] = ToJson(Fact);
  return Result;
}

template <typename T, typename Pred>
void eraseFacts(std::map<std::string, T> &Facts, Pred IsStale) {
  for (auto It = Facts.begin(); It != Facts.end();)
    It = IsStale(It->second) ? Facts.erase(It) : std::next(It);
}

/// JSON reads signed integers only (LLVM 19).
bool mapUnsigned(json::ObjectMapper &O, llvm::StringLiteral Field,
                 unsigned &Out) {
  int64_t Value = 0;
  if (!O.map(Field, Value) || Value < 0 || Value > UINT32_MAX)
    return false;
  Out = static_cast<unsigned>(Value);
  return true;
}

} // namespace

static bool fromJSON(const json::Value &V, SourcePoint &P, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("file", P.File) && mapUnsigned(O, "line", P.Line) &&
         mapUnsigned(O, "column", P.Column) &&
         mapUnsigned(O, "offset", P.Offset);
}

static bool fromJSON(const json::Value &V,
                     std::pair<std::string, SourcePoint> &U, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("usr", U.first) && O.map("at", U.second);
}

static bool fromJSON(const json::Value &V, SectionFact &S, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("unit", S.Unit) && O.map("acquisition", S.Acquisition) &&
         O.map("function", S.Function) && O.map("suspends", S.Suspends) &&
         O.map("io", S.AwaitsIo) && O.map("mayTakeLong", S.MayTakeLong) &&
         O.map("unseen", S.Unseen) && O.mapOptional("ioAt", S.IoAt) &&
         O.mapOptional("ioOperation", S.Io) && O.map("shared", S.Shared);
}

static bool fromJSON(const json::Value &V, PassedFact &P, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("unit", P.Unit) && O.map("function", P.Function) &&
         mapUnsigned(O, "parameter", P.Parameter) && O.map("at", P.At);
}

static bool fromJSON(const json::Value &V, MutexFact &M, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("name", M.Name) && O.map("declaration", M.Declaration) &&
         O.map("async", M.Async) && O.map("unfollowed", M.Unfollowed) &&
         O.map("sections", M.Sections) && O.map("passedTo", M.PassedTo);
}

static bool fromJSON(const json::Value &V, ParameterFact &P, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && fromJSON(V, P.Mutex, Path) && O.map("unit", P.Unit) &&
         O.map("function", P.Function) && O.map("hash", P.Hash);
}

static bool fromJSON(const json::Value &V, FunctionFact &F, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("unit", F.Unit) && O.map("name", F.Name) &&
         O.map("definition", F.Definition) && O.map("hash", F.Hash) &&
         O.mapOptional("io", F.Io) && O.mapOptional("ioAt", F.IoAt) &&
         O.map("mayTakeLong", F.MayTakeLong);
}

static bool fromJSON(const json::Value &V, AwaiterFact &A, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("unit", A.Unit) && O.map("name", A.Name) &&
         O.map("definition", A.Definition) && O.map("hash", A.Hash) &&
         O.map("alwaysReady", A.AlwaysReady);
}

static bool fromJSON(const json::Value &V, UnitStamp &U, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("file", U.File) && O.map("hash", U.Hash) &&
         O.map("checks", U.Checks);
}

void ProjectSummary::merge(const ProjectSummary &Other) {
  for (const UnitStamp &Unit : Other.Units)
    if (llvm::none_of(Units,
                      [&](const UnitStamp &U) { return U.File == Unit.File; }))
      Units.push_back(Unit);
  for (const auto &[Usr, Fact] : Other.Mutexes)
    if (auto [It, Inserted] = Mutexes.try_emplace(Usr, Fact); !Inserted)
      mergeMutex(It->second, Fact);
  // A function defined in a header: every unit that includes it says what
  // it does with its parameter.
  for (const auto &[Key, Fact] : Other.Parameters)
    if (auto [It, Inserted] = Parameters.try_emplace(Key, Fact); !Inserted)
      mergeMutex(It->second.Mutex, Fact.Mutex);
  for (const auto &[Usr, Fact] : Other.Functions) {
    auto [It, Inserted] = Functions.try_emplace(Usr, Fact);
    // A unit that saw the I/O knows more than one that did not.
    if (!Inserted && !It->second.Io && Fact.Io)
      It->second = Fact;
  }
  for (const auto &[Usr, Fact] : Other.Awaiters) {
    auto [It, Inserted] = Awaiters.try_emplace(Usr, Fact);
    // Ready at every use, or not known to be.
    if (!Inserted)
      It->second.AlwaysReady &= Fact.AlwaysReady;
  }
}

std::vector<std::string> ProjectSummary::dropStale(
    llvm::function_ref<std::optional<std::string>(llvm::StringRef File)>
        Contents) {
  llvm::StringMap<std::optional<std::string>> Hashes;
  auto HashNow = [&](const std::string &File) {
    auto [It, Inserted] = Hashes.try_emplace(File);
    if (Inserted)
      if (std::optional<std::string> Now = Contents(File))
        It->second = contentHash(*Now);
    return It->second;
  };
  auto DefinitionChanged = [&](const auto &Fact) {
    return HashNow(Fact.Definition.File) != Fact.Hash;
  };
  eraseFacts(Functions, DefinitionChanged);
  eraseFacts(Awaiters, DefinitionChanged);
  eraseFacts(Parameters, [&](const ParameterFact &Fact) {
    return HashNow(Fact.Mutex.Declaration.File) != Fact.Hash;
  });
  std::vector<std::string> Stale;
  for (const UnitStamp &U : Units)
    if (HashNow(U.File) != U.Hash)
      Stale.push_back(U.File);
  if (Stale.empty())
    return Stale;
  llvm::append_range(StaleUnits, Stale);
  auto IsStale = [&](const std::string &Unit) {
    return llvm::is_contained(Stale, Unit);
  };
  llvm::erase_if(Units, [&](const UnitStamp &U) { return IsStale(U.File); });
  for (auto &Entry : Mutexes)
    dropUnits(Entry.second, IsStale);
  for (auto &Entry : Parameters)
    dropUnits(Entry.second.Mutex, IsStale);
  auto OfStaleUnit = [&](const auto &Fact) { return IsStale(Fact.Unit); };
  eraseFacts(Functions, OfStaleUnit);
  eraseFacts(Awaiters, OfStaleUnit);
  eraseFacts(Parameters, OfStaleUnit);
  return Stale;
}

std::string PassedFact::parameterKey() const {
  return Function + "#" + std::to_string(Parameter);
}

std::optional<std::vector<SectionThroughCall>>
ProjectSummary::sectionsThrough(llvm::ArrayRef<PassedFact> Calls) const {
  std::vector<SectionThroughCall> Found;
  llvm::StringSet<> Visited;
  // Each parameter reached, with the call of Calls that led there.
  std::vector<std::pair<const PassedFact *, size_t>> Worklist;
  Worklist.reserve(Calls.size());
  for (size_t I = 0; I < Calls.size(); ++I)
    Worklist.emplace_back(&Calls[I], I);
  while (!Worklist.empty()) {
    auto [Call, First] = Worklist.back();
    Worklist.pop_back();
    std::string Key = Call->parameterKey();
    if (!Visited.insert(Key).second)
      continue;
    auto It = Parameters.find(Key);
    if (It == Parameters.end() || It->second.Mutex.Unfollowed)
      return std::nullopt;
    const ParameterFact &Parameter = It->second;
    for (const SectionFact &S : Parameter.Mutex.Sections)
      Found.push_back({&S, &Parameter, First});
    for (const PassedFact &Next : Parameter.Mutex.PassedTo)
      Worklist.emplace_back(&Next, First);
  }
  return Found;
}

std::vector<std::pair<const MutexFact *, const PassedFact *>>
ProjectSummary::mutexesPassedTo(llvm::StringRef Key) const {
  std::vector<std::pair<const MutexFact *, const PassedFact *>> Found;
  for (const auto &[Usr, Mutex] : Mutexes)
    for (const PassedFact &Call : Mutex.PassedTo)
      if (leadsTo(Call, Key)) {
        Found.emplace_back(&Mutex, &Call);
        break;
      }
  return Found;
}

bool ProjectSummary::leadsTo(const PassedFact &Call,
                             llvm::StringRef Key) const {
  llvm::StringSet<> Visited;
  std::vector<const PassedFact *> Worklist = {&Call};
  while (!Worklist.empty()) {
    const PassedFact *Next = Worklist.back();
    Worklist.pop_back();
    std::string At = Next->parameterKey();
    if (At == Key)
      return true;
    auto It = Parameters.find(At);
    if (!Visited.insert(At).second || It == Parameters.end())
      continue;
    for (const PassedFact &Then : It->second.Mutex.PassedTo)
      Worklist.push_back(&Then);
  }
  return false;
}

std::string usrOf(const clang::Decl *D) {
  if (const auto *Var = llvm::dyn_cast<clang::VarDecl>(D);
      Var && (Var->isLocalVarDeclOrParm() || !Var->isExternallyVisible()))
    return "";
  if (const auto *Named = llvm::dyn_cast<clang::NamedDecl>(D);
      Named && !Named->isExternallyVisible() &&
      !llvm::isa<clang::FieldDecl>(Named))
    return "";
  llvm::SmallString<128> Usr;
  if (clang::index::generateUSRForDecl(D, Usr))
    return "";
  return std::string(Usr);
}

std::optional<std::string> findProjectIndex(llvm::StringRef MainFile) {
  llvm::SmallString<256> Directory(MainFile);
  if (llvm::sys::fs::make_absolute(Directory))
    return std::nullopt;
  llvm::sys::path::remove_filename(Directory);
  for (; !Directory.empty();
       Directory = llvm::sys::path::parent_path(Directory)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(Directory);
      llvm::sys::path::append(Candidate, Sub, IndexFileName);
      if (llvm::sys::fs::is_regular_file(Candidate))
        return std::string(Candidate);
    }
    if (llvm::sys::path::parent_path(Directory) == Directory)
      break;
  }
  return std::nullopt;
}

namespace {

/// When \p File was last modified, or none when it cannot be read.
std::optional<llvm::sys::TimePoint<>> modified(llvm::StringRef File) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(File, Status))
    return std::nullopt;
  return Status.getLastModificationTime();
}

/// An index as read, and its facts without the stale ones.
struct LoadedIndex {
  llvm::sys::TimePoint<> Modified;
  ProjectSummary Read;
  /// The files the facts depend on, and when they were modified when they
  /// were hashed: a file edited since makes Fresh out of date.
  std::vector<std::pair<std::string, std::optional<llvm::sys::TimePoint<>>>>
      Files;
  std::shared_ptr<const ProjectSummary> Fresh;

  bool filesChanged() const {
    return llvm::any_of(
        Files, [](const auto &F) { return modified(F.first) != F.second; });
  }

  void dropStale() {
    ProjectSummary Facts = Read;
    Files.clear();
    Facts.dropStale([&](llvm::StringRef File) -> std::optional<std::string> {
      Files.emplace_back(File.str(), modified(File));
      auto Contents = llvm::MemoryBuffer::getFile(File);
      if (!Contents)
        return std::nullopt;
      return (*Contents)->getBuffer().str();
    });
    Fresh = std::make_shared<const ProjectSummary>(std::move(Facts));
  }
};

} // namespace

llvm::Expected<std::shared_ptr<const ProjectSummary>>
loadProjectIndex(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (std::error_code Error = llvm::sys::fs::status(Path, Status))
    return llvm::createStringError(Error, "cannot read the corolock index " +
                                              Path + ": " + Error.message());
  llvm::sys::TimePoint<> IndexModified = Status.getLastModificationTime();
  // clangd analyses files on several threads, for as long as the editor
  // runs: each version of the index is read once, and its stale facts are
  // dropped again when a file they depend on is saved.
  static std::mutex Mutex;
  static llvm::StringMap<LoadedIndex> Loaded;
  std::lock_guard<std::mutex> Lock(Mutex);
  LoadedIndex &Entry = Loaded[Path];
  if (Entry.Fresh && Entry.Modified == IndexModified) {
    if (Entry.filesChanged())
      Entry.dropStale();
    return Entry.Fresh;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read the corolock index " + Path +
                                       ": " + Buffer.getError().message());
  llvm::Expected<ProjectSummary> Index = fromJson((*Buffer)->getBuffer());
  if (!Index)
    return llvm::createStringError("corolock index " + Path + ": " +
                                   llvm::toString(Index.takeError()));
  Entry.Modified = IndexModified;
  Entry.Read = std::move(*Index);
  Entry.dropStale();
  return Entry.Fresh;
}

std::string contentHash(llvm::StringRef Contents) {
  return llvm::utohexstr(llvm::xxh3_64bits(Contents), /*LowerCase=*/true);
}

std::string toJson(const ProjectSummary &Summary) {
  json::Array Units;
  for (const UnitStamp &U : Summary.Units)
    Units.push_back(
        json::Object{{"file", U.File}, {"hash", U.Hash}, {"checks", U.Checks}});
  json::Object Root{
      {"format", FormatName},
      {"version", SummaryVersion},
      {"units", std::move(Units)},
      {"mutexes", byUsr(Summary.Mutexes, mutex)},
      {"parameters", byUsr(Summary.Parameters, parameter)},
      {"functions", byUsr(Summary.Functions,
                          [](const FunctionFact &F) {
                            json::Object O{{"unit", F.Unit},
                                           {"name", F.Name},
                                           {"definition", point(F.Definition)},
                                           {"hash", F.Hash},
                                           {"mayTakeLong", F.MayTakeLong}};
                            if (F.Io)
                              O["io"] = *F.Io;
                            if (F.IoAt)
                              O["ioAt"] = point(*F.IoAt);
                            return O;
                          })},
      {"awaiters", byUsr(Summary.Awaiters, [](const AwaiterFact &A) {
         return json::Object{{"unit", A.Unit},
                             {"name", A.Name},
                             {"definition", point(A.Definition)},
                             {"hash", A.Hash},
                             {"alwaysReady", A.AlwaysReady}};
       })}};
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:1}", json::Value(std::move(Root)));
  return Text;
}

llvm::Expected<ProjectSummary> fromJson(llvm::StringRef Text) {
  llvm::Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *Root = Parsed->getAsObject();
  if (!Root || Root->getString("format") != FormatName)
    return llvm::createStringError("not a corolock summary (no \"format\": \"" +
                                   FormatName + "\")");
  std::optional<int64_t> Version = Root->getInteger("version");
  if (Version != static_cast<int64_t>(SummaryVersion))
    return llvm::createStringError(
        "corolock summary version " +
        (Version ? std::to_string(*Version) : std::string("(none)")) +
        ", this corolock reads version " + std::to_string(SummaryVersion));
  ProjectSummary Summary;
  json::Path::Root Errors("summary");
  json::ObjectMapper O(*Parsed, Errors);
  if (!O.map("units", Summary.Units) || !O.map("mutexes", Summary.Mutexes) ||
      !O.map("functions", Summary.Functions) ||
      !O.map("awaiters", Summary.Awaiters) ||
      !O.map("parameters", Summary.Parameters))
    return Errors.getError();
  return Summary;
}

} // namespace corolock
