#!/usr/bin/env bash
# The whole test suite from a fresh clone: unit, contract, server on PGlite and PostgreSQL,
# components in headless Chromium, Storybook build, end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
export STORYBOOK_DISABLE_TELEMETRY=1 COREPACK_ENABLE_DOWNLOAD_PROMPT=0
node scripts/ensure-pnpm.mjs
bash scripts/ensure-system.sh
pnpm install --frozen-lockfile
bash scripts/with-postgres.sh pnpm test:all
