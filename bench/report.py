#!/usr/bin/env python3
"""Renders bench/README.md (and scaling.png with gnuplot) from the results
of one bench/run.sh: the codec benchmark's JSON, e2e.py's JSON, the machine
facts and the commands. Standard library only."""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess

# Codec benchmarks: generated vs reflection pairs, and the targets of issues
# 4 and 8.
CODEC_PAIRS = [
    ("EncodeValidate002", "encode + validate, 002 credit-card authorization"),
    ("DecodeAnswer002", "decode 002's answer (status, txid, userid)"),
    ("DecodeNotification", "decode a TransactionStatus (appointed, cc)"),
    ("EncodeValidateInvoice400", "encode + validate, invoice authorization "
     "with 400 articles"),
]
CODEC_SINGLES = [
    ("Validate002/generated", "validate only, 002"),
    ("Encode002/generated", "encode only, 002"),
    ("FormEncode002/runtime", "form-encode 002's parameters, runtime "
     "FormBuilder"),
]


def fmt(x, digits=0):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if digits == 0:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def ms(us):
    return fmt(us / 1000.0, 2)


def verdict(ok):
    return "**met**" if ok else "**MISSED**"


def load_codec(path):
    """Per benchmark: the median and the fastest of its repetitions.

    `path` holds one Google Benchmark JSON document, or {"processes": [...]}
    with one per process (bench/run.sh runs several: this machine's noise
    changes from one process to the next)."""
    with open(path) as f:
        doc = json.load(f)
    docs = doc["processes"] if "processes" in doc else [doc]
    samples = {}
    out = {}
    for d in docs:
        for b in d["benchmarks"]:
            if b.get("run_type") == "aggregate" and (
                    "processes" in doc or b.get("aggregate_name") != "median"):
                continue
            name = b.get("run_name", b["name"])
            scale = {"ns": 1, "us": 1e3, "ms": 1e6}[b.get("time_unit", "ns")]
            samples.setdefault(name, []).append(b["cpu_time"] * scale)
            out[name] = {
                "allocs": b.get("allocs/op"),
                "bytes": b.get("heap_B/op"),
                "body": b.get("body_B"),
            }
    for name, values in samples.items():
        out[name]["ns"] = statistics.median(values)
        out[name]["best_ns"] = min(values)
        out[name]["samples"] = len(values)
    return docs[0].get("context", {}), out


