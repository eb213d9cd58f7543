#!/usr/bin/env python3
"""Gateway end to end against the direct path, in one run (bench/run.sh).

For each upstream latency (the simulator answering at once, and with 50 ms
injected), one standalone simulator serves both paths:
  gateway: ghz -> payone_gateway (gRPC Preauthorize) -> simulator
  direct:  wrk -> simulator, the same PAYONE form body (bench/form_body)
and the scenarios are: open loop at a fixed rate (1000 calls/s), closed loop
at saturation, and closed loop at 1, 10, 100, 1000 concurrent calls.

Writes one JSON document with every figure; bench/report.py renders it.
Standard library only.
"""

import argparse
import hashlib
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time

PORTAL_KEY = "demo-portal-key"
MID, AID, PORTALID, MODE = "10000", "10001", "2000001", "test"
CLK_TCK = os.sysconf("SC_CLK_TCK")
# ghz -z closes its connections at the deadline; calls in flight then fail
# on the client side with these messages.
CUT_AT_END = ("use of closed network connection",
              "the client connection is closing")


def log(*args):
    print("[e2e]", *args, file=sys.stderr, flush=True)


def wait_for(path, pattern, timeout=30.0, proc=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path, errors="replace") as f:
                m = re.search(pattern, f.read())
            if m:
                return m
        if proc is not None and proc.poll() is not None:
            break
        time.sleep(0.05)
    with open(path, errors="replace") as f:
        tail = f.read()[-2000:]
    raise RuntimeError(f"no {pattern!r} in {path}: {tail}")


def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of the whole line; after the
    # command name (field 2) they are at offsets 11 and 12.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def reset_peak_rss(pid):
    # Writing 5 to clear_refs resets VmHWM to the current RSS.
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def run_measured(argv, env=None):
    """Runs argv to completion; returns (stdout, CPU seconds it used)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(argv, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({p.returncode}): "
                           f"{p.stderr[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime +
                                               before.ru_stime)
    return p.stdout, cpu


def form_body(form_body_binary, request_path):
    """The PAYONE form body the gateway sends for the request in
    request_path (account demo), as //bench:form_body prints it."""
    key_hex = hashlib.sha384(PORTAL_KEY.encode()).hexdigest()
    return subprocess.run(
        [form_body_binary, request_path, MID, AID, PORTALID, key_hex, MODE],
        check=True, capture_output=True, text=True).stdout


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def gateway_config(upstream_port):
    """The gateway's configuration for the benchmarks: loopback ports, no
    client tokens, the simulator at upstream_port and account demo (its key
    from PAYONE_BENCH_PORTAL_KEY)."""
    return f"""listen_address: "127.0.0.1:0"
metrics_address: "127.0.0.1:0"
allow_unauthenticated: true
upstream {{ url: "http://127.0.0.1:{upstream_port}/post-gateway/" }}
accounts {{
  name: "demo"
  mid: "{MID}"
  aid: "{AID}"
  portalid: "{PORTALID}"
  mode: "{MODE}"
  key_env: "PAYONE_BENCH_PORTAL_KEY"
}}
"""


class Processes:
    """The processes a benchmark started (logs in self.work), stopped by
    their PIDs only: other jobs on this shared machine run the same
    binaries."""

    def start(self, argv, log_name, env=None):
        path = os.path.join(self.work, log_name)
        f = open(path, "w")
        p = subprocess.Popen(argv, stdout=f, stderr=subprocess.STDOUT,
                             env=env)
        self.procs.append(p)
        return p, path

    def stop(self, p):
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if p in self.procs:
            self.procs.remove(p)

    def stop_all(self):
        for p in list(self.procs):
            self.stop(p)


