"""Reads the JSON lines both sides wrote and prints the comparison: for each
workload, the median rate of each side over the repetitions, and the ratio of
sesim's median to the peer's (above 1: sesim is faster). Standard library only."""

import argparse
import json
import platform
import statistics
import sys
from importlib import metadata

PEERS = {"hold": ["simpy"], "render": ["pybars3", "jinja2"], "parse+render": ["pybars3", "jinja2"]}


def rate_text(rate, unit):
    if rate >= 1e6:
        return f"{rate / 1e6:.2f} M {unit}"
    if rate >= 1e3:
        return f"{rate / 1e3:.1f} k {unit}"
    return f"{rate:.0f} {unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("results")
    parser.add_argument("--machine", default="")
    parser.add_argument("--swift", default="")
    args = parser.parse_args()

    samples = {}
    sizes = {}
    with open(args.results, encoding="utf-8") as file:
        for line in file:
            record = json.loads(line)
            if record["workload"] == "hold":
                name = f"hold, {record['pending']:,} pending, {record['events']:,} events"
            else:
                name = f"{record['workload']}, {record['rows']:,} rows, {record['renders']:,} renders"
            sizes.setdefault(name, record["workload"])
            samples.setdefault((name, record["side"]), []).append(record["rate"])

    rows = []
    for name, workload in sizes.items():
        unit = "events/s" if workload == "hold" else "renders/s"
        ours = samples.get((name, "sesim"), [])
        for peer in PEERS[workload]:
            theirs = samples.get((name, peer), [])
            if not ours or not theirs:
                continue
            mine, other = statistics.median(ours), statistics.median(theirs)
            # Round r of one side ran next to round r of the other: their ratios show the spread.
            rounds = [a / b for a, b in zip(ours, theirs)]
            spread = f"{min(rounds):,.1f}–{max(rounds):,.1f}×" if len(ours) == len(theirs) else "n/a"
            rows.append((name, rate_text(mine, unit), peer, rate_text(other, unit), f"{mine / other:,.1f}×",
                         spread, f"{len(ours)}/{len(theirs)}"))

    header = ("workload", "sesim", "peer", "peer rate", "sesim ÷ peer", "per round", "runs")
    widths = [max(len(str(row[i])) for row in rows + [header]) for i in range(len(header))]
    line = "  ".join("{:<%d}" % width for width in widths)
    print(line.format(*header).rstrip())
    print(line.format(*("-" * width for width in widths)))
    for row in rows:
        print(line.format(*row).rstrip())
    print()
    print("Rates are medians over the runs (sesim/peer); the ratio is of the medians; \"per round\" is\n"
          "the lowest and highest ratio of runs made side by side in the same round.")
    if args.machine:
        print(f"Machine: {args.machine}")
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("simpy", "pybars3", "Jinja2"))
    print(f"Python {platform.python_version()} ({platform.python_implementation()}), {versions}")
    if args.swift:
        print(f"Swift: {args.swift}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
