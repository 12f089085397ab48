#!/usr/bin/env python3
"""Runs a command and fails unless it exits with the given status.

Usage: expect_status.py STATUS COMMAND [ARG...]

The command's output passes through; lit's `not` only tells zero from
non-zero.
"""
import subprocess
import sys


def main():
    expected, cmd = int(sys.argv[1]), sys.argv[2:]
    status = subprocess.call(cmd)
    if status != expected:
        sys.stderr.write(f"expect_status.py: {cmd[0]} exited with status "
                         f"{status}, expected {expected}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
