"""The hold model in SimPy: `pending` processes, each looping on
`yield env.timeout(expovariate)` with mean 1,000 time units, so that the event queue
always holds `pending` timeouts. After the processes start and `pending` events run
to reach steady state, `events` steps of the environment are timed: each step pops
one timeout and resumes its process, which schedules the next one, as each event of
the Swift hold model schedules its successor. One JSON line per repetition."""

import argparse
import json
import random
import sys
import time

import simpy


def holder(env, draw):
    timeout = env.timeout
    while True:
        yield timeout(draw())


def run(pending, events):
    rng = random.Random(2026)
    mean = 1_000.0
    rate = 1.0 / mean

    def draw():
        return rng.expovariate(rate)

    env = simpy.Environment()
    for _ in range(pending):
        env.process(holder(env, draw))
    step = env.step
    for _ in range(pending):  # start every process: each schedules its first timeout
        step()
    for _ in range(pending):  # steady state, as the Swift side
        step()
    start = time.perf_counter()
    for _ in range(events):
        step()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pending", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repetitions", type=int, default=1)
    args = parser.parse_args()
    for _ in range(args.repetitions):
        seconds = run(args.pending, args.events)
        record = {
            "side": "simpy", "workload": "hold", "pending": args.pending, "events": args.events,
            "seconds": seconds, "rate": args.events / seconds,
        }
        print(json.dumps(record), flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
