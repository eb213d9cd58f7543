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


# -- Ledger (bench/ledger.py) ------------------------------------------------

def pct(x):
    return f"{x * 100:.0f} %"


def receivers(r):
    """A notification row's receivers, with their CPU budget if any."""
    cpu = r.get("cpu_per_replica")
    return f"{r['replicas']} with {cpu:g} core each" if cpu else str(
        r["replicas"])


def opt(x, digits=0):
    """fmt(x), blank when x is missing (results from before a field was
    measured, or a scenario without a ledger)."""
    return "" if x is None else fmt(x, digits)


def ledger_commits(r, per, unit="writes"):
    """The ledger beside a limit: its measured commits/s (from the
    gateways' payone_gateway_ledger_commits_total), their share of `per`
    (the limit's transactions/s) and the writes per commit; "–" when the
    results predate the measurement."""
    c = r.get("ledger_commits_per_s")
    if c is None:
        return "– commits/s"
    text = f"{fmt(c)} commits/s ({pct(c / per)})"
    w = r.get("ledger_writes_per_commit")
    if w is not None:
        text += f", {fmt(w, 1)} {unit} per commit"
    return text


def calls_per_commit(r):
    """Calls one synced commit carried on average (both writes of each call
    counted once), None without ledger commits."""
    per_call = r.get("ledger_commits_per_unit")
    return 1 / per_call if per_call else None


FLOOR_TEXT = (
    "**Forwarding floor** (`//bench:forwarding_floor_server`, its own "
    "process in place of the gateway, same ghz command and request): the "
    "gateway's generated `PayoneGateway` service (the same request parsing "
    "on an arena) answering a fixed `PreauthorizationResponse`, without the "
    "gateway's own work (no codec, interceptor, call log, metrics). "
    "*fixed answer on the gRPC thread* finishes the call in the method: "
    "gRPC's cost of a Preauthorize; *from an Asio thread* hands the call to "
    "an `io_context` thread (as many as the upstream client's default), "
    "which finishes it: adds what finishing off gRPC's threads costs; "
    "*fixed form body to the simulator* POSTs the body the gateway sends "
    "for this request through the gateway's upstream client "
    "(`service/upstream`, default settings) and finishes on the thread the "
    "answer arrives on, ignoring it: adds the loopback HTTP exchange on "
    "`service/net`. Their CPU column is that server's. ")


def floor_decomposition(pre):
    """The no-ledger gateway's CPU per call, step by step from the gRPC
    floor, when the run has the forwarding floor's rows."""
    steps = [("grpc_floor", "gRPC floor: Health/Check on the gateway", ""),
             ("floor_inline", "Preauthorize, fixed answer on the gRPC "
              "thread", "a Preauthorize's messages on gRPC"),
             ("floor_handoff", "... finished from an Asio thread",
              "finishing off gRPC's threads"),
             ("floor_upstream", "... after a loopback POST to the simulator",
              "the upstream exchange on service/net"),
             ("none", "the gateway, no ledger",
              "the gateway's own work (codec, interceptor, call log, "
              "metrics)")]
    if any(key not in pre for key, _, _ in steps):
        return []
    health = pre["grpc_floor"]["cpu_us_per_call"]
    lines = ["The no-ledger gateway's CPU per call, step by step (median "
             "rounds above):", "",
             "| step | CPU us/call | vs Health/Check | adds | what it adds |",
             "|---|---:|---:|---:|---|"]
    previous = None
    for key, label, adds in steps:
        cpu = pre[key]["cpu_us_per_call"]
        lines.append(
            f"| {label} | {fmt(cpu)} | {cpu / health:.1f}x | "
            f"{'' if previous is None else f'{cpu - previous:+,.0f}'} | "
            f"{adds} |")
        previous = cpu
    upstream = pre["floor_upstream"]["cpu_us_per_call"]
    lines += ["", f"Any forwarder on gRPC's callback API and this network "
              f"layer pays the last floor row, {upstream / health:.1f}x a "
              f"Health/Check, before doing any work of its own; the gateway "
              f"is {pre['none']['cpu_us_per_call'] / health:.1f}x.", ""]
    return lines