def codec_section(codec):
    lines = []
    lines.append("| job | generated ns/op | reflection ns/op | speed-up | "
                 "generated best ns/op | generated allocs/op | reflection "
                 "allocs/op | generated heap B/op | reflection heap B/op |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, label in CODEC_PAIRS:
        g = codec.get(f"{key}/generated")
        r = codec.get(f"{key}/reflection")
        if not g or not r:
            continue
        lines.append(
            f"| {label} | {fmt(g['ns'])} | {fmt(r['ns'])} | "
            f"{r['ns'] / g['ns']:.1f}x | {fmt(g['best_ns'])} | "
            f"{fmt(g['allocs'], 1)} | {fmt(r['allocs'], 1)} | "
            f"{fmt(g['bytes'])} | {fmt(r['bytes'])} |")
    for key, label in CODEC_SINGLES:
        g = codec.get(key)
        if g:
            lines.append(f"| {label} | {fmt(g['ns'])} | | | "
                         f"{fmt(g['best_ns'])} | {fmt(g['allocs'], 1)}"
                         f" | | {fmt(g['bytes'])} | |")
    lines.append("")
    enc = codec.get("EncodeValidate002/generated")
    enc_r = codec.get("EncodeValidate002/reflection")
    dec = codec.get("DecodeAnswer002/generated")
    dec_r = codec.get("DecodeAnswer002/reflection")
    if enc and enc_r and dec and dec_r:
        lines.append("| target (issues 4 and 8) | measured | verdict |")
        lines.append("|---|---:|---|")
        lines.append(f"| encode + validate 002 < 1.5 us | {enc['ns'] / 1e3:.2f} us "
                     f"| {verdict(enc['ns'] < 1500)} |")
        lines.append(f"| decode 002 answer < 0.5 us | {dec['ns'] / 1e3:.2f} us | "
                     f"{verdict(dec['ns'] < 500)} |")
        su_e = enc_r["ns"] / enc["ns"]
        su_d = dec_r["ns"] / dec["ns"]
        lines.append(f"| encode + validate >= 5x faster than reflection | "
                     f"{su_e:.1f}x | {verdict(su_e >= 5)} |")
        lines.append(f"| decode >= 5x faster than reflection | {su_d:.1f}x | "
                     f"{verdict(su_d >= 5)} |")
        lines.append(f"| <= 3 heap allocations per encode (+ validate) | "
                     f"{enc['allocs']:.1f} | {verdict(enc['allocs'] <= 3)} |")
        lines.append("")
    return lines


def signed_ms(us):
    v = us / 1000.0
    return f"{'+' if v >= 0 else '−'}{abs(v):,.2f}"


def e2e_rows(scenarios):
    lines = []
    lines.append("| scenario | upstream latency | path | calls/s | p50 ms | "
                 "p90 ms | p99 ms | p99.9 ms | errors | gateway CPU us/call | "
                 "gateway peak RSS MB | load generator CPU us/call | "
                 "simulator CPU us/call |")
    lines.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
                 "---:|")

    def row(label, path, r, gateway_cols):
        cpu = fmt(r.get("cpu_us_per_call")) if gateway_cols else ""
        rss = fmt(r.get("peak_rss_mb"), 1) if gateway_cols else ""
        return (f"| {label} | {path} | {fmt(r['calls_per_s'])} | "
                f"{ms(r['p50_us'])} | {ms(r['p90_us'])} | {ms(r['p99_us'])} "
                f"| {ms(r['p999_us'])} | {r['errors']} | {cpu} | {rss} | "
                f"{fmt(r.get('client_cpu_us_per_call'))} | "
                f"{fmt(r.get('upstream_cpu_us_per_call')) if r.get('upstream_cpu_us_per_call') else ''} |")

    for s in scenarios:
        g, d, f = s["gateway"], s["direct"], s.get("grpc_floor")
        lines.append(row(f"{s['name']} | {s['latency_ms']} ms",
                         f"gateway (ghz -c {s['concurrency']})", g, True))
        lines.append(row(" | ", f"direct (wrk -c {s['direct_connections']})",
                         d, False))
        if f:
            lines.append(row(" | ", "gRPC floor (ghz → gateway Health/Check)",
                             f, True))
        lines.append(
            f"| | | **gateway vs direct** | **{g['calls_per_s'] / max(d['calls_per_s'], 1e-9) * 100:.0f} %** "
            f"| **{signed_ms(g['p50_us'] - d['p50_us'])}** | | "
            f"**{signed_ms(g['p99_us'] - d['p99_us'])}** | | | | | | |")
        if f:
            lines.append(
                f"| | | gateway − gRPC floor − direct | | "
                f"{signed_ms(g['p50_us'] - f['p50_us'] - d['p50_us'])} | | "
                f"{signed_ms(g['p99_us'] - f['p99_us'] - d['p99_us'])} | | | | "
                f"| | |")
    lines.append("")
    return lines


def rss_growth(e2e):
    """Per upstream latency (one gateway process each, runs in order):
    RSS growth per Preauthorize call from the start of the second run to
    the start of the last one. The first run sets up the pools and the
    working set of its calls in flight, the last one (1000 in flight) needs
    a larger working set that glibc keeps afterwards: neither is a leak.
    A gateway that frees what a call used stays near 0 in between."""
    out = []
    for lat in sorted({s["latency_ms"] for s in e2e["scenarios"]}):
        runs = [s for s in e2e["scenarios"] if s["latency_ms"] == lat] + [
            s for s in e2e["scaling"] if s["latency_ms"] == lat]
        if len(runs) < 3:
            continue
        first = runs[1]["gateway"]["rss_before_mb"]
        last = runs[-1]["gateway"]["rss_before_mb"]
        calls = sum(s["gateway"]["calls"] for s in runs[1:-1])
        out.append((lat, first, last, calls,
                    (last - first) * 1024 / max(calls, 1)))
    return out


