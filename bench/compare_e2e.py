#!/usr/bin/env python3
"""Prints a before/after Markdown table of two e2e.json files (bench/e2e.py
output), for bench/history.md (which keeps the tables, not the raw files):
  bench/compare_e2e.py BEFORE.json AFTER.json
Each row: the gateway's calls/s as a share of the direct path's, the latency
it adds over the direct path (p50, p99) and its CPU time per call, in both
runs. Standard library only."""

import json
import sys


def rows(doc):
    out = []
    for s in doc["scenarios"]:
        out.append((f"{s['name']}, {s['latency_ms']} ms upstream",
                    s["gateway"], s["direct"]))
    for s in doc["scaling"]:
        out.append((f"closed loop c={s['concurrency']}, "
                    f"{s['latency_ms']} ms upstream", s["gateway"],
                    s["direct"]))
    return out


def cells(g, d):
    share = 100.0 * g["calls_per_s"] / d["calls_per_s"]
    return (f"{g['calls_per_s']:,.0f} / {d['calls_per_s']:,.0f} = "
            f"{share:.0f} %",
            f"{(g['p50_us'] - d['p50_us']) / 1000:+.2f}",
            f"{(g['p99_us'] - d['p99_us']) / 1000:+.2f}",
            f"{g['cpu_us_per_call']:.0f}")


def main():
    with open(sys.argv[1]) as f:
        before = json.load(f)
    with open(sys.argv[2]) as f:
        after = json.load(f)
    print("| scenario | gateway / direct calls/s, before | after | "
          "added p50 ms, before | after | added p99 ms, before | after | "
          "gateway CPU us/call, before | after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    after_rows = {name: (g, d) for name, g, d in rows(after)}
    for name, g, d in rows(before):
        if name not in after_rows:
            continue
        b = cells(g, d)
        a = cells(*after_rows[name])
        print(f"| {name} | {b[0]} | {a[0]} | {b[1]} | {a[1]} | {b[2]} | "
              f"{a[2]} | {b[3]} | {a[3]} |")


if __name__ == "__main__":
    main()
