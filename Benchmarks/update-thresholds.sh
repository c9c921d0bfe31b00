#!/usr/bin/env bash
# Rewrites Benchmarks/Thresholds/ from a fresh run of every suite, keeping only
# the metrics CI gates on: malloc counts and the model's own counters ("… per
# 1,000 recipients"). Time and throughput depend on the machine, so they are
# reported by `swift package benchmark` but never committed as thresholds.
#
# Usage: Benchmarks/update-thresholds.sh [--target SUITE]…   then commit Benchmarks/Thresholds.
set -euo pipefail
cd "$(dirname "$0")"
swift package --disable-sandbox --allow-writing-to-package-directory benchmark thresholds update "$@"
python3 - <<'PY'
import json, pathlib
gated = lambda name: name == "mallocCountTotal" or name.endswith("per 1,000 recipients")
for path in sorted(pathlib.Path("Thresholds").glob("*.p90.json")):
    values = json.loads(path.read_text())
    kept = {name: value for name, value in values.items() if gated(name)}
    if kept:
        path.write_text(json.dumps(kept, indent=2, sort_keys=True) + "\n")
        print(f"{path}: {', '.join(f'{k} {v}' for k, v in sorted(kept.items()))}")
    else:
        path.unlink()
PY