def e2e_targets(scenarios, e2e=None):
    lines = ["| target (issue 8) | measured | verdict |", "|---|---:|---|"]
    for lat, first, last, calls, kb in rss_growth(e2e) if e2e else []:
        lines.append(f"| RSS growth per Preauthorize call, one process, "
                     f"{lat} ms upstream, from the second run to the last "
                     f"({first:.1f} → {last:.1f} MB over {calls:,} calls; "
                     f"~0 expected) | {kb:.2f} KB | {verdict(kb < 0.5)}"
                     f"{' (leak?)' if kb >= 0.5 else ''} |")
    for s in scenarios:
        g, d = s["gateway"], s["direct"]
        tag = f"{s['latency_ms']} ms upstream"
        if s["mode"] == "open":
            a50 = (g["p50_us"] - d["p50_us"]) / 1000
            a99 = (g["p99_us"] - d["p99_us"]) / 1000
            lines.append(f"| added latency at 1000 calls/s < 0.3 ms p50 ({tag}) "
                         f"| {a50:.2f} ms | {verdict(a50 < 0.3)} |")
            lines.append(f"| added latency at 1000 calls/s < 1 ms p99 ({tag}) "
                         f"| {a99:.2f} ms | {verdict(a99 < 1.0)} |")
            f = s.get("grpc_floor")
            if f:
                b50 = (g["p50_us"] - f["p50_us"] - d["p50_us"]) / 1000
                b99 = (g["p99_us"] - f["p99_us"] - d["p99_us"]) / 1000
                lines.append(f"| (for context) forwarding path alone, gateway − "
                             f"gRPC floor − direct, p50 / p99 ({tag}) | "
                             f"{b50:.2f} / {b99:.2f} ms | – |")
            if s["latency_ms"] >= 50:
                lines.append(f"| RSS < 100 MB at 1000 calls/s, 50 in flight "
                             f"({tag}) | {g['peak_rss_mb']:.1f} MB | "
                             f"{verdict(g['peak_rss_mb'] < 100)} |")
        else:
            ratio = g["calls_per_s"] / max(d["calls_per_s"], 1e-9)
            lines.append(f"| saturation >= 50% of direct ({tag}, "
                         f"{s['concurrency']} in flight) | {ratio * 100:.0f} % "
                         f"| {verdict(ratio >= 0.5)} |")
        errs = g["errors"] + d["errors"]
        lines.append(f"| no errors ({s['name']}, {tag}) | {errs} | "
                     f"{verdict(errs == 0)} |")
    lines.append("")
    return lines


