#!/usr/bin/python3
"""Validates a SARIF log against the SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py SCHEMA.json LOG.sarif

Uses Debian's python3-jsonschema (hence /usr/bin/python3). Prints "valid",
or each violation with its place in the log, and then exits with status 1.
"""
import json
import sys

import jsonschema


def main():
    schema_path, log_path = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(log_path, encoding="utf-8") as f:
        log = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema,
                                format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors:
        place = "/".join(str(p) for p in error.absolute_path)
        print(f"{log_path}: /{place}: {error.message}")
    if errors:
        return 1
    print(f"{log_path}: valid ({validator_class.__name__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
