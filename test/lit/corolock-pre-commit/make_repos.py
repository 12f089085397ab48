#!/usr/bin/env python3
"""Sets up a hook repository and a project that uses corolock's pre-commit hook.

Usage: make_repos.py --source-root=DIR --mocks=DIR [--hook-arg=ARG]... WORK

WORK/hooks: a git repository holding corolock's .pre-commit-hooks.yaml and the
  hook's wrapper as they are in DIR's working tree (so uncommitted edits are
  what is tested), at one commit, tagged with the rev that the pre-commit
  guide (docs/user-guide-pre-commit.md) shows.
WORK/project: a git repository whose .pre-commit-config.yaml uses the
  corolock hook from WORK/hooks at that tag, with the --hook-arg values as
  the hook's args; `pre-commit install` has been run there. Its
  build/compile_commands.json lists src/counter.cpp, src/legacy.cpp and
  src/broken.cpp (compiled with the mock headers in --mocks); no file is in
  src/ yet.

Run the commits with PRE_COMMIT_HOME=WORK/cache, where the hook repository is
cloned, as it is here.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

HOOK_FILES = [".pre-commit-hooks.yaml",
              "tools/corolock-pre-commit/corolock-pre-commit"]
SOURCES = ["src/counter.cpp", "src/legacy.cpp", "src/broken.cpp"]


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True,
                          capture_output=True, text=True).stdout.strip()


def new_repo(path):
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.name", "corolock test")
    git(path, "config", "user.email", "test@corolock.invalid")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--source-root", type=Path, required=True)
    p.add_argument("--mocks", type=Path, required=True)
    p.add_argument("--hook-arg", action="append", default=[])
    p.add_argument("work", type=Path)
    args = p.parse_args()

    hooks = args.work / "hooks"
    new_repo(hooks)
    for name in HOOK_FILES:
        (hooks / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(args.source_root / name, hooks / name)
    git(hooks, "add", *HOOK_FILES)
    git(hooks, "commit", "-q", "-m", "corolock hooks")
    guide = Path(args.source_root, "docs", "user-guide-pre-commit.md")
    rev = re.search(r"^\s*rev: (\S+)", guide.read_text(), re.M).group(1)
    git(hooks, "tag", rev)

    project = args.work / "project"
    new_repo(project)
    (project / "src").mkdir()
    (project / "build").mkdir()
    flags = ["-std=c++20", "-isystem", str(args.mocks)]
    (project / "build" / "compile_commands.json").write_text(json.dumps([
        {"directory": str(project),
         "arguments": ["clang++", *flags, "-c", source],
         "file": source} for source in SOURCES], indent=2))
    (project / ".pre-commit-config.yaml").write_text(json.dumps({"repos": [{
        "repo": str(hooks), "rev": rev,
        "hooks": [{"id": "corolock", "args": args.hook_arg}]}]}, indent=2))
    (project / ".gitignore").write_text("build/\n")
    git(project, "add", ".pre-commit-config.yaml", ".gitignore")
    git(project, "commit", "-q", "-m", "Use corolock's pre-commit hook")
    env = dict(os.environ, PRE_COMMIT_HOME=str(args.work / "cache"))
    subprocess.run(["pre-commit", "install"], cwd=project, env=env,
                   check=True, capture_output=True)


if __name__ == "__main__":
    main()
