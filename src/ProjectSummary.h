//===--- ProjectSummary.h - Facts that outlive a translation unit -*- C++
//-*-===//
//
// What corolock learns about a translation unit that other translation units
// need (issue 12): the critical sections of each mutex, whether each
// function or coroutine awaits I/O, whether each awaiter type suspends. All
// are keyed by USR, which names a declaration the same way in every
// translation unit. A summary is one translation unit's facts, tagged with
// its file and a hash of its contents so that stale facts are detected; an
// index is the merge of a project's summaries. Both are versioned JSON.
//
//===----------------------------------------------------------------------===//

#ifndef COROLOCK_PROJECTSUMMARY_H
#define COROLOCK_PROJECTSUMMARY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Decl;
} // namespace clang

namespace corolock {

/// The format's version: readers refuse any other.
constexpr unsigned SummaryVersion = 3;

/// A position in a file, as diagnostics need it (offset for fixes, line and
/// column for text).
struct SourcePoint {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  bool operator==(const SourcePoint &O) const {
    return File == O.File && Offset == O.Offset;
  }
};

/// One critical section of a mutex.
struct SectionFact {
  /// The translation unit (main file) it was seen in.
  std::string Unit;
  SourcePoint Acquisition;
  /// The qualified name of the function that takes it.
  std::string Function;
  /// Whether the lock may be held across a suspension point, or handed to
  /// code that may hold it across one (a hand-off, a guard moved out, a
  /// lock held at the coroutine's end).
  bool Suspends = false;
  /// Whether one of those suspension points awaits I/O.
  bool AwaitsIo = false;
  /// The first suspension point that awaits I/O, and the I/O operation.
  std::optional<SourcePoint> IoAt;
  std::string Io;
  /// Whether, without I/O seen, it may still hold the lock long: it yields
  /// or awaits a function whose body the unit does not show.
  bool MayTakeLong = false;
  /// The functions it awaits while holding the lock whose bodies the unit
  /// does not show, by USR, with where it awaits each: another unit may
  /// show that they await I/O.
  std::vector<std::pair<std::string, SourcePoint>> Unseen;
  bool Shared = false;
  bool operator==(const SectionFact &O) const {
    return Acquisition == O.Acquisition && Suspends == O.Suspends &&
           AwaitsIo == O.AwaitsIo && Shared == O.Shared;
  }
};

/// A call that passes a mutex to a function whose body its unit does not
/// show: the function's parameter fact says what it does with it.
struct PassedFact {
  std::string Unit;
  /// The callee's USR.
  std::string Function;
  /// The parameter's index, the implicit object not counted.
  unsigned Parameter = 0;
  /// Where the argument is.
  SourcePoint At;
  /// The key of the parameter's fact in ProjectSummary::Parameters.
  std::string parameterKey() const;
  bool operator==(const PassedFact &O) const {
    return Function == O.Function && Parameter == O.Parameter && At == O.At;
  }
};

struct MutexFact {
  std::string Name;
  SourcePoint Declaration;
  bool Async = false;
  /// Whether some code of the translation unit may lock it where no
  /// summary follows (it escapes, or an element is locked through an index
  /// the analysis cannot follow): then no verdict may rest on its sections.
  bool Unfollowed = false;
  std::vector<SectionFact> Sections;
  /// The calls that pass it to functions defined out of the unit's sight.
  std::vector<PassedFact> PassedTo;
};

/// What a function does with a mutex parameter (by non-const reference or
/// pointer), as a mutex's fact: the sections it takes through it (in the
/// function, or in the functions of its unit it passes it on to), whether
/// it lets it escape, the calls out of sight it passes it on to.
struct ParameterFact {
  std::string Unit;
  /// The function's qualified name.
  std::string Function;
  /// The hash of the contents of the file that defines the function.
  std::string Hash;
  /// Named and declared as the parameter.
  MutexFact Mutex;
};

/// A critical section that a mutex's calls out of sight lead to, through
/// the index's parameter facts.
struct SectionThroughCall {
  const SectionFact *Section = nullptr;
  /// The parameter whose fact has the section.
  const ParameterFact *Parameter = nullptr;
  /// The index, among the calls followed, of the one that led there.
  size_t Call = 0;
};

/// A coroutine: what awaiting it waits for.
struct FunctionFact {
  std::string Unit;
  std::string Name;
  SourcePoint Definition;
  /// The hash of the contents of the file that defines it (a header, for
  /// one that many units see): an edit there makes the fact stale.
  std::string Hash;
  /// The I/O operation it awaits (directly or through what it awaits), and
  /// where; none when it awaits none that the analysis can see.
  std::optional<std::string> Io;
  std::optional<SourcePoint> IoAt;
  /// Without I/O: whether it yields, or awaits a function whose body its
  /// unit does not show (so it may still take long).
  bool MayTakeLong = false;
};

/// An awaiter's `await_ready()`, keyed by the method's USR.
struct AwaiterFact {
  std::string Unit;
  /// The awaiter's qualified name.
  std::string Name;
  SourcePoint Definition;
  std::string Hash;
  /// Whether it always returns true (the awaiter never suspends), at every
  /// use the units saw.
  bool AlwaysReady = false;
};

/// A translation unit it came from, and the hash of its contents then.
struct UnitStamp {
  std::string File;
  std::string Hash;
  /// The corolock checks enabled for it: a verdict over the project is
  /// given for a check that the units enabled.
  std::vector<std::string> Checks;
};

/// One translation unit's facts (one unit), or a project's (an index: the
/// merge of its summaries), keyed by USR.
struct ProjectSummary {
  std::vector<UnitStamp> Units;
  std::map<std::string, MutexFact> Mutexes;
  std::map<std::string, FunctionFact> Functions;
  std::map<std::string, AwaiterFact> Awaiters;
  /// By PassedFact::parameterKey().
  std::map<std::string, ParameterFact> Parameters;
  /// The units dropStale dropped: what they do now is unknown, so no
  /// verdict may rest on knowing every unit (not written out).
  std::vector<std::string> StaleUnits;

