#!/usr/bin/env python3
"""Runs one corolock check on a fixture and verifies its diagnostics.

Usage: check_corolock.py [--tool=plugin|standalone] [--config=YAML]
                         [--check-suffix=SUFFIX]
                         CHECK-NAME FILE [-- COMPILER-FLAGS...]

The fixture's expectations are FileCheck lines, as in clang-tidy's tests:
  CHECK-MESSAGES  warnings and errors only, in output order; nothing else may
                  be reported (--implicit-check-not).
  CHECK-NOTES     warnings, errors and notes, in output order; nothing else.
A fixture with neither prefix must produce no diagnostic at all; diagnostics
without a location (configuration errors) count too. With --check-suffix=S
the prefixes are CHECK-MESSAGES-S and CHECK-NOTES-S, so one fixture can run
several configurations. The tool is clang-tidy with the plugin loaded
(default) or the standalone binary; both must prove the check ran, so a
failed --load cannot pass silently. In a sanitizer build (environment
COROLOCK_PLUGIN_AS_STANDALONE=1) every fixture runs the standalone binary.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# A diagnostic line, with a location or (configuration diagnostics) without.
DIAG = re.compile(r"^(?:[^ ].*?:\d+:\d+: )?(warning|error|note): ")


def is_note(line):
    m = DIAG.match(line)
    return m is not None and m.group(1) == "note"


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def filecheck(filecheck_bin, fixture, prefix, text, implicit):
    with tempfile.NamedTemporaryFile("w", suffix=".out", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        res = run([filecheck_bin, fixture, f"--check-prefix={prefix}",
                   f"--implicit-check-not={implicit}", f"--input-file={path}",
                   "--dump-input=fail"])
    finally:
        os.unlink(path)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        sys.exit(f"FileCheck failed for {prefix}")


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        i = argv.index("--")
        argv, flags = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser()
    p.add_argument("--tool", choices=["plugin", "standalone"], default="plugin")
    p.add_argument("--config", default=None)
    p.add_argument("--check-suffix", default="")
    p.add_argument("check")
    p.add_argument("file")
    args = p.parse_args(argv)

    env = os.environ
    # A sanitizer build runs the plugin's fixtures through the (instrumented)
    # standalone tool; see lit.cfg.py.
    if env.get("COROLOCK_PLUGIN_AS_STANDALONE") == "1":
        args.tool = "standalone"
    if args.tool == "plugin":
        plugin = env["COROLOCK_PLUGIN"]
        cmd = [env["COROLOCK_CLANG_TIDY"], f"--load={plugin}"]
    else:
        cmd = [env["COROLOCK_TOOL"]]
    cmd += [f"--checks=-*,{args.check}", args.file]
    if args.config:
        cmd.insert(1, f"--config={args.config}")
    # Prove the check is registered: --list-checks must name it.
    listed = run(cmd[:-1] + ["--list-checks"])
    if args.check not in listed.stdout:
        sys.exit(f"{args.check} is not registered:\n{listed.stdout}{listed.stderr}")

    res = run(cmd + ["--", "-std=c++20"] + flags)
    output = res.stdout
    if res.returncode not in (0, 1):
        sys.exit(f"clang-tidy crashed ({res.returncode}):\n{output}{res.stderr}")
    if "error:" in res.stderr and "error:" not in output:
        sys.exit(f"clang-tidy reported errors:\n{res.stderr}")

    text = open(args.file).read()
    fc = env["COROLOCK_FILECHECK"]
    suffix = f"-{args.check_suffix}" if args.check_suffix else ""
    messages, notes = f"CHECK-MESSAGES{suffix}", f"CHECK-NOTES{suffix}"
    has_messages = f"{messages}:" in text
    has_notes = f"{notes}:" in text
    if has_messages:
        warnings = "\n".join(l for l in output.splitlines() if not is_note(l))
        filecheck(fc, args.file, messages, warnings, "{{warning|error}}:")
    if has_notes:
        filecheck(fc, args.file, notes, output, "{{warning|error|note}}:")
    if not has_messages and not has_notes:
        diags = [l for l in output.splitlines() if DIAG.match(l)]
        if diags:
            sys.exit("expected no diagnostics, got:\n" + "\n".join(diags))


if __name__ == "__main__":
    main()
