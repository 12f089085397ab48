# lit configuration for the corolock fixtures.
#
# Substitutions:
#   %check_corolock check_corolock.py: runs one check on a fixture and
#                   FileChecks CHECK-MESSAGES / CHECK-NOTES (see its doc)
#   %tidy           clang-tidy of the build's LLVM with the corolock plugin
#                   loaded (--load with an absolute path) and --quiet
#   %corolock       the standalone corolock binary
#   %corolock_plugin the plugin's absolute path, for --load
#   %clang_tidy     clang-tidy of the build's LLVM, without the plugin
#   %other_clang_tidy_<N>  clang-tidy of another LLVM major N (14, 19, 22)
#                   when installed (feature other-clang-tidy-<N>)
#   %std_cxx20      the flags every fixture compiles with
#   %mocks          -isystem for the mock headers in test/lit/Inputs
#   %outside_repo_tmp  a scratch directory with no .clang-tidy above it
#   %source_root    the source tree (for bench/ inputs and scripts)
#   %llvm_include_dir  the LLVM and clang headers of the build's LLVM
#   %corolock_clangd  clangd with the corolock module (tools/corolock-clangd)
#   %stock_clangd   clangd of the build's LLVM, without corolock
#   %lsp_session    lsp_session.py: talks LSP to a clangd (see its doc)
#   %clang_resource_dir  clang's resource directory of the build's LLVM
#   %python         the Python that runs lit, for the tests' helper scripts
#   %wrapper        tools/corolock-pre-commit/corolock-pre-commit
#   %corolock_run, %corolock_sarif, %corolock_index
#                   tools/corolock-ci/corolock-{run,sarif,index}
#   %run_clang_tidy run-clang-tidy of the build's LLVM
#   %corolock_build_dir  the build directory (for cmake --install and cpack)
import os
import sys
import tempfile

import lit.formats

config.name = "corolock"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.corolock_obj_root, "test", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])]
)
config.environment["HOME"] = os.environ.get("HOME", "/tmp")

config.environment["COROLOCK_CLANG_TIDY"] = config.clang_tidy
config.environment["COROLOCK_PLUGIN"] = config.corolock_plugin
config.environment["COROLOCK_TOOL"] = config.corolock_tool
config.environment["COROLOCK_FILECHECK"] = config.filecheck

inputs = os.path.join(config.test_source_root, "Inputs")
# A sanitizer build (COROLOCK_SANITIZERS) instruments corolock's own code; the
# plugin cannot run under ASan inside Debian's uninstrumented clang-tidy. The
# fixtures meant for the plugin run the same checks through the instrumented
# standalone tool (one set of objects builds both), tests of the loading
# mechanism itself are UNSUPPORTED (feature "sanitizers"), and the editor,
# pre-commit, CI and install integrations run in the normal build only.
if config.sanitizers:
    config.available_features.add("sanitizers")
    config.environment["COROLOCK_PLUGIN_AS_STANDALONE"] = "1"
    # clang frees nothing at exit on purpose; LeakSanitizer would report it.
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:abort_on_error=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.excludes += ["corolock-clangd", "corolock-pre-commit", "corolock-ci",
                        "corolock-install"]
    config.substitutions.append(("%tidy", f"{config.corolock_tool} --quiet"))
else:
    config.substitutions.append(
        ("%tidy", f"{config.clang_tidy} --quiet --load={config.corolock_plugin}")
    )
config.substitutions.append(
    (
        "%check_corolock",
        "{} {}".format(
            sys.executable,
            os.path.join(config.test_source_root, "check_corolock.py"),
        ),
    )
)
# Before %corolock, which is their prefix.
config.substitutions.append(("%corolock_plugin", config.corolock_plugin))
config.substitutions.append(("%corolock_clangd", config.corolock_clangd))
config.substitutions.append(("%corolock_build_dir", config.corolock_obj_root))
for tool in ("corolock-run", "corolock-sarif", "corolock-index"):
    config.substitutions.append(
        (
            "%" + tool.replace("-", "_"),
            os.path.join(config.corolock_src_root, "tools", "corolock-ci", tool),
        )
    )
config.substitutions.append(("%stock_clangd", config.stock_clangd))
config.substitutions.append(
    (
        "%lsp_session",
        "{} {}".format(
            sys.executable,
            os.path.join(config.test_source_root, "corolock-clangd", "lsp_session.py"),
        ),
    )
)
config.substitutions.append(("%clang_resource_dir", config.clang_resource_dir))
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(
    (
        "%wrapper",
        os.path.join(
            config.corolock_src_root,
            "tools",
            "corolock-pre-commit",
            "corolock-pre-commit",
        ),
    )
)
config.substitutions.append(("%corolock", config.corolock_tool))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%run_clang_tidy", config.run_clang_tidy))
config.substitutions.append(("%std_cxx20", "-std=c++20"))
config.substitutions.append(("%mocks", f"-isystem {inputs}"))
config.substitutions.append(("%llvm_version", config.llvm_version))
config.substitutions.append(("%source_root", config.corolock_src_root))
config.substitutions.append(
    ("%llvm_include_dir",
     os.path.join(os.path.dirname(config.llvm_tools_dir), "include")))
# A scratch directory outside the repository, for tests that need a tree with
# no .clang-tidy above it.
config.substitutions.append(
    (
        "%outside_repo_tmp",
        os.path.join(tempfile.gettempdir(), f"corolock-lit-{config.llvm_version}"),
    )
)
config.available_features.add(f"llvm-{config.llvm_version}")
# clang-tidy of the other LLVM majors installed, into which the plugin must
# refuse to load: feature other-clang-tidy-<N>, substitution
# %other_clang_tidy_<N> (and other-clang-tidy when there is one).
for major in ("14", "19", "22"):
    other = f"/usr/lib/llvm-{major}/bin/clang-tidy"
    if major != config.llvm_version and os.access(other, os.X_OK):
        config.available_features.add("other-clang-tidy")
        config.available_features.add(f"other-clang-tidy-{major}")
        config.substitutions.append((f"%other_clang_tidy_{major}", other))