def scaling_section(scaling):
    lines = ["| upstream latency | concurrent calls | gateway calls/s | direct "
             "calls/s | gateway/direct | gateway p50 ms | direct p50 ms | added "
             "p50 ms | added p99 ms | errors (gw/direct) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in scaling:
        g, d = s["gateway"], s["direct"]
        lines.append(
            f"| {s['latency_ms']} ms | {s['concurrency']} | "
            f"{fmt(g['calls_per_s'])} | {fmt(d['calls_per_s'])} | "
            f"{g['calls_per_s'] / max(d['calls_per_s'], 1e-9) * 100:.0f} % | "
            f"{ms(g['p50_us'])} | {ms(d['p50_us'])} | "
            f"{signed_ms(g['p50_us'] - d['p50_us'])} | "
            f"{signed_ms(g['p99_us'] - d['p99_us'])} | {g['errors']}/{d['errors']} |")
    for s in scaling:
        f = s.get("grpc_floor")
        if not f:
            continue
        g, d = s["gateway"], s["direct"]
        lines.append("")
        lines.append(
            f"With {s['concurrency']} call in flight ({s['latency_ms']} ms "
            f"upstream), the gRPC floor (ghz → gateway `Health/Check`) is "
            f"p50 {ms(f['p50_us'])} ms / p99 {ms(f['p99_us'])} ms at "
            f"{fmt(f['calls_per_s'])} calls/s, so the forwarding path alone "
            f"(gateway − gRPC floor − direct) adds "
            f"{signed_ms(g['p50_us'] - f['p50_us'] - d['p50_us'])} ms at p50 "
            f"and {signed_ms(g['p99_us'] - f['p99_us'] - d['p99_us'])} ms at "
            f"p99; gateway CPU per call: {fmt(g['cpu_us_per_call'])} us "
            f"(Preauthorize) vs {fmt(f['cpu_us_per_call'])} us (Health/Check).")
    lines.append("")
    return lines


def plot(scaling, png, workdir):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        return False
    latencies = sorted({s["latency_ms"] for s in scaling})
    datafiles = {}
    for lat in latencies:
        path = os.path.join(workdir, f"scaling-{lat}.dat")
        with open(path, "w") as f:
            for s in scaling:
                if s["latency_ms"] != lat:
                    continue
                g, d = s["gateway"], s["direct"]
                f.write(f"{s['concurrency']} {g['calls_per_s']:.1f} "
                        f"{d['calls_per_s']:.1f} "
                        f"{(g['p50_us'] - d['p50_us']) / 1000:.3f} "
                        f"{(g['p99_us'] - d['p99_us']) / 1000:.3f}\n")
        datafiles[lat] = path
    tput = ", ".join(
        f"'{p}' using 1:2 with linespoints lw 2 title 'gateway, {lat} ms', "
        f"'{p}' using 1:3 with linespoints lw 2 dt 2 title 'direct, {lat} ms'"
        for lat, p in datafiles.items())
    added = ", ".join(
        f"'{p}' using 1:4 with linespoints lw 2 title 'p50, {lat} ms', "
        f"'{p}' using 1:5 with linespoints lw 2 dt 2 title 'p99, {lat} ms'"
        for lat, p in datafiles.items())
    script = f"""
set terminal png size 1100,450
set output '{png}'
set multiplot layout 1,2
set logscale x
set xtics (1, 10, 100, 1000)
set grid
set key top left
set xlabel 'concurrent calls'
set ylabel 'calls/s'
set title 'Throughput: gateway vs direct'
plot {tput}
set ylabel 'ms'
set title 'Latency the gateway adds'
unset logscale y
plot {added}
unset multiplot
"""
    subprocess.run([gnuplot], input=script, text=True, check=True)
    return True


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--codec", required=True)
    p.add_argument("--e2e")
    p.add_argument("--machine", required=True)
    p.add_argument("--commands", required=True)
    p.add_argument("--e2e_reused", action="store_true")
    p.add_argument("--profile_notes")
    p.add_argument("--history")
    p.add_argument("--out", required=True)
    p.add_argument("--png", required=True)
    p.add_argument("--workdir", required=True)
    a = p.parse_args()

    _, codec = load_codec(a.codec)
    with open(a.machine) as f:
        machine = f.read().strip()
    with open(a.commands) as f:
        commands = f.read().strip()
    e2e = None
    if a.e2e and os.path.exists(a.e2e):
        with open(a.e2e) as f:
            e2e = json.load(f)

    out = []
    out.append("# bench/")
    out.append("")
    out.append("How fast the codec and the gateway are, each figure next to a "
               "baseline measured in the same run (issue 8; the codec figures "
               "of issue 4). **This file is generated by `bench/run.sh`**; "
               "edit `bench/report.py`, `bench/history.md` or `bench/profile.md` "
               "instead.")
    out.append("")
    out.append("```sh")
    out.append("bench/run.sh            # everything, a few minutes; rewrites "
               "this file and scaling.png")
    out.append("bench/run.sh --codec    # only the codec benchmark")
    out.append("bazel test //bench/...  # smoke test: builds the benchmarks, "
               "runs each for a few iterations")
    out.append("```")
    out.append("")
    out.append("TransactionStatus notifications accepted per second with "
               "durable storage (SQLite and PostgreSQL) and TSOK latency "
               "(issue 9) have their own benchmark and report: "
               "[bench/notifications/README.md](notifications/README.md).")
    out.append("")
    out.append("## Machine and run")
    out.append("")
    out.append("```")
    out.append(machine)
    out.append("```")
    out.append("")
    out.append("The machine has 2 cores shared with other builders and with "
               "the load generators themselves, so absolute figures are "
               "noisy; the ratios against the baseline of the same run are "
               "the headline.")
    out.append("")
    out.append("## Codec (Google Benchmark)")
    out.append("")
    out.append("`//bench:codec_benchmark`: the generated codec "
               "(`//codec/payone:payone_codec`) against `bench/"
               "reflection_codec.cc`, the same job done with protobuf "
               "reflection that reads the `(payone.v1.*)` options from the "
               "descriptors at run time and uses the same runtime primitives "
               "(form encoding, answer-line parser, validators). Before "
               "measuring, the binary checks that both produce the same body, "
               "the same violations and the same decoded messages. ns/op is "
               "CPU time, the median of all repetitions of all runs of the "
               "binary (bench/run.sh runs it in several processes, because "
               "this shared machine's speed changes from one process to the "
               "next, by up to 2x); best is the fastest repetition. "
               "Allocations and heap bytes are counted by a replaced global "
               "`operator new`. Each op starts with a fresh violation list "
               "and a `FormBuilder(2048)` as the gateway's forwarder does. "
               "Instruction counts (callgrind), which the load does not "
               "change, are in Profiles below.")
    out.append("")
    out.extend(codec_section(codec))

    if e2e:
        out.append("## Gateway end to end (ghz and wrk)")
        out.append("")
        if a.e2e_reused:
            out.append("**These gateway figures are from the last full run "
                       "(`bench/results/e2e.json`), not from this codec-only "
                       "run; the machine facts above are this run's.**")
            out.append("")
        out.append(
            "One standalone simulator per upstream latency serves both paths. "
            "**gateway**: ghz → `payone_gateway` (gRPC `Preauthorize`, "
            "plaintext) → simulator over HTTP/1.1. **direct** (the baseline): "
            "wrk sends the same PAYONE form body "
            f"({e2e.get('direct_body_bytes', '?')} bytes, made by "
            "`//bench:form_body` from `bench/preauthorization.json` with the "
            "codec) straight to the simulator. Every call has a unique "
            "reference; a call counts as an error unless it ends `OK` "
            "(gateway) / HTTP 200 with `status=APPROVED` (direct); calls that "
            "ghz itself cuts off when its `-z` duration ends are not counted. "
            "Open loop: ghz `--rps --async` (calls leave at the rate whatever "
            "is in flight); wrk has no rate option, so each connection pauses "
            "10 ms between requests (rate × (latency + 10 ms) connections). "
            "**gRPC floor**: ghz calling the gateway's `grpc.health.v1.Health/"
            "Check` at the same rate or concurrency, i.e. the cost of the "
            "client and the gRPC stacks without any forwarding; "
            "\"gateway − gRPC floor − direct\" is then what the forwarding "
            "path itself adds. Gateway CPU "
            "time per call is utime+stime from `/proc/<pid>/stat` before and "
            "after the run divided by the calls; peak RSS is `VmHWM`, reset "
            "before each run through `/proc/<pid>/clear_refs`.")
        out.append("")
        out.append("Caveat: ghz (Go) needs several times the CPU of wrk per "
                   "call and shares the 2 cores with the gateway and the "
                   "simulator, so closed-loop gateway throughput is partly a "
                   "measure of ghz.")
        out.append("")
        out.extend(e2e_rows(e2e["scenarios"]))
        out.extend(e2e_targets(e2e["scenarios"], e2e))
        out.append("## Scaling")
        out.append("")
        out.append("Closed loop, N calls in flight (ghz -c N, wrk -c N).")
        out.append("")
        out.extend(scaling_section(e2e["scaling"]))
        if plot(e2e["scaling"], a.png, a.workdir):
            out.append(f"![scaling](./{os.path.basename(a.png)})")
            out.append("")

    if a.history and os.path.exists(a.history):
        # Hand-written and committed (bench/history.md): the before/after
        # figures of earlier runs survive this file being regenerated.
        with open(a.history) as f:
            out.append(f.read().strip())
        out.append("")

    if a.profile_notes and os.path.exists(a.profile_notes):
        with open(a.profile_notes) as f:
            out.append(f.read().strip())
        out.append("")

    out.append("## Exact commands of this run")
    out.append("")
    out.append("```sh")
    out.append(commands)
    out.append("```")
    out.append("")
    with open(a.out, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
