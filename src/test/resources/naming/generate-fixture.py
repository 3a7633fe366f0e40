#!/usr/bin/env python3
"""Regenerates naming-fixture.json, the expected tool paths for ToolPathNamerDifferentialTest.

How it was produced (run from the repository root; needs python3 with PyYAML, and node):

    python3 src/test/resources/naming/generate-fixture.py

1. Operations (method, path, operationId or null, tags) are read with PyYAML from the corpus specs
   (httpbin, a sample of GitHub and Kubernetes), then mutated into collision-heavy variants, and
   joined by hand-written edge cases (see EDGE_CASES).
2. They are piped through reference-naming.js: executor's naming code run verbatim under node.
3. node's answers (derived operationId, group, leaf, version segment, hash, final tool path) are
   written next to each input, whose tags are kept as given (blank ones included), so the Java
   test's own blank-tag filtering is compared too. The Java test feeds the same inputs to ToolPathNamer and requires
   identical answers. Nothing here is computed by the Java code under test.
"""
import json
import pathlib
import subprocess

import yaml

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def operations(spec_file):
    doc = yaml.safe_load((CORPUS / spec_file).read_text(encoding="utf-8"))
    ops = []
    for path, item in doc["paths"].items():
        for method in METHODS:
            op = (item or {}).get(method)
            if isinstance(op, dict):
                ops.append({
                    "method": method,
                    "path": path,
                    "operationId": op.get("operationId"),
                    "tags": [t for t in op.get("tags") or [] if isinstance(t, str)],
                })
    return ops


def verb_only(op):
    """'issues/list-for-repo' -> 'issues/list': many operations of one tag now share a leaf."""
    group, _, rest = op["operationId"].partition("/")
    return dict(op, operationId=group + "/" + rest.split("-")[0])


VERSION_PREFIXES = ["/v1", "/V2", "/api/v1.2", "/v2_1", "", "/v1-0"]

EDGE_CASES = [
    # path naming: nothing usable, versions, api, params, JavaScript white space
    {"method": "get", "path": "/", "operationId": None, "tags": []},
    {"method": "post", "path": "", "operationId": None, "tags": []},
    {"method": "", "path": "/", "operationId": None, "tags": []},
    {"method": "get", "path": "/api/v1/{id}", "operationId": None, "tags": []},
    {"method": "get", "path": "/API/V2/Users", "operationId": None, "tags": []},
    {"method": "get", "path": "/ users /x", "operationId": None, "tags": []},
    {"method": "get", "path": "/\u00a0/items\u3000", "operationId": None, "tags": []},
    {"method": "get", "path": "/\u001fctl/x", "operationId": None, "tags": []},
    {"method": "get", "path": "/\u2028/lines", "operationId": "lines", "tags": []},
    {"method": "get", "path": "/v1.2.3/things", "operationId": None, "tags": []},
    {"method": "get", "path": "/version1/v/things", "operationId": None, "tags": []},
    {"method": "get", "path": "/v10.20/V3_4/things", "operationId": None, "tags": []},
    {"method": "get", "path": "/{a}/{b}", "operationId": None, "tags": []},
    {"method": "get", "path": "/{}/{x/y}", "operationId": None, "tags": []},
    {"method": "get", "path": "/--/!!", "operationId": None, "tags": []},
    {"method": "get", "path": "/\u00fcber/caf\u00e9", "operationId": None, "tags": []},
    # tags: blank ones filtered (JavaScript trim), first one wins
    {"method": "get", "path": "/x1", "operationId": "a", "tags": ["  ", "\u00a0", "Second Tag"]},
    {"method": "get", "path": "/x2", "operationId": "b", "tags": ["\u001f", "other"]},
    {"method": "get", "path": "/x3", "operationId": "c", "tags": ["HTTPServer", "other"]},
    {"method": "get", "path": "/x4", "operationId": "d", "tags": ["!!!"]},
    # blank as JavaScript's trim sees it: BOM and U+2029 are, NEL, U+180E and ZWSP are not
    {"method": "get", "path": "/x5", "operationId": "e", "tags": ["\ufeff", "after bom"]},
    {"method": "get", "path": "/x6", "operationId": "f", "tags": ["\u0085", "after nel"]},
    {"method": "get", "path": "/x7", "operationId": "g", "tags": ["\u180e", "after mvs"]},
    {"method": "get", "path": "/x8", "operationId": "h", "tags": ["\u200b", "after zwsp"]},
    {"method": "get", "path": "/x9", "operationId": "i", "tags": ["\t\n\u000b\u000c\r\u2029\u2028\u205f", "after"]},
    {"method": "get", "path": "/x10", "operationId": "j", "tags": ["", " ", "\u3000"]},
    # leaf seeds: group prefix dropped, separators, fallback when leaf == group
    {"method": "get", "path": "/users/{id}", "operationId": "users.get", "tags": ["users"]},
    {"method": "put", "path": "/users/{id}", "operationId": "users/get", "tags": ["users"]},
    {"method": "get", "path": "/users/{id}/x", "operationId": "Users//Get", "tags": ["users"]},
    {"method": "get", "path": "/users/{id}/y", "operationId": " users . get-one ", "tags": ["users"]},
    {"method": "get", "path": "/users/list", "operationId": "users", "tags": ["users"]},
    {"method": "get", "path": "/v1/users", "operationId": "USERS", "tags": ["users"]},
    {"method": "get", "path": "/users/v1/{id}", "operationId": "users.users", "tags": ["users"]},
    {"method": "get", "path": "/users/users", "operationId": "/users/", "tags": ["users"]},
    {"method": "get", "path": "/users", "operationId": "a.b.c", "tags": ["users"]},
    {"method": "get", "path": "/users/dots", "operationId": ".", "tags": ["users"]},
    {"method": "get", "path": "/users/slashes", "operationId": "/", "tags": ["users"]},
    {"method": "get", "path": "/tool", "operationId": "--", "tags": []},
    # words
    {"method": "get", "path": "/w1", "operationId": "HTTPServer", "tags": ["w"]},
    {"method": "get", "path": "/w2", "operationId": "ABCDef", "tags": ["w"]},
    {"method": "get", "path": "/w3", "operationId": "getV2Users", "tags": ["w"]},
    {"method": "get", "path": "/w4", "operationId": "get2FAStatus", "tags": ["w"]},
    {"method": "get", "path": "/w5", "operationId": "snake_case__id", "tags": ["w"]},
    {"method": "get", "path": "/w6", "operationId": "\ud83d\ude00emoji", "tags": ["w"]},
    {"method": "get", "path": "/w7", "operationId": "lone\ud800surrogate", "tags": ["w"]},
    {"method": "get", "path": "/w8", "operationId": "q\"uote\\back\tslash\n", "tags": ["w"]},
    {"method": "get", "path": "/w9", "operationId": "\u00fcn\u00efcode", "tags": ["w"]},
    # collisions: camel-equal ids, then round 2 re-colliding with an existing path, round 3
    {"method": "get", "path": "/c/a", "operationId": "getUser", "tags": ["c"]},
    {"method": "post", "path": "/c/b", "operationId": "get_user", "tags": ["c"]},
    {"method": "get", "path": "/c/c", "operationId": "get-user", "tags": ["c"]},
    {"method": "get", "path": "/c/d", "operationId": "getUserGet", "tags": ["c"]},
    {"method": "get", "path": "/v1/c/e", "operationId": "GetUser", "tags": ["c"]},
    {"method": "get", "path": "/V1/c/f", "operationId": "get user", "tags": ["c"]},
    {"method": "delete", "path": "/v2/c/g", "operationId": "GET_USER", "tags": ["c"]},
    # round 3 rebuilds a path untouched by rounds 1 and 2, adding its version segment
    {"method": "get", "path": "/items/a", "operationId": "getItem", "tags": []},
    {"method": "get", "path": "/items/b", "operationId": "get_item", "tags": []},
    {"method": "get", "path": "/v1/items/c", "operationId": "getItemGet", "tags": []},
    # an exact duplicate stays duplicated after round 3
    {"method": "get", "path": "/dup", "operationId": "dup", "tags": []},
    {"method": "get", "path": "/dup", "operationId": "dup", "tags": []},
]