def ledger_section(ledger, reused=False):
    s = ledger["settings"]
    m = ledger["machine"]
    pre = {r["key"]: r for r in ledger["preauthorize"]}
    base = pre["none"]
    lines = ["## Ledger (Preauthorize with the payment ledger, notification "
             "ingest)", ""]
    if reused:
        lines += ["**These figures are from the last ledger run "
                  "(`bench/results/ledger.json`); its own machine facts and "
                  "commands are below.**", ""]
    lines.append(
        "`bench/ledger.py` (`bench/run.sh --ledger`, or as part of the full "
        "`bench/run.sh`): what the payment ledger (`service/ledger`, "
        "`service/store`) costs the gateway, each figure beside the machine's "
        "own limit measured in the same run. **Preauthorize**: ghz → "
        "`payone_gateway` (gRPC `Preauthorize`, plaintext, the body of "
        "`bench/preauthorization.json` with a unique reference per call) → "
        "a standalone simulator answering at once; closed loop, "
        f"{s['concurrency']} calls in flight, {s['calls']:,} calls per "
        f"scenario after {s['warmup_calls']} warm-up calls, one HTTP/2 "
        "connection per ghz. Scenarios: no ledger; SQLite ledger (a file on "
        "the local disk, WAL and `synchronous=FULL` as the store opens it); "
        "PostgreSQL ledger (a throwaway PostgreSQL that the script starts: "
        "initdb in a temp dir on the same disk, fsync on, "
        "`synchronous_commit=on`, 127.0.0.1, a free port; the gateway's "
        "default pool of 8); **two replicas** sharing that PostgreSQL, with "
        f"**two ghz processes at {s['concurrency'] // 2} in flight each**, "
        "one per replica, half the calls each (calls/s = all calls / the "
        "longer of the two runs). Each scenario gets fresh gateway processes "
        "and a fresh database. **gRPC floor**: ghz `grpc.health.v1.Health/"
        "Check` on the no-ledger gateway, same concurrency and calls. "
        + (FLOOR_TEXT if "floor_inline" in pre else "") +
        "Gateway CPU is utime+stime from `/proc/<pid>/stat` before and after "
        "the run, summed over the replicas, per call; PostgreSQL CPU likewise "
        "over the postmaster and its backends. A call is an error unless it "
        "ends `OK`; \"ledger rows\" counts the `requests` rows afterwards "
        "(warm-up included). \"Ledger commits/s\" and \"writes per commit\" "
        "are measured: the gateways' `payone_gateway_ledger_commits_total` "
        "and `payone_gateway_ledger_writes_total{result=\"committed\"}` "
        "(Prometheus endpoint, summed over the replicas) read before and "
        "after the run; commits/s over the run's seconds, writes per commit "
        "the mean group-commit size (each call writes twice: its admission "
        "and its outcome); calls per commit is the run's calls over its "
        "commits (1 / commits per call).")
    lines.append("")
    lines.append("```")
    for k in ("date", "cpu", "memory", "kernel", "disk", "sqlite",
              "postgres"):
        lines.append(f"{k + ':':10}{m.get(k, '?')}")
    ps = m.get("postgres_settings", {})
    lines.append("pg:       " + ", ".join(f"{k}={v}" for k, v in ps.items()))
    lb, la = m.get("load_before"), m.get("load_after")
    if lb and la:
        lines.append("load before: " + ", ".join(f"{x:.2f}" for x in lb))
        lines.append("load after:  " + ", ".join(f"{x:.2f}" for x in la))
    lines.append("```")
    lines.append("")
    lines.append("| scenario | gateways | ghz | calls | calls/s | vs no ledger "
                 "| p50 ms | p90 ms | p99 ms | errors | gateway CPU us/call | "
                 "CPU/call vs no ledger | PostgreSQL CPU us/call | simulator "
                 "CPU us/call | ghz CPU us/call | ledger rows | ledger "
                 "commits/s | writes per commit | calls per commit | every round: calls/s @ "
                 "gateway CPU us/call |")
    lines.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
                 "---:|---:|---:|---:|---:|---:|---:|---|")
    for r in ledger["preauthorize"]:
        floor = r["key"] == "grpc_floor" or r["key"].startswith("floor_")
        sim_cpu = (fmt(r["simulator_cpu_us_per_call"])
                   if not floor or r["key"] == "floor_upstream" else "")
        cpu_ratio = ("" if floor else
                     f"{r['cpu_us_per_call'] / base['cpu_us_per_call']:.1f}x")
        ghz = (f"{r['ghz_processes']} x -c {r['concurrency_per_replica']}"
               if r["ghz_processes"] > 1 else f"-c {r['concurrency']}")
        pg = (fmt(r.get("postgres_cpu_us_per_call"))
              if r["key"].startswith("postgres") else "")
        lines.append(
            f"| {r['name']} | {r['replicas']} | {ghz} | {r['calls']:,} | "
            f"{fmt(r['calls_per_s'])} | "
            f"{'' if floor else pct(r['calls_per_s'] / base['calls_per_s'])}"
            f" | {ms(r['p50_us'])} | {ms(r['p90_us'])} | {ms(r['p99_us'])} | "
            f"{r['errors']} | {fmt(r['cpu_us_per_call'])} | "
            f"{cpu_ratio}"
            f" | {pg} | {sim_cpu}"
            f" | {fmt(r['client_cpu_us_per_call'])} | "
            f"{r.get('ledger_rows', '') if r.get('ledger_rows') is not None else ''} | "
            f"{opt(r.get('ledger_commits_per_s'))} | "
            f"{opt(r.get('ledger_writes_per_commit'), 1)} | "
            f"{opt(calls_per_commit(r), 1)} | "
            + ", ".join(f"{fmt(x['calls_per_s'])} @ {fmt(x['cpu_us_per_call'])}"
                        for x in r.get("rounds", [])) + " |")
    lines.append("")
    if s.get("rounds", 1) > 1:
        lines.append(
            f"Each scenario ran {s['rounds']} times, the rounds one after "
            "another (every scenario once per round, so that a slow phase of "
            "the shared machine meets them all); each row shows its median "
            "round by calls/s, and the last column every round.")
        lines.append("")

    lines += floor_decomposition(pre)

    # Limits.
    lines.append("### The machine's limits, same run")
    lines.append("")
    lines.append(
        "**SQLite**: `//bench:sqlite_commit_limit`, a plain loop of "
        "transactions inserting ~450-byte rows into a file in the same "
        "directory as the ledgers (WAL, `synchronous=FULL`, as the store "
        f"opens it), {s['limit_seconds']:g} s each, one process, one "
        "connection. **PostgreSQL**: `pgbench` on the same server as the "
        "ledger, a custom script of one `INSERT` of a ~450-byte row per "
        f"transaction (`synchronous_commit=on`), {s['limit_seconds']:g} s each. "
        "A Preauthorize needs two durable writes (`BeginRequest` before "
        "PAYONE is called, `FinishRequest` after) and a notification one, "
        "but the ledger group-commits: one synced transaction carries the "
        "writes of many calls, so the ledger's commits/s beside each limit "
        "are measured (the gateways' `payone_gateway_ledger_commits_total`, "
        "as in the tables), not derived from calls/s, and writes per commit "
        "is the mean group-commit size.")
    lines.append("")
    lines.append("| limit | transactions/s | rows/s | latency | the ledger "
                 "beside it |")
    lines.append("|---|---:|---:|---:|---|")
    sq = {r["rows_per_commit"]: r for r in ledger.get("sqlite_limit", [])}
    pgl = {r["clients"]: r for r in ledger.get("postgres_limit", [])}
    notes = {r["key"]: r for r in ledger.get("notifications", [])}
    n_sqlite = next((r for r in ledger.get("notifications", [])
                     if r["backend"] == "sqlite" and r["replicas"] == 1 and
                     r["senders"] > 1), None)
    n_pg = next((r for r in ledger.get("notifications", [])
                 if r["backend"] == "postgres" and r["replicas"] == 1 and
                 r["senders"] > 1 and not r.get("cpu_per_replica")), None)
    del notes
    if 1 in sq:
        r = sq[1]
        led = pre.get("sqlite")
        beside = ""
        if led:
            beside = (f"SQLite ledger: "
                      f"{ledger_commits(led, r['commits_per_s'])}")
        if n_sqlite:
            beside += (f"; notifications, {n_sqlite['senders']} senders "
                       f"({fmt(n_sqlite['per_s'])}/s): "
                       f"{ledger_commits(n_sqlite, r['commits_per_s'], 'notifications')}")
        lines.append(f"| SQLite, 1 row per synced commit | "
                     f"{fmt(r['commits_per_s'])} | {fmt(r['rows_per_s'])} | "
                     f"{1000 / max(r['commits_per_s'], 1e-9):.2f} ms | "
                     f"{beside} |")
    if 64 in sq:
        r = sq[64]
        lines.append(f"| SQLite, 64 rows per synced commit | "
                     f"{fmt(r['commits_per_s'])} | {fmt(r['rows_per_s'])} | "
                     f"{1000 / max(r['commits_per_s'], 1e-9):.2f} ms | what "
                     f"group commit could reach |")
    for clients, r in sorted(pgl.items()):
        beside = ""
        if clients == 1 and pre.get("postgres"):
            beside = (f"PostgreSQL ledger, 1 replica: "
                      f"{ledger_commits(pre['postgres'], r['tps'])}")
        if clients > 1:
            parts = []
            for key, label in (("postgres", "1 replica"),
                               ("postgres_x2", "2 replicas")):
                if key in pre:
                    parts.append(f"ledger, {label}: "
                                 f"{ledger_commits(pre[key], r['tps'])}")
            if n_pg:
                parts.append(f"notifications, {n_pg['senders']} senders "
                             f"({fmt(n_pg['per_s'])}/s): "
                             f"{ledger_commits(n_pg, r['tps'], 'notifications')}")
            beside = "; ".join(parts)
        lines.append(f"| PostgreSQL, pgbench, {clients} "
                     f"client{'s' if clients > 1 else ''} | "
                     f"{fmt(r['tps'])} | {fmt(r['tps'])} | "
                     f"{fmt(r['latency_avg_ms'], 2)} ms | {beside} |")
    lines.append("")

    # Notifications.
    ns = ledger.get("notifications", [])
    if ns:
        lines.append("### Notification ingest")
        lines.append("")
        lines.append(
            "`//bench/notifications:notification_bench --targets=...`: the "
            "receiver benchmark (closed loop, N senders on their own "
            "keep-alive connections posting distinct ~450-byte capture "
            "notifications, every answer must be `TSOK`) driving gateway "
            "processes (`notifications {}` on 127.0.0.1, the gateway's own "
            "receiver settings) with the SQLite or PostgreSQL ledger above; "
            "with two receivers, sender s posts to receiver s mod 2. "
            f"{s['notification_warmup_s']:g} s warm-up, then "
            f"{s['notification_duration_s']:g} s measured. Afterwards the "
            "store must hold exactly the notifications answered `TSOK` "
            "(warm-up included). CPU per notification is each gateway's "
            "utime+stime over the whole run divided by the notifications it "
            "answered (warm-up included). Ledger commits are the gateways' "
            "`payone_gateway_ledger_commits_total` over the whole run "
            "(warm-up included, summed over the receivers); notifications "
            "per commit divides the notifications answered by them (each "
            "notification is one write: the mean group-commit size). "
            "Receivers \"with N core each\": every gateway process in a "
            "cgroup of its own whose CPU quota allows N cores (10 ms "
            "period), so that each replica has CPU of its own as in "
            "production; without it, the two gateways, PostgreSQL and the "
            "senders share this host's 2 cores, which cap their sum.")
        lines.append("")
        lines.append("| backend | receivers | senders | notifications/s | "
                     "TSOK p50 ms | TSOK p99 ms | failures | stored = "
                     "answered | gateway CPU us/notification, per replica | "
                     "PostgreSQL CPU us/notification | sender CPU "
                     "us/notification | ledger commits | notifications per "
                     "commit |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|"
                     "---:|---:|")
        for r in ns:
            cpu = " / ".join(fmt(x["cpu_us_per_notification"])
                             for x in r["replica"])
            npc = (opt(r["answered_tsok_total"] / r["ledger_commits"], 1)
                   if r.get("ledger_commits") else "")
            lines.append(
                f"| {'SQLite' if r['backend'] == 'sqlite' else 'PostgreSQL'} "
                f"| {receivers(r)} | {r['senders']} | {fmt(r['per_s'])} | "
                f"{fmt(r['p50_ms'], 2)} | {fmt(r['p99_ms'], 2)} | "
                f"{r['failures']} | "
                f"{'yes' if r['stored_matches'] else 'NO'} ({r['stored']:,})"
                f" | {cpu} | "
                f"{fmt(r['postgres_cpu_us_per_notification']) if r['postgres_cpu_us_per_notification'] is not None else ''}"
                f" | {fmt(r['client_cpu_us_per_notification'])} | "
                f"{opt(r.get('ledger_commits'))} | {npc} |")
        lines.append("")

    # Targets.
    lines.append("| target (ledger) | measured | verdict |")
    lines.append("|---|---:|---|")
    for key, label in (("sqlite", "SQLite"), ("postgres", "PostgreSQL")):
        r = pre.get(key)
        if not r:
            continue
        ratio = r["calls_per_s"] / base["calls_per_s"]
        # One decimal, cut rather than rounded: a "70 %" beside MISSED
        # reads as a mistake.
        lines.append(f"| {label} ledger >= 70% of no-ledger calls/s | "
                     f"{math.floor(ratio * 1000) / 10:.1f} % | "
                     f"{verdict(ratio >= 0.7)} |")
        cpu = r["cpu_us_per_call"] / base["cpu_us_per_call"]
        lines.append(f"| {label} ledger gateway CPU per call <= 2x no-ledger "
                     f"| {cpu:.1f}x | {verdict(cpu <= 2)} |")
    r = pre.get("postgres_x2")
    if r:
        lines.append(f"| (for context) 2 replicas on PostgreSQL, calls/s vs "
                     f"no ledger / CPU per call vs no ledger | "
                     f"{pct(r['calls_per_s'] / base['calls_per_s'])} / "
                     f"{r['cpu_us_per_call'] / base['cpu_us_per_call']:.1f}x "
                     f"| – |")
    errs = sum(r["errors"] for r in ledger["preauthorize"])
    lines.append(f"| no errors (all Preauthorize and Health/Check runs) | "
                 f"{errs} | {verdict(errs == 0)} |")
    for n, label in ((n_sqlite, "SQLite"), (n_pg, "PostgreSQL")):
        if not n:
            continue
        lines.append(f"| notification ingest >= 5,000/s, {label}, "
                     f"{n['senders']} senders | {fmt(n['per_s'])}/s | "
                     f"{verdict(n['per_s'] >= 5000)} |")
        lines.append(f"| TSOK p99 < 50 ms, {label}, {n['senders']} senders | "
                     f"{fmt(n['p99_ms'], 2)} ms | "
                     f"{verdict(n['p99_ms'] < 50)} |")
    for cpu in sorted({r.get("cpu_per_replica") or 0 for r in ns}):
        one = next((r for r in ns if r["backend"] == "postgres" and
                    r["replicas"] == 1 and r["senders"] > 1 and
                    (r.get("cpu_per_replica") or 0) == cpu), None)
        two = next((r for r in ns if r["replicas"] == 2 and
                    (r.get("cpu_per_replica") or 0) == cpu), None)
        if not (one and two):
            continue
        budget = (f", {cpu:g} core each" if cpu else
                  ", all sharing the host's 2 cores")
        lines.append(f"| two receivers sharing PostgreSQL together >= one "
                     f"receiver ({two['senders']} senders{budget}) | "
                     f"{fmt(two['per_s'])}/s vs {fmt(one['per_s'])}/s "
                     f"({two['per_s'] / one['per_s']:.2f}x) | "
                     f"{verdict(two['per_s'] >= one['per_s'])} |")
    if ns:
        clean = all(r["failures"] == 0 and r["stored_matches"] for r in ns)
        lines.append(f"| every notification answered TSOK and stored exactly "
                     f"once | {'yes' if clean else 'no'} | {verdict(clean)} |")
    lines.append("")
    lines.append(
        "Caveats: " + (f"{s.get('rounds', 1)} rounds of each Preauthorize "
                       "scenario (the median shown), one run of everything "
                       "else" if s.get("rounds", 1) > 1 else
                       "one run of each scenario") +
        " on 2 shared cores, where ghz, the "
        "gateway(s), the simulator and PostgreSQL compete for the CPU (ghz's "
        "own CPU per call is in the table): no-ledger calls/s is partly a "
        "measure of ghz, so the ratios are the headline. CPU times come in "
        "10 ms ticks (about 2 % of the no-ledger gateway's CPU over 5,000 "
        "calls). This VM's synced writes vary a lot from second to second "
        "(the SQLite loop has measured from 500 to 10,000 commits/s in "
        "1-second runs), so limits and ledger runs a minute apart can see "
        "different disks. Rerun with `bench/run.sh --ledger`; scenario "
        "sizes with `BENCH_LEDGER_ARGS` (`bench/ledger.py --help`).")
    lines.append("")
    lines.append("Exact commands of this ledger run (temp paths as they were; "
                 "`bazel-bin/` is the `--config=opt` output):")
    lines.append("")
    lines.append("```sh")
    lines.extend(ledger["commands"])
    lines.append("```")
    lines.append("")
    return lines


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--codec", required=True)
    p.add_argument("--e2e")
    p.add_argument("--machine", required=True)
    p.add_argument("--commands", required=True)
    p.add_argument("--e2e_reused", action="store_true")
    p.add_argument("--ledger", help="bench/ledger.py's results")
    p.add_argument("--ledger_reused", action="store_true",
                   help="the ledger figures are from an earlier run")
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
    out.append("bench/run.sh --ledger   # only the ledger scenarios "
               "(bench/ledger.py), a few minutes")
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

    if a.ledger and os.path.exists(a.ledger):
        with open(a.ledger) as f:
            out.extend(ledger_section(json.load(f), a.ledger_reused))

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
