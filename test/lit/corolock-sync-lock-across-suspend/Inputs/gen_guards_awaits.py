#!/usr/bin/env python3
"""Writes a coroutine with K lock guards, each on its own mutex, all held
across the same K co_awaits: K*K (guard, suspension point) pairs.

Usage: gen_guards_awaits.py K OUTPUT
"""
import sys

k, out = int(sys.argv[1]), sys.argv[2]
lines = ['#include "std_mutex.h"', '#include "task.h"', ""]
lines += [f"std::mutex m{i};" for i in range(k)]
lines += ["", "task<void> all_held() {"]
lines += [f"  std::lock_guard<std::mutex> g{i}(m{i});" for i in range(k)]
lines += [f"  co_await send({i});" for i in range(k)]
lines += ["}", ""]
with open(out, "w") as f:
    f.write("\n".join(lines))
