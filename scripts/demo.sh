#!/usr/bin/env bash
# Installs, builds and starts the reference server (PGlite, demo data) with the demo community website.
set -euo pipefail
cd "$(dirname "$0")/.."
export STORYBOOK_DISABLE_TELEMETRY=1 COREPACK_ENABLE_DOWNLOAD_PROMPT=0
node scripts/ensure-pnpm.mjs
pnpm install --frozen-lockfile
pnpm build
export LINLI_DATA_DIR=${LINLI_DATA_DIR:-$PWD/.data/pglite}
export LINLI_SITE_DIR=$PWD/examples/municipal-site/site
export LINLI_ASSETS_DIR=$PWD/packages/components/dist/cdn
export LINLI_DEMO_STAFF_TOKEN=${LINLI_DEMO_STAFF_TOKEN:-demo-staff-token}
export LINLI_OPEN311_API_KEYS=${LINLI_OPEN311_API_KEYS:-demo-open311-key}
exec node packages/server/dist/cli.js