class Bench(Processes):
    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="payone-e2e.")
        self.run_id = 0
        self.procs = []
        self.commands = []
        with open(args.request) as f:
            self.request_json = f.read()
        self.body = form_body(args.form_body, args.request)

    def next_prefix(self, kind):
        self.run_id += 1
        return f"{kind}{os.getpid() % 1000}r{self.run_id}"


    def start_simulator(self, latency_ms):
        argv = [self.args.simulator, "--port=0",
                f"--account={MID}:{AID}:{PORTALID}:{PORTAL_KEY}:{MODE}"]
        if latency_ms:
            argv.append(f"--fault=latency={latency_ms}ms")
        self.commands.append(" ".join(argv))
        p, path = self.start(argv, f"simulator-{latency_ms}.log")
        m = wait_for(path, r"port=(\d+)", proc=p)
        return p, int(m.group(1))

    def start_gateway(self, upstream_port, latency_ms):
        config = os.path.join(self.work, f"gateway-{latency_ms}.textproto")
        with open(config, "w") as f:
            f.write(gateway_config(upstream_port))
        env = dict(os.environ, PAYONE_BENCH_PORTAL_KEY=PORTAL_KEY)
        argv = [self.args.gateway, f"--config={config}"]
        self.commands.append(" ".join(argv) + "   # config: upstream = the "
                             "standalone simulator, account demo")
        p, path = self.start(argv, f"gateway-{latency_ms}.log", env=env)
        m = wait_for(path, r'"event":"listening","port":(\d+)', proc=p)
        return p, int(m.group(1)), path

    # -- load generators ---------------------------------------------------

    def ghz(self, port, concurrency, duration, rps=0, gateway_pid=None,
            sim_pid=None, health=False):
        prefix = self.next_prefix("g")
        data = self.request_json.replace("__REF__",
                                         prefix + "x{{.RequestNumber}}")
        data_path = os.path.join(self.work, f"{prefix}.json")
        with open(data_path, "w") as f:
            f.write(data)
        out = os.path.join(self.work, f"{prefix}.out.json")
        connections = max(1, min(concurrency // 50, 8))
        if health:
            # The gRPC floor: the same client and server stack, no work.
            call = ["--call", "grpc.health.v1.Health.Check", "-d", "{}"]
        else:
            call = ["--proto", os.path.join(self.args.proto_root,
                                            "payone/v1/gateway.proto"),
                    "--import-paths", self.args.proto_root,
                    "--call", "payone.v1.PayoneGateway.Preauthorize",
                    "-D", data_path]
        argv = [self.args.ghz, "--insecure"] + call + [
                "-c", str(concurrency),
                "--connections", str(connections),
                "-z", f"{duration}s", "--timeout", "20s",
                "-O", "json", "-o", out]
        if rps:
            # Open loop: calls leave at the rate whether or not earlier
            # ones have been answered.
            argv += ["--rps", str(rps), "--async"]
        argv.append(f"127.0.0.1:{port}")
        self.commands.append(" ".join(argv))
        cpu0 = proc_cpu_seconds(gateway_pid)
        sim0 = proc_cpu_seconds(sim_pid) if sim_pid else 0
        reset_ok = reset_peak_rss(gateway_pid)
        rss0 = proc_status_kb(gateway_pid, "VmRSS")
        _, client_cpu = run_measured(argv)
        cpu1 = proc_cpu_seconds(gateway_pid)
        sim1 = proc_cpu_seconds(sim_pid) if sim_pid else 0
        with open(out) as f:
            report = json.load(f)
        lat = sorted(d["latency"] / 1e3 for d in report.get("details", [])
                     if not d.get("error"))
        count = report["count"]
        statuses = report.get("statusCodeDistribution", {})
        kinds = report.get("errorDistribution") or {}
        # ghz -z closes its connections at the deadline: the calls still in
        # flight then fail on the client side. They are not gateway errors;
        # they are reported apart.
        cut = sum(n for k, n in kinds.items()
                  if any(marker in k for marker in CUT_AT_END))
        return {
            "calls": count - cut,
            "ok": statuses.get("OK", 0),
            "errors": count - cut - statuses.get("OK", 0),
            "cut_at_end": cut,
            "error_kinds": kinds,
            "calls_per_s": report["rps"],
            "p50_us": percentile(lat, 50),
            "p90_us": percentile(lat, 90),
            "p99_us": percentile(lat, 99),
            "p999_us": percentile(lat, 99.9),
            "cpu_us_per_call": (cpu1 - cpu0) * 1e6 / max(count, 1),
            "client_cpu_us_per_call": client_cpu * 1e6 / max(count, 1),
            "upstream_cpu_us_per_call": (sim1 - sim0) * 1e6 / max(count, 1),
            "peak_rss_mb": proc_status_kb(gateway_pid, "VmHWM") / 1024.0,
            "peak_rss_reset": reset_ok,
            "rss_before_mb": rss0 / 1024.0,
        }

    def wrk(self, port, connections, duration, delay_ms=0, sim_pid=None):
        prefix = self.next_prefix("w")
        threads = max(1, min(2, connections))
        argv = [self.args.wrk, "-t", str(threads), "-c", str(connections),
                "-d", f"{duration}s", "--timeout", "20s", "-s",
                self.args.lua, f"http://127.0.0.1:{port}/post-gateway/"]
        env = dict(os.environ, BENCH_BODY=self.body, BENCH_REF_PREFIX=prefix,
                   BENCH_DELAY_MS=str(delay_ms))
        self.commands.append(
            f"BENCH_REF_PREFIX={prefix} BENCH_DELAY_MS={delay_ms} "
            "BENCH_BODY=\"$(form_body bench/preauthorization.json ...)\" " +
            " ".join(argv))
        sim0 = proc_cpu_seconds(sim_pid) if sim_pid else 0
        out, client_cpu = run_measured(argv, env=env)
        sim1 = proc_cpu_seconds(sim_pid) if sim_pid else 0
        m = re.search(r"WRKJSON (\{.*\})", out)
        if not m:
            raise RuntimeError("wrk printed no result: " + out)
        r = json.loads(m.group(1))
        errors = (r["failed"] + r["connect"] + r["read"] + r["write"] +
                  r["timeout"])
        return {
            "calls": r["requests"],
            "errors": errors,
            "calls_per_s": r["requests"] / (r["duration_us"] / 1e6),
            "p50_us": r["p50_us"],
            "p90_us": r["p90_us"],
            "p99_us": r["p99_us"],
            "p999_us": r["p999_us"],
            "client_cpu_us_per_call": client_cpu * 1e6 / max(r["requests"], 1),
            "upstream_cpu_us_per_call": (sim1 - sim0) * 1e6 /
                                        max(r["requests"], 1),
        }

    # -- scenarios ----------------------------------------------------------

    def run(self):
        a = self.args
        results = {"scenarios": [], "scaling": []}
        for latency in a.latencies:
            sim, sim_port = self.start_simulator(latency)
            gw, gw_port, gw_log = self.start_gateway(sim_port, latency)
            try:
                # Warm-up: connections, pools, page faults.
                self.ghz(gw_port, 10, 2, gateway_pid=gw.pid)
                self.wrk(sim_port, 10, 2)
                # Open loop at a fixed rate. ghz --async sends at the rate
                # whatever is still in flight. wrk: each connection pauses
                # 10 ms between requests, so rate*(latency+10ms) connections
                # make about the rate.
                rate = a.rate
                workers = 10
                log(f"open loop {rate}/s, latency {latency} ms")
                g = self.ghz(gw_port, workers, a.duration, rps=rate,
                             gateway_pid=gw.pid, sim_pid=sim.pid)
                conns = max(1, round(rate * (latency + 10) / 1000))
                d = self.wrk(sim_port, conns, a.duration, delay_ms=10,
                             sim_pid=sim.pid)
                floor = None
                if latency == 0:
                    floor = self.ghz(gw_port, workers, a.duration, rps=rate,
                                     gateway_pid=gw.pid, health=True)
                results["scenarios"].append({
                    "name": f"fixed {rate} calls/s", "mode": "open",
                    "latency_ms": latency, "concurrency": workers,
                    "direct_connections": conns, "gateway": g, "direct": d,
                    "grpc_floor": floor})
                # Saturation: closed loop.
                c = a.saturation_concurrency
                log(f"saturation c={c}, latency {latency} ms")
                g = self.ghz(gw_port, c, a.duration, gateway_pid=gw.pid,
                             sim_pid=sim.pid)
                d = self.wrk(sim_port, c, a.duration, sim_pid=sim.pid)
                floor = None
                if latency == 0:
                    floor = self.ghz(gw_port, c, a.duration,
                                     gateway_pid=gw.pid, health=True)
                results["scenarios"].append({
                    "name": f"saturation, {c} in flight", "mode": "closed",
                    "latency_ms": latency, "concurrency": c,
                    "direct_connections": c, "gateway": g, "direct": d,
                    "grpc_floor": floor})
                for c in a.scaling:
                    log(f"scaling c={c}, latency {latency} ms")
                    g = self.ghz(gw_port, c, a.scaling_duration,
                                 gateway_pid=gw.pid, sim_pid=sim.pid)
                    d = self.wrk(sim_port, c, a.scaling_duration,
                                 sim_pid=sim.pid)
                    floor = None
                    if c == 1 and latency == 0:
                        floor = self.ghz(gw_port, c, a.scaling_duration,
                                         gateway_pid=gw.pid, health=True)
                    results["scaling"].append({
                        "latency_ms": latency, "concurrency": c,
                        "gateway": g, "direct": d, "grpc_floor": floor})
            finally:
                self.stop(gw)
                self.stop(sim)
        results["commands"] = self.commands
        results["direct_body_bytes"] = len(self.body)
        return results


def add_common_arguments(p):
    """What bench/e2e.py and bench/ledger.py both take: the binaries they
    start and drive with, ghz's request, and where the results go."""
    for name in ("--gateway", "--simulator", "--ghz", "--request", "--out"):
        p.add_argument(name, required=True)


def main():
    p = argparse.ArgumentParser()
    add_common_arguments(p)
    p.add_argument("--form_body", required=True)
    p.add_argument("--wrk", default="wrk")
    p.add_argument("--lua", required=True)
    p.add_argument("--proto_root", required=True)
    p.add_argument("--duration", type=int, default=10)
    p.add_argument("--scaling_duration", type=int, default=6)
    p.add_argument("--rate", type=int, default=1000)
    p.add_argument("--saturation_concurrency", type=int, default=50)
    p.add_argument("--latencies", type=lambda s: [int(x) for x in s.split(",")],
                   default=[0, 50])
    p.add_argument("--scaling", type=lambda s: [int(x) for x in s.split(",")],
                   default=[1, 10, 100, 1000])
    args = p.parse_args()
    bench = Bench(args)
    try:
        results = bench.run()
    finally:
        bench.stop_all()
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
