#!/usr/bin/env python3
"""Writes a compile_commands.json.

Usage: write_database.py OUTPUT DIRECTORY FILE... -- FLAG...

One entry per FILE (relative to DIRECTORY), compiled in DIRECTORY with the
FLAGs.
"""
import json
import sys


def main():
    argv = sys.argv[1:]
    i = argv.index("--")
    (output, directory, *files), flags = argv[:i], argv[i + 1:]
    entries = [{"directory": directory,
                "arguments": ["clang++", *flags, "-c", f], "file": f}
               for f in files]
    with open(output, "w") as out:
        json.dump(entries, out, indent=2)


if __name__ == "__main__":
    main()
