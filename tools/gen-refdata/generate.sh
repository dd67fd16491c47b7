#!/bin/sh
# Regenerates the embedded reference data under internal/refdata from the npm packages and
# /work/shared/data. Run from anywhere; node_modules goes to a scratch folder, never the repository.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${SCRATCH:-$(mktemp -d /tmp/gen-refdata.XXXXXX)}
npm install --silent --no-audit --no-fund --prefix "$scratch" i18n-iso-countries@7.14.0 world-atlas@2.0.2
mkdir -p "$repo/internal/refdata/country" "$repo/internal/refdata/worldgeo" \
	"$repo/internal/refdata/sdg" "$repo/internal/refdata/iati"
cd "$repo"
go run ./tools/gen-refdata -npm "$scratch/node_modules" -data "${DATA:-/work/shared/data}" -repo "$repo" "$@"
echo "reference data written; scratch folder: $scratch"
