#!/usr/bin/env bash
# Runs the unit, contract and component suites again with the system clock far from today (Debian's
# faketime), so a test that silently depends on the real date fails here. Chromium runs without
# libfaketime (too slow under it); its pages shift `Date` by the same offset (web-test-runner.config.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  echo "faketime not installed: skipping the shifted-clock run (sudo apt-get install -y faketime)" >&2
  exit 1
fi
export FAKETIME_DONT_FAKE_MONOTONIC=1
for shift in "${@:-+400d -200d}"; do
  for s in $shift; do
    echo "── the suites again with the clock ${s} from today: $(faketime -f "$s" date -u +%F)"
    faketime -f "$s" pnpm --workspace-concurrency=1 \
      --filter @linli/sdk --filter @linli/demo-data --filter @linli/adapter-memory --filter @linli/adapter-open311 --filter @linli/components \
      test
  done
done
