#!/usr/bin/env python3
"""Drives a clangd server over the Language Server Protocol, as an editor does.

Usage: lsp_session.py CLANGD FILE [--change-to=FIXED] [--code-actions=L:C-L:C]
                      [--append-before-change=OTHER]
                      [-- CLANGD-ARGS...]

Starts CLANGD on stdin/stdout in FILE's directory (with its own empty user
configuration), opens FILE as version 1 and waits for the diagnostics clangd
publishes for it. With --code-actions, asks for the code actions on that range
(1-based, end exclusive) of version 1. With --change-to, replaces the whole
text with FIXED's as version 2 and waits for its diagnostics; with
--append-before-change, first appends a comment line to OTHER (a header
saved meanwhile). Then shuts the
server down and prints, for FileCheck, the diagnostics clangd published for
the configuration files it read (those that have some), then for each version
of FILE:

  config .clangd
    warning 3:11-3:44 [] Latency of clang-tidy check ...
  version 1
    warning 10:3-10:11 [corolock-sync-lock-across-suspend] Sync mutex ...
      related counter.cpp:8:31-8:36 Sync mutex 'mu' locked here
  code actions
    Extract subexpression to variable
  version 2
    (no diagnostics)

Positions are 1-based lines and columns (UTF-16 code units, as in LSP).
Fails when clangd does not answer in time or exits with an error.
"""
import argparse
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TIMEOUT = 120  # seconds for one answer; CI machines are slow and shared.
SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}


class Server:
    def __init__(self, cmd, cwd, env):
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env,
                                     stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 1
        # The latest diagnostics published for each document, by URI.
        self.published = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def send(self, method, params, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            msg["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def receive(self, wanted, what):
        """The first message for which wanted(msg) holds; the diagnostics
        published meanwhile are kept."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                msg = self.messages.get(timeout=max(0, deadline - time.monotonic()))
            except queue.Empty:
                sys.exit(f"lsp_session: no {what} from clangd in {TIMEOUT} s")
            if msg is None:
                sys.exit(f"lsp_session: clangd exited (status "
                         f"{self.proc.wait()}) while waiting for {what}")
            if "error" in msg:
                sys.exit(f"lsp_session: clangd answered an error: {msg['error']}")
            if wanted(msg):
                return msg
            if is_publish(msg):
                self.published[msg["params"]["uri"]] = msg["params"]["diagnostics"]

    def request(self, method, params):
        id_ = self.send(method, params, request=True)
        return self.receive(lambda m: m.get("id") == id_ and "method" not in m,
                            f"answer to {method}")["result"]


def is_publish(msg):
    return msg.get("method") == "textDocument/publishDiagnostics"


def position(pos):
    return f"{pos['line'] + 1}:{pos['character'] + 1}"


def span(rng):
    return f"{position(rng['start'])}-{position(rng['end'])}"


def print_diagnostics(diags):
    if not diags:
        print("  (no diagnostics)")
    for d in diags:
        print(f"  {SEVERITY.get(d.get('severity'), '?')} {span(d['range'])} "
              f"[{d.get('code', '')}] {d['message']}")
        for rel in d.get("relatedInformation", []):
            loc = rel["location"]
            name = Path(loc["uri"]).name
            print(f"    related {name}:{span(loc['range'])} {rel['message']}")


def parse_range(text):
    start, end = text.split("-")
    (sl, sc), (el, ec) = (map(int, p.split(":")) for p in (start, end))
    return {"start": {"line": sl - 1, "character": sc - 1},
            "end": {"line": el - 1, "character": ec - 1}}


def run_session(args, extra, config_home):
    """Talks to clangd; returns what it published and answered, and its exit
    status."""
    path = args.file.resolve()
    uri = path.as_uri()
    # The user's own clangd configuration must not take part. Indexing the
    # standard library would only delay the server's exit by seconds.
    user_config = Path(config_home, "clangd", "config.yaml")
    user_config.parent.mkdir()
    user_config.write_text("Index:\n  StandardLibrary: No\n")
    env = dict(os.environ, XDG_CONFIG_HOME=config_home)
    server = Server([args.clangd, "--log=error", "--background-index=false",
                     *extra], cwd=path.parent, env=env)

    server.request("initialize", {
        "processId": os.getpid(),
        "rootUri": path.parent.as_uri(),
        "capabilities": {"textDocument": {"publishDiagnostics": {
            "relatedInformation": True}}},
    })
    server.send("initialized", {})

    def diagnostics_of(version):
        msg = server.receive(
            lambda m: is_publish(m) and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            f"diagnostics of version {version}")
        return msg["params"]["diagnostics"]

    versions = []
    server.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1,
        "text": path.read_text()}})
    versions.append((1, diagnostics_of(1)))

    actions = None
    if args.code_actions:
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": parse_range(args.code_actions),
            "context": {"diagnostics": []}})

    if args.change_to:
        # A file saved meanwhile (`--append-before-change`), as another
        # editor or a checkout would.
        if args.append_before_change:
            with open(args.append_before_change, "a") as f:
                f.write("// saved meanwhile\n")
        server.send("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": args.change_to.read_text()}]})
        versions.append((2, diagnostics_of(2)))

    server.request("shutdown", None)
    server.send("exit", None)
    status = server.proc.wait(timeout=TIMEOUT)
    configs = {doc: diags for doc, diags in server.published.items()
               if doc != uri and diags}
    return configs, versions, actions, status


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser()
    p.add_argument("clangd")
    p.add_argument("file", type=Path)
    p.add_argument("--change-to", type=Path)
    p.add_argument("--append-before-change", type=Path)
    p.add_argument("--code-actions")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="lsp-session-") as config_home:
        configs, versions, actions, status = run_session(args, extra,
                                                         config_home)
    for doc, diags in sorted(configs.items()):
        print(f"config {Path(doc).name}")
        print_diagnostics(diags)
    for version, diags in versions:
        print(f"version {version}")
        print_diagnostics(diags)
        if version == 1 and actions is not None:
            print("code actions")
            for action in actions:
                print(f"  {action['title']}")
    if status != 0:
        sys.exit(f"lsp_session: clangd exited with status {status}")


if __name__ == "__main__":
    main()