  /// Adds \p Other's facts: a mutex's sections from several units are all
  /// kept (once each); a function or awaiter seen by several units (in a
  /// header) is the same fact.
  void merge(const ProjectSummary &Other);

  /// Drops the facts of the units whose file now has other contents (or is
  /// gone) and returns those files (also added to StaleUnits): what they
  /// said may no longer hold. A function's or awaiter's fact is dropped too
  /// when the file that defines it (a header) changed.
  /// \p Contents gives a file's current contents, or nothing.
  std::vector<std::string>
  dropStale(llvm::function_ref<std::optional<std::string>(llvm::StringRef File)>
                Contents);

  /// The critical sections that \p Calls lead to, through the parameter
  /// facts and the calls those pass the mutex on to (each parameter once);
  /// none when some call leads to a parameter the index does not know, or
  /// to one that lets the mutex escape.
  std::optional<std::vector<SectionThroughCall>>
  sectionsThrough(llvm::ArrayRef<PassedFact> Calls) const;

  /// The mutexes whose calls lead, through the parameter facts, to the
  /// parameter \p Key, with the first of their calls that does.
  std::vector<std::pair<const MutexFact *, const PassedFact *>>
  mutexesPassedTo(llvm::StringRef Key) const;

private:
  /// Whether \p Call leads to the parameter \p Key.
  bool leadsTo(const PassedFact &Call, llvm::StringRef Key) const;
};

/// The USR of \p D, the key of its facts, or empty when it has none that
/// other translation units share (a local, a parameter, a declaration in an
/// anonymous namespace).
std::string usrOf(const clang::Decl *D);

/// The file name of a project's index.
constexpr llvm::StringLiteral IndexFileName = "corolock-index.json";

/// The index for a translation unit whose main file is \p MainFile: the
/// first corolock-index.json found in its directory or above it, beside the
/// compilation database or in a build/ directory (as clangd finds the
/// database); none when there is none.
std::optional<std::string> findProjectIndex(llvm::StringRef MainFile);

/// The index at \p Path without the facts of units whose files changed
/// since (ProjectSummary::dropStale), loaded once per version of the file
/// and shared by the threads that ask; an error says why it cannot be read.
llvm::Expected<std::shared_ptr<const ProjectSummary>>
loadProjectIndex(llvm::StringRef Path);

/// The hash of a file's contents, as stamps record it.
std::string contentHash(llvm::StringRef Contents);

/// \p Summary as JSON text.
std::string toJson(const ProjectSummary &Summary);

/// Reads what toJson wrote. An error says what is wrong: not JSON, not a
/// corolock summary, another version, a missing field.
llvm::Expected<ProjectSummary> fromJson(llvm::StringRef Text);

} // namespace corolock

#endif // COROLOCK_PROJECTSUMMARY_H
