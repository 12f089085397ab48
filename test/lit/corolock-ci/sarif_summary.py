#!/usr/bin/env python3
"""Prints the parts of a SARIF log that the tests check, one per line.

Usage: sarif_summary.py LOG.sarif

  tool corolock 0.1.0, base file:///.../
  rule corolock-sync-lock-across-suspend
    short: Finds suspension points ...
    help: file:///.../docs/checks/corolock-sync-lock-across-suspend.md
    help markdown: # corolock-sync-lock-across-suspend
    help link: file:///.../examples/route_proxy.cpp
  result corolock-sync-lock-across-suspend (rule 0) warning src/a.cpp:10:3 sync mutex 'mu' is ...
    related 0 src/a.cpp:8:31 sync mutex 'mu' locked here

Results come in the order of the log; locations are uri:line:column, the
uri as written (relative ones are under the base, SRCROOT).
"""
import json
import re
import sys


def where(location):
    physical = location["physicalLocation"]
    region = physical.get("region", {})
    return (f"{physical['artifactLocation']['uri']}:"
            f"{region.get('startLine', '?')}:{region.get('startColumn', '?')}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        base = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri")
        print(f"tool {driver['name']} {driver.get('version', '-')}, base {base}")
        for rule in driver.get("rules", []):
            print(f"rule {rule['id']}")
            print(f"  short: {rule['shortDescription']['text']}")
            if "helpUri" in rule:
                print(f"  help: {rule['helpUri']}")
            if "help" in rule:
                markdown = rule["help"]["markdown"]
                print(f"  help markdown: {markdown.splitlines()[0]}")
                # The first link to an example, as a sample of the links.
                example = re.search(r"\]\(([^)]*examples/[^)]*)\)",
                                    markdown)
                if example:
                    print(f"  help link: {example.group(1)}")
        for result in run["results"]:
            locations = result.get("locations", [])
            print(f"result {result['ruleId']} (rule {result['ruleIndex']}) "
                  f"{result['level']} "
                  f"{where(locations[0]) if locations else '-'} "
                  f"{result['message']['text']}")
            for related in result.get("relatedLocations", []):
                print(f"  related {related['id']} {where(related)} "
                      f"{related['message']['text']}")


if __name__ == "__main__":
    main()
