#!/usr/bin/env python3
"""Checks what GitHub code scanning needs of a SARIF log, beyond its schema.

Usage: check_sarif_content.py LOG.sarif

- each rule's shortDescription is one sentence of at most 120 characters;
- each helpUri, and each link in a rule's help markdown, is an absolute URI;
- each related location is linked from its result's message ("[text](id)"),
  and each link in a message names a related location of the result;
- each relative artifact URI has the uriBaseId SRCROOT.

Prints "content ok" or each problem, and then exits with status 1.
"""
import json
import re
import sys

ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# A link in plain text: brackets that are not escaped, then (target).
MESSAGE_LINK = re.compile(r"(?<!\\)\[(?:[^\]\\]|\\.)*\]\(([^)]*)\)")
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def rule_problems(rule):
    short = rule["shortDescription"]["text"]
    if len(short) > 120:
        yield (f"rule {rule['id']}: shortDescription of {len(short)} "
               "characters")
    if re.search(r"[.!?]\s+[A-Z]", short) or not short.endswith("."):
        yield (f"rule {rule['id']}: shortDescription is not one sentence: "
               f"{short}")
    if "helpUri" in rule and not ABSOLUTE.match(rule["helpUri"]):
        yield f"rule {rule['id']}: relative helpUri {rule['helpUri']}"
    markdown = rule.get("help", {}).get("markdown", "")
    for target in MARKDOWN_LINK.findall(markdown):
        if not ABSOLUTE.match(target):
            yield f"rule {rule['id']}: relative link in help: {target}"


def result_problems(result):
    ids = {r["id"] for r in result.get("relatedLocations", [])}
    linked = set()
    for target in MESSAGE_LINK.findall(result["message"]["text"]):
        if not target.isdigit() or int(target) not in ids:
            yield f"result {result['message']['text']}: link to {target}"
        linked.add(int(target) if target.isdigit() else target)
    for missing in sorted(ids - linked):
        yield f"result {result['message']['text']}: note {missing} not linked"
    locations = (result.get("locations", []) +
                 result.get("relatedLocations", []))
    for location in locations:
        artifact = location["physicalLocation"]["artifactLocation"]
        if (not ABSOLUTE.match(artifact["uri"])
                and artifact.get("uriBaseId") != "SRCROOT"):
            yield (f"result {result['message']['text']}: {artifact['uri']} "
                   "without SRCROOT")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    problems = []
    for run in log["runs"]:
        for rule in run["tool"]["driver"].get("rules", []):
            problems += rule_problems(rule)
        for result in run["results"]:
            problems += result_problems(result)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("content ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
