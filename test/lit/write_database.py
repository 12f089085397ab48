#!/usr/bin/env python3
"""Writes a compile_commands.json.

Usage: write_database.py [--append] OUTPUT DIRECTORY FILE... -- FLAG...

One entry per FILE (relative to DIRECTORY), compiled in DIRECTORY with the
FLAGs. With --append, the entries are added to those OUTPUT has.
"""
import json
import sys


def main():
    argv = sys.argv[1:]
    append = argv[0] == "--append"
    if append:
        argv = argv[1:]
    i = argv.index("--")
    (output, directory, *files), flags = argv[:i], argv[i + 1:]
    entries = []
    if append:
        with open(output) as f:
            entries = json.load(f)
    entries += [{"directory": directory,
                 "arguments": ["clang++", *flags, "-c", f], "file": f}
                for f in files]
    with open(output, "w") as out:
        json.dump(entries, out, indent=2)


if __name__ == "__main__":
    main()