def main():
    httpbin = operations("httpbin.org__0.9.2.openapi.yaml")
    github = operations("github.com__api.github.com__1.1.4.openapi.yaml")[::5]
    kubernetes = operations("kubernetes.io__v1.10.0.swagger.yaml")[::12]
    verbs = [verb_only(op) for op in github]
    sources = [
        {"name": "httpbin", "operations": httpbin},
        {"name": "github (every 5th operation)", "operations": github},
        {"name": "github without tags or operationIds",
         "operations": [dict(op, operationId=None, tags=[]) for op in github]},
        {"name": "github, operationId cut to tag/verb", "operations": verbs},
        {"name": "github, tag/verb ids under version prefixes",
         "operations": [dict(op, path=VERSION_PREFIXES[i % len(VERSION_PREFIXES)] + op["path"])
                        for i, op in enumerate(verbs)]},
        {"name": "kubernetes (every 12th operation) without tags",
         "operations": [dict(op, tags=[]) for op in kubernetes]},
        {"name": "hand-written edge cases", "operations": EDGE_CASES},
    ]
    result = subprocess.run(
        ["node", str(HERE / "reference-naming.js")],
        input=json.dumps({"sources": sources}), capture_output=True, text=True, check=True)
    fixture = json.loads(result.stdout)
    fixture["generatedBy"] = "src/test/resources/naming/generate-fixture.py (see its docstring)"
    (HERE / "naming-fixture.json").write_text(one_operation_per_line(fixture), encoding="utf-8")


def one_operation_per_line(fixture):
    lines = ['{"generatedBy": ' + json.dumps(fixture["generatedBy"]) + ',', ' "sources": [']
    for i, source in enumerate(fixture["sources"]):
        lines.append('  {"name": ' + json.dumps(source["name"]) + ', "operations": [')
        ops = [json.dumps(op, ensure_ascii=True) for op in source["operations"]]
        lines.extend("   " + op + ("," if j < len(ops) - 1 else "") for j, op in enumerate(ops))
        lines.append("  ]}" + ("," if i < len(fixture["sources"]) - 1 else ""))
    lines.append(" ]}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
