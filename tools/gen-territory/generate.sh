#!/bin/sh
# Regenerates internal/territory/data from the decoupage-administratif package.
# Run from anywhere; needs npm and go.
set -eu
version=6.0.0
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d /tmp/gen-territory.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
npm install --prefix "$scratch" --no-save --no-audit --no-fund "@etalab/decoupage-administratif@$version"
cd "$root"
go run ./tools/gen-territory \
	-src "$scratch/node_modules/@etalab/decoupage-administratif/data" \
	-version "$version" \
	-out internal/territory/data
