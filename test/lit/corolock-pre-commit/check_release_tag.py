#!/usr/bin/env python3
"""Checks that the pre-commit guide's rev is corolock's release tag.

Usage: check_release_tag.py SOURCE_ROOT COROLOCK

The `rev:` of docs/user-guide-pre-commit.md must be v<version>, the version
that COROLOCK --version names. When SOURCE_ROOT is a git checkout, that tag
must exist there, and the commit it names must hold the hook
(.pre-commit-hooks.yaml with the id corolock) and the same version in
CMakeLists.txt: pre-commit would otherwise fail to clone it or run another
corolock. Prints "release tag TAG: ok" or what is wrong, and then exits with
status 1.
"""
import re
import subprocess
import sys
from pathlib import Path


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args],
                          capture_output=True, text=True)


def main():
    root, corolock = Path(sys.argv[1]), sys.argv[2]
    guide = (root / "docs" / "user-guide-pre-commit.md").read_text()
    rev = re.search(r"^\s*rev: (\S+)", guide, re.M).group(1)
    version = re.search(r"^corolock (\S+)",
                        subprocess.run([corolock, "--version"],
                                       capture_output=True, text=True).stdout,
                        re.M).group(1)
    if rev != f"v{version}":
        print(f"the pre-commit guide's rev is {rev}, corolock's version "
              f"{version}")
        return 1
    if git(root, "rev-parse", "--git-dir").returncode == 0:
        # A clone made without tags (CI may clone only the branch) cannot
        # show the tag; the guide's rev still names this version.
        if not git(root, "tag", "--list").stdout.strip() and \
                "--allow-tagless" in sys.argv:
            print(f"release tag {rev}: not checked (a clone without tags)")
            return 0
        if git(root, "rev-parse", "--verify", "-q",
               f"refs/tags/{rev}^{{commit}}").returncode != 0:
            print(f"no tag {rev} in {root}: tag the release commit")
            return 1
        hooks = git(root, "show", f"{rev}:.pre-commit-hooks.yaml").stdout
        if not re.search(r"^- id: corolock$", hooks, re.M):
            print(f"{rev} has no hook corolock in .pre-commit-hooks.yaml")
            return 1
        cmake = git(root, "show", f"{rev}:CMakeLists.txt").stdout
        if not re.search(rf"\bVERSION {re.escape(version)}\b", cmake):
            print(f"{rev}'s CMakeLists.txt does not say VERSION {version}")
            return 1
    print(f"release tag {rev}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
