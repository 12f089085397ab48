//===--- PluginVersionGuard.cpp - Refuse a clang-tidy of another LLVM -----===//
//
// Built into the --load plugin only. The plugin's references to clang-tidy
// bind to the executable that loads it; a clang-tidy of another LLVM major
// lays its classes out differently, and the plugin crashes it (at once or at
// exit). Before the plugin's static initializers register anything, this
// compares the LLVM libraries loaded in the process with the one the plugin
// was built for and, when another one is there, ends the process with one
// line that says which plugin to use instead.
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <link.h>
#include <string_view>
#include <unistd.h>

namespace {

/// The leading decimal number of \p Text, or 0.
int leadingNumber(std::string_view Text) {
  int Number = 0;
  for (char C : Text) {
    if (!std::isdigit(static_cast<unsigned char>(C)))
      break;
    Number = Number * 10 + (C - '0');
  }
  return Number;
}

/// The LLVM major version of a shared object named libLLVM.so.<N>[.<minor>]
/// (Debian since LLVM 18) or libLLVM-<N>.so[.1] (before), or 0.
int llvmMajorOf(std::string_view Path) {
  std::string_view Name = Path.substr(Path.rfind('/') + 1);
  for (std::string_view Prefix : {"libLLVM.so.", "libLLVM-"})
    if (Name.substr(0, Prefix.size()) == Prefix)
      return leadingNumber(Name.substr(Prefix.size()));
  return 0;
}

/// Stops at the first LLVM library of another major than the plugin's and
/// stores its major in \p Data.
int findOtherLlvm(dl_phdr_info *Info, size_t /*Size*/, void *Data) {
  int Major = Info->dlpi_name ? llvmMajorOf(Info->dlpi_name) : 0;
  if (Major == 0 || Major == LLVM_VERSION_MAJOR)
    return 0;
  *static_cast<int *>(Data) = Major;
  return 1;
}

// Before the default priority, at which the module registers itself.
__attribute__((constructor(101))) void refuseAnotherLlvm() {
  int HostMajor = 0;
  dl_iterate_phdr(findOtherLlvm, &HostMajor);
  if (HostMajor == 0)
    return;
  Dl_info Self{};
  const char *Plugin =
      dladdr(reinterpret_cast<void *>(&refuseAnotherLlvm), &Self) != 0 &&
              Self.dli_fname
          ? Self.dli_fname
          : "libcorolock.so";
  // Exit at once: the other LLVM's destructors would crash on the plugin's.
  std::fprintf(stderr,
               "error: %s is corolock's plugin for LLVM %d and cannot run in "
               "%s of LLVM %d: load it into clang-tidy-%d, use a corolock "
               "built for LLVM %d, or run the standalone corolock\n",
               Plugin, LLVM_VERSION_MAJOR, program_invocation_short_name,
               HostMajor, LLVM_VERSION_MAJOR, HostMajor);
  std::fflush(stderr);
  _exit(1);
}

} // namespace
