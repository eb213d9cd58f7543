#!/usr/bin/env python3
"""The ledger's cost, each figure beside the machine's own limit measured in
the same run (bench/run.sh --ledger).

Gateway (ghz -> payone_gateway Preauthorize -> standalone simulator that
answers at once), closed loop, N calls in flight, a fixed number of calls,
each with a unique reference:
  none      no ledger
  sqlite    SQLite ledger, a file on the local disk (WAL, synchronous=FULL
            as the gateway's store sets it)
  postgres  PostgreSQL ledger: a throwaway PostgreSQL started here (initdb in
            a temp dir, fsync on, synchronous_commit on, 127.0.0.1)
  postgres x2  two gateway replicas sharing that PostgreSQL, the load split
            across them: one ghz per replica at N/2 in flight
  gRPC floor ghz grpc.health.v1.Health/Check on the no-ledger gateway
  forwarding floor (with --floor_server) the same Preauthorize on
            //bench:forwarding_floor_server, the gateway's generated service
            answering a fixed response: finished on the gRPC thread
            (inline), on an Asio thread (handoff), after POSTing the
            gateway's form body to the simulator through its upstream client
            (upstream); what any forwarder on gRPC's callback API and this
            network layer pays before the gateway's own work
Limits of the machine, in the same run: a plain loop of synced SQLite
transactions (//bench:sqlite_commit_limit, 1 and 64 rows per commit) on the
same file system, and pgbench inserting ~450-byte rows (1 and 16 clients).
Notification ingest: //bench/notifications:notification_bench driving
gateway processes (--targets) on SQLite and PostgreSQL, and two gateways
sharing one PostgreSQL.

Writes one JSON document; bench/report.py renders it. Standard library only.
"""

import argparse
import json
import os
import platform
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.dont_write_bytecode = True  # no bench/__pycache__ from importing e2e
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import (MID, AID, PORTALID, MODE, PORTAL_KEY, Processes,  # noqa: E402
                 add_common_arguments, form_body, gateway_config, percentile,
                 proc_cpu_seconds, run_measured, wait_for)

# pg settings as //service/store:postgres_server starts its throwaway server.
PG_SETTINGS = ["fsync=on", "synchronous_commit=on", "full_page_writes=on",
               "shared_buffers=32MB", "max_connections=200"]
# ~450 bytes (14 x 32 hex digits = 448), distinct per row.
PGBENCH_SCRIPT = ("INSERT INTO rows (payload) "
                  "VALUES (repeat(md5(random()::text), 14));\n")

# //bench:forwarding_floor_server's modes, each adding one piece of the
# gateway's path: (--mode, scenario key, row name).
FLOOR_MODES = [
    ("inline", "floor_inline",
     "forwarding floor: fixed answer on the gRPC thread"),
    ("handoff", "floor_handoff",
     "forwarding floor: fixed answer from an Asio thread"),
    ("upstream", "floor_upstream",
     "forwarding floor: fixed form body to the simulator, answer ignored"),
]


def log(*args):
    print("[ledger]", *args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LEDGER_METRICS = {
    'payone_gateway_ledger_writes_total{result="committed"}': "writes",
    'payone_gateway_ledger_writes_total{result="failed"}': "failed_writes",
    'payone_gateway_ledger_writes_total{result="refused"}': "refused_writes",
    "payone_gateway_ledger_commits_total": "commits",
}


def scrape_ledger(metrics_ports):
    """The ledger's counters (LEDGER_METRICS' names) summed over the
    gateways' Prometheus endpoints; None when a gateway has no ledger."""
    total = {}
    for port in metrics_ports:
        url = f"http://127.0.0.1:{port}/metrics"
        with urllib.request.urlopen(url, timeout=10) as r:
            text = r.read().decode()
        found = {}
        for line in text.splitlines():
            if line.startswith("#") or " " not in line:
                continue
            name, value = line.rsplit(" ", 1)
            key = LEDGER_METRICS.get(name.replace(" ", ""))
            if key:
                found[key] = float(value)
        if "commits" not in found:
            return None
        for k, v in found.items():
            total[k] = total.get(k, 0) + v
    return total


def ledger_delta(before, after, seconds, units):
    """The ledger's writes and commits between two scrape_ledger()s, over
    `seconds`, per `units` (calls or notifications)."""
    if before is None or after is None:
        return {}
    d = {k: int(round(after.get(k, 0) - before.get(k, 0)))
         for k in LEDGER_METRICS.values()}
    commits = d["commits"]
    return {
        "ledger_commits": commits,
        "ledger_writes": d["writes"],
        "ledger_failed_writes": d["failed_writes"],
        "ledger_refused_writes": d["refused_writes"],
        "ledger_commits_per_s": commits / max(seconds, 1e-9),
        "ledger_writes_per_commit": (d["writes"] / commits if commits
                                     else None),
        "ledger_commits_per_unit": commits / max(units, 1),
        "ledger_writes_per_unit": d["writes"] / max(units, 1),
    }


def children_cpu_seconds(parent):
    """CPU seconds of `parent` (PostgreSQL's postmaster), of its live
    children (the backends) and of the children it has reaped (cutime and
    cstime): a backend that exits between two readings moves from the second
    sum to the third, so differences stay right."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(entry) == parent:
                total += sum(int(x) for x in fields[11:15])
            elif int(fields[1]) == parent:
                total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


class Postgres:
    """A throwaway PostgreSQL in a temp dir on 127.0.0.1 (as the postgres
    user when we are root, which PostgreSQL refuses to run as)."""

    def __init__(self, base_dir, commands):
        self.bin = self.find_bin()
        self.dir = tempfile.mkdtemp(prefix="payone-ledger-pg.", dir=base_dir)
        self.data = os.path.join(self.dir, "data")
        self.user = {}
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.user = {"user": pw.pw_uid, "group": pw.pw_gid,
                         "extra_groups": []}
        self.log_path = os.path.join(self.dir, "postgres.log")
        argv = [f"{self.bin}/initdb", "-D", self.data, "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-locale",
                # Only initdb's own writes: the server syncs (fsync=on).
                "--no-sync"]
        commands.append(" ".join(argv))
        subprocess.run(argv, check=True, capture_output=True, **self.user)
        self.port = free_port()
        argv = [f"{self.bin}/postgres", "-D", self.data, "-p", str(self.port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", f"unix_socket_directories={self.dir}"]
        for s in PG_SETTINGS:
            argv += ["-c", s]
        commands.append(" ".join(argv))
        self.log_file = open(self.log_path, "w")
        self.proc = subprocess.Popen(argv, stdout=self.log_file,
                                     stderr=subprocess.STDOUT, **self.user)
        deadline = time.time() + 60
        while time.time() < deadline:
            r = subprocess.run([f"{self.bin}/pg_isready", "-q", "-h",
                                "127.0.0.1", "-p", str(self.port)])
            if r.returncode == 0:
                break
            if self.proc.poll() is not None:
                raise RuntimeError("postgres exited: " +
                                   open(self.log_path).read()[-2000:])
            time.sleep(0.1)
        else:
            raise RuntimeError("postgres did not start")
        self.version = subprocess.run(
            [f"{self.bin}/postgres", "--version"], capture_output=True,
            text=True).stdout.strip()
        self.settings = {s: self.sql("postgres", f"SHOW {s}")
                         for s in ("fsync", "synchronous_commit",
                                   "wal_sync_method", "shared_buffers")}

    @staticmethod
    def find_bin():
        best = None
        for v in os.listdir("/usr/lib/postgresql"):
            if v.isdigit() and os.access(f"/usr/lib/postgresql/{v}/bin/postgres",
                                         os.X_OK):
                if best is None or int(v) > int(best):
                    best = v
        if best is None:
            raise RuntimeError("no /usr/lib/postgresql/*/bin/postgres: "
                               "install Debian's postgresql (tools/setup.sh)")
        return f"/usr/lib/postgresql/{best}/bin"

    def psql(self):
        return ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]

    def sql(self, db, statement):
        r = subprocess.run(self.psql() + ["-d", db, "-c", statement],
                           check=True, capture_output=True, text=True)
        return r.stdout.strip()

    def create_db(self, name):
        self.sql("postgres", f"CREATE DATABASE {name}")
        return f"host=127.0.0.1 port={self.port} dbname={name} user=postgres"

    def cpu_seconds(self):
        return children_cpu_seconds(self.proc.pid)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # fast shutdown
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class CpuBudget:
    """Processes limited to `cores` of CPU each, through a cgroup of their
    own (the cpu controller's CFS quota; cgroup v1 or v2, as root): replicas
    with CPU of their own, as in production, on this host whose 2 shared
    cores otherwise cap the sum of every process. A 10 ms period keeps a
    throttled gateway's stalls short (TSOK latency)."""

    PERIOD_US = 10000

    def __init__(self, cores):
        self.cores = cores
        self.groups = []
        v1 = "/sys/fs/cgroup/cpu"
        if os.path.exists(os.path.join(v1, "cpu.cfs_quota_us")):
            self.root, self.v2 = v1, False
        elif "cpu" in self._read("/sys/fs/cgroup/cgroup.controllers").split():
            self.root, self.v2 = "/sys/fs/cgroup", True
        else:
            self.root = None

    @staticmethod
    def _read(path):
        try:
            with open(path) as f:
                return f.read()
        except OSError:
            return ""

    def why_not(self):
        """None when processes can be limited here, else why not."""
        if self.cores <= 0:
            return "--replica_cpu=0"
        if self.root is None:
            return "no cgroup cpu controller"
        probe = os.path.join(self.root, f"payone-bench-{os.getpid()}-probe")
        try:
            os.makedirs(probe)
            os.rmdir(probe)
        except OSError as e:
            return f"cannot create a cgroup in {self.root}: {e.strerror}"
        return None

    def limit(self, pid):
        group = os.path.join(self.root, f"payone-bench-{os.getpid()}-{pid}")
        quota = int(self.cores * self.PERIOD_US)
        if self.v2:
            with open(os.path.join(self.root, "cgroup.subtree_control"),
                      "w") as f:
                f.write("+cpu")
        os.makedirs(group, exist_ok=True)
        self.groups.append(group)
        if self.v2:
            with open(os.path.join(group, "cpu.max"), "w") as f:
                f.write(f"{quota} {self.PERIOD_US}")
        else:
            with open(os.path.join(group, "cpu.cfs_period_us"), "w") as f:
                f.write(str(self.PERIOD_US))
            with open(os.path.join(group, "cpu.cfs_quota_us"), "w") as f:
                f.write(str(quota))
        # Every thread of the process, and those it starts later.
        with open(os.path.join(group, "cgroup.procs"), "w") as f:
            f.write(str(pid))

    def remove_all(self):
        """Once the processes ended (a cgroup with members stays)."""
        for group in self.groups:
            try:
                os.rmdir(group)
            except OSError:
                pass
        self.groups = []


class LedgerBench(Processes):
    def __init__(self, args):
        self.args = args
        # Everything on the local disk: the SQLite ledgers, PostgreSQL's data
        # directory and the limit loops share one file system.
        self.work = tempfile.mkdtemp(prefix="payone-ledger.", dir=args.dir)
        self.procs = []
        self.commands = []
        self.run_id = 0
        with open(args.request) as f:
            self.request_json = f.read()
        self.pg = None
        self.cpu_budget = CpuBudget(args.replica_cpu)
        # The body the floor server's upstream mode POSTs.
        self.floor_body = os.path.join(self.work, "floor-body.form")
        if args.floor_server:
            with open(self.floor_body, "w") as f:
                f.write(form_body(args.form_body, args.request))

    # -- processes ----------------------------------------------------------

    def stop_later(self, p):
        """With --smoke: SIGTERM now, reaped by stop_all (a gateway drains
        for about 2 s after SIGTERM). Otherwise stopped before the next
        scenario, so that its PostgreSQL connections close first."""
        if not self.args.smoke:
            self.stop(p)
        elif p.poll() is None:
            p.send_signal(signal.SIGTERM)

    def stop_all(self):
        Processes.stop_all(self)
        self.cpu_budget.remove_all()
        if self.pg:
            self.pg.stop()

    def start_simulator(self):
        argv = [self.args.simulator, "--port=0",
                f"--account={MID}:{AID}:{PORTALID}:{PORTAL_KEY}:{MODE}"]
        self.commands.append(" ".join(argv))
        p, path = self.start(argv, "simulator.log")
        m = wait_for(path, r"port=(\d+)", proc=p)
        return p, int(m.group(1))

    def start_gateway(self, name, upstream_port, ledger=None, dsn=None,
                      notifications=False):
        """ledger: None, ("sqlite", path) or ("postgres", conninfo)."""
        config = os.path.join(self.work, f"gateway-{name}.textproto")
        text = gateway_config(upstream_port)
        env = dict(os.environ, PAYONE_BENCH_PORTAL_KEY=PORTAL_KEY)
        if ledger and ledger[0] == "sqlite":
            text += f'ledger {{ sqlite_path: "{ledger[1]}" }}\n'
        elif ledger:
            text += 'ledger { postgres_conninfo_env: "PAYONE_LEDGER_DSN" }\n'
            env["PAYONE_LEDGER_DSN"] = ledger[1]
        if notifications:
            text += ('notifications { listen_address: "127.0.0.1:0" '
                     'allowed_sources: "127.0.0.1/32" }\n')
        with open(config, "w") as f:
            f.write(text)
        argv = [self.args.gateway, f"--config={config}"]
        extra = " ".join(line for line in text.splitlines()
                         if line.startswith(("ledger", "notifications")))
        dsn_env = (f"PAYONE_LEDGER_DSN='{env['PAYONE_LEDGER_DSN']}' "
                   if "PAYONE_LEDGER_DSN" in env else "")
        self.commands.append(
            dsn_env + " ".join(argv) + f"   # upstream = the simulator, account demo"
            + (f", {extra}" if extra else ", no ledger"))
        p, path = self.start(argv, f"gateway-{name}.log", env=env)
        m = wait_for(path, r'"event":"listening","port":(\d+),'
                     r'"metrics_port":(\d+),"notifications_port":(-?\d+)',
                     proc=p)
        # (process, gRPC port, notifications port, metrics port)
        return p, int(m.group(1)), int(m.group(3)), int(m.group(2))

    def start_floor_server(self, mode, upstream_port, round_number):
        argv = [self.args.floor_server, f"--mode={mode}"]
        if mode == "upstream":
            argv += [f"--upstream_url=http://127.0.0.1:{upstream_port}"
                     "/post-gateway/",
                     f"--upstream_body_file={self.floor_body}"]
        self.commands.append(" ".join(argv))
        p, path = self.start(argv, f"floor-{mode}-{round_number}.log")
        m = wait_for(path, r"port=(\d+)", proc=p)
        return p, int(m.group(1))

    # -- load ----------------------------------------------------------------

    def ghz_argv(self, port, concurrency, calls, health=False):
        self.run_id += 1
        prefix = f"L{os.getpid() % 1000}r{self.run_id}"
        out = os.path.join(self.work, f"{prefix}.out.json")
        if health:
            call = ["--call", "grpc.health.v1.Health.Check", "-d", "{}"]
        else:
            data_path = os.path.join(self.work, f"{prefix}.json")
            with open(data_path, "w") as f:
                f.write(self.request_json.replace(
                    "__REF__", prefix + "x{{.RequestNumber}}"))
            # Without --proto_root, ghz asks the gateway (server reflection).
            call = (["--proto", os.path.join(self.args.proto_root,
                                             "payone/v1/gateway.proto"),
                     "--import-paths", self.args.proto_root]
                    if self.args.proto_root else [])
            call += ["--call", "payone.v1.PayoneGateway.Preauthorize",
                     "-D", data_path]
        argv = [self.args.ghz, "--insecure"] + call + [
            "-c", str(concurrency), "-n", str(calls), "--connections", "1",
            "--timeout", "20s", "-O", "json", "-o", out,
            f"127.0.0.1:{port}"]
        return argv, out

    def ghz(self, targets, concurrency, calls, gateways, sim=None,
            health=False, record=True, metrics_ports=()):
        """Closed loop on each target at the same time: `concurrency` in
        flight and `calls` calls per target. `gateways` are the processes
        whose CPU counts (all replicas); `metrics_ports` their Prometheus
        endpoints, whose ledger counters are read before and after."""
        runs = [self.ghz_argv(port, concurrency, calls, health)
                for port in targets]
        if record:
            self.commands.extend(" ".join(a) for a, _ in runs)
        ledger0 = scrape_ledger(metrics_ports) if metrics_ports else None
        cpu0 = sum(proc_cpu_seconds(g.pid) for g in gateways)
        sim0 = proc_cpu_seconds(sim.pid) if sim else 0
        pg0 = self.pg.cpu_seconds() if self.pg else 0
        t0 = time.time()
        procs = [subprocess.Popen(a, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True)
                 for a, _ in runs]
        rusage0 = os.times()
        for p in procs:
            _, err = p.communicate()
            if p.returncode != 0:
                raise RuntimeError(f"ghz failed ({p.returncode}): {err[-2000:]}")
        wall = time.time() - t0
        rusage1 = os.times()
        for g in gateways + ([sim] if sim else []):
            if g.poll() is not None:
                raise RuntimeError(
                    f"{g.args[0]} (pid {g.pid}) ended during the run "
                    f"({g.returncode}; killed from outside?)")
        cpu1 = sum(proc_cpu_seconds(g.pid) for g in gateways)
        sim1 = proc_cpu_seconds(sim.pid) if sim else 0
        pg1 = self.pg.cpu_seconds() if self.pg else 0
        ledger1 = scrape_ledger(metrics_ports) if metrics_ports else None
        client_cpu = ((rusage1.children_user - rusage0.children_user) +
                      (rusage1.children_system - rusage0.children_system))
        count = ok = 0
        lat = []
        kinds = {}
        longest_s = 0.0
        for _, out in runs:
            with open(out) as f:
                report = json.load(f)
            count += report["count"]
            ok += report.get("statusCodeDistribution", {}).get("OK", 0)
            for k, n in (report.get("errorDistribution") or {}).items():
                kinds[k] = kinds.get(k, 0) + n
            lat += [d["latency"] / 1e3 for d in report.get("details", [])
                    if not d.get("error")]
            longest_s = max(longest_s, report["total"] / 1e9)
        lat.sort()
        result = {
            "calls": count,
            "ok": ok,
            "errors": count - ok,
            "error_kinds": kinds,
            # All ghz processes start together; the run lasts until the last
            # one ends.
            "seconds": longest_s,
            "wall_seconds": wall,
            "calls_per_s": count / max(longest_s, 1e-9),
            "p50_us": percentile(lat, 50),
            "p90_us": percentile(lat, 90),
            "p99_us": percentile(lat, 99),
            "cpu_us_per_call": (cpu1 - cpu0) * 1e6 / max(count, 1),
            "client_cpu_us_per_call": client_cpu * 1e6 / max(count, 1),
            "simulator_cpu_us_per_call": (sim1 - sim0) * 1e6 / max(count, 1),
            "postgres_cpu_us_per_call": ((pg1 - pg0) * 1e6 / max(count, 1)
                                         if self.pg and pg1 else None),
        }
        # Group commit: the ledger's commits and writes during the run.
        result.update(ledger_delta(ledger0, ledger1, longest_s, count))
        return result

    # -- scenarios -----------------------------------------------------------

    def preauthorize(self, sim, sim_port):
        """Every scenario once per round, the rounds one after another (so
        that a slow phase of the shared machine hits every scenario); each
        scenario reports its median round by calls/s, with every round's
        calls/s and CPU per call beside it."""
        rounds = [self.preauthorize_round(sim, sim_port, n)
                  for n in range(self.args.rounds)]
        scenarios = []
        for i, first in enumerate(rounds[0]):
            runs = sorted((r[i] for r in rounds),
                          key=lambda r: r["calls_per_s"])
            median = dict(runs[len(runs) // 2])
            median["rounds"] = [{"calls_per_s": r["calls_per_s"],
                                 "cpu_us_per_call": r["cpu_us_per_call"]}
                                for r in (rr[i] for rr in rounds)]
            scenarios.append(median)
        return scenarios

    def preauthorize_round(self, sim, sim_port, round_number):
        a = self.args
        scenarios = []
        configs = [
            ("none", "no ledger", 1, None),
            ("sqlite", "SQLite ledger", 1, "sqlite"),
            ("postgres", "PostgreSQL ledger", 1, "postgres"),
            ("postgres_x2", "PostgreSQL ledger, 2 replicas", 2, "postgres"),
        ]
        if self.args.no_ledger_only:
            configs = configs[:1]
        for key, label, replicas, backend in configs:
            ledger = None
            if backend == "sqlite":
                ledger = ("sqlite", os.path.join(
                    self.work, f"{key}-{round_number}.db"))
            elif backend == "postgres":
                ledger = ("postgres",
                          self.pg.create_db(f"ledger_{key}_{round_number}"))
            gws = [self.start_gateway(f"{key}-{round_number}-{i}", sim_port,
                                      ledger)
                   for i in range(replicas)]
            procs = [g[0] for g in gws]
            ports = [g[1] for g in gws]
            metrics = [g[3] for g in gws] if backend else []
            per = a.concurrency // replicas
            try:
                log(f"{label}: warm-up (round {round_number + 1})")
                self.ghz(ports, per, a.warmup_calls // replicas, procs,
                         record=False)
                log(f"{label}: {a.calls} calls, {a.concurrency} in flight")
                r = self.ghz(ports, per, a.calls // replicas, procs, sim=sim,
                             metrics_ports=metrics)
                r.update(key=key, name=label, replicas=replicas,
                         concurrency=a.concurrency,
                         concurrency_per_replica=per,
                         ghz_processes=replicas)
                scenarios.append(r)
                if key == "none":
                    log("gRPC floor: Health/Check")
                    f = self.ghz(ports, a.concurrency, a.calls, procs,
                                 health=True)
                    f.update(key="grpc_floor", name="gRPC floor "
                             "(Health/Check, no ledger)", replicas=1,
                             concurrency=a.concurrency,
                             concurrency_per_replica=a.concurrency,
                             ghz_processes=1)
                    scenarios.append(f)
            finally:
                for p in procs:
                    self.stop_later(p)
            if backend == "sqlite":
                with sqlite3.connect(f"file:{ledger[1]}?mode=ro",
                                     uri=True) as db:
                    r["ledger_rows"] = db.execute(
                        "SELECT count(*) FROM requests").fetchone()[0]
            elif backend == "postgres":
                r["ledger_rows"] = int(self.pg.sql(
                    f"ledger_{key}_{round_number}",
                    "SELECT count(*) FROM requests"))
            if key == "none" and a.floor_server:
                scenarios += self.forwarding_floor(sim, sim_port, round_number)
        return scenarios

    def forwarding_floor(self, sim, sim_port, round_number):
        """The no-ledger scenario's Preauthorize on each floor server mode,
        the server's CPU per call in place of the gateway's."""
        a = self.args
        rows = []
        for mode, key, label in FLOOR_MODES:
            p, port = self.start_floor_server(mode, sim_port, round_number)
            try:
                log(f"{label}: warm-up (round {round_number + 1})")
                self.ghz([port], a.concurrency, a.warmup_calls, [p],
                         record=False)
                log(f"{label}: {a.calls} calls, {a.concurrency} in flight")
                r = self.ghz([port], a.concurrency, a.calls, [p], sim=sim)
                r.update(key=key, name=label, replicas=1,
                         concurrency=a.concurrency,
                         concurrency_per_replica=a.concurrency,
                         ghz_processes=1)
                rows.append(r)
            finally:
                self.stop_later(p)
        return rows

    def sqlite_limits(self):
        out = []
        for rows in (1, 64):
            argv = [self.args.sqlite_limit,
                    f"--path={os.path.join(self.work, 'limit.db')}",
                    f"--seconds={self.args.limit_seconds}",
                    f"--rows_per_commit={rows}"]
            self.commands.append(" ".join(argv))
            log(f"SQLite limit, {rows} rows per commit")
            stdout, cpu = run_measured(argv)
            r = json.loads(stdout.strip().splitlines()[-1])
            r["cpu_us_per_commit"] = cpu * 1e6 / max(r["commits"], 1)
            out.append(r)
        return out

    def pg_limits(self):
        conninfo = self.pg.create_db("pgbench_limit")
        del conninfo
        self.pg.sql("pgbench_limit",
                    "CREATE TABLE rows (id bigserial PRIMARY KEY, created "
                    "timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)")
        script = os.path.join(self.work, "insert_row.sql")
        with open(script, "w") as f:
            f.write(PGBENCH_SCRIPT)
        out = []
        for clients in (1, 16):
            argv = [os.path.join(self.pg.bin, "pgbench"), "-n", "-M",
                    "prepared", "-h", "127.0.0.1", "-p", str(self.pg.port),
                    "-U", "postgres", "-f", script, "-c", str(clients),
                    "-j", str(min(clients, 2)), "-T",
                    str(max(1, round(self.args.limit_seconds))),
                    "pgbench_limit"]
            self.commands.append(" ".join(argv) + "   # insert_row.sql: " +
                                 PGBENCH_SCRIPT.strip())
            log(f"pgbench, {clients} clients")
            pg0 = self.pg.cpu_seconds()
            stdout, cpu = run_measured(argv)
            pg1 = self.pg.cpu_seconds()
            m = re.search(r"tps = ([\d.]+) \(without initial connection",
                          stdout)
            lat = re.search(r"latency average = ([\d.]+) ms", stdout)
            tx = re.search(r"number of transactions actually processed: "
                           r"(\d+)", stdout)
            failed = re.search(r"number of failed transactions: (\d+)",
                               stdout)
            out.append({
                "clients": clients,
                "tps": float(m.group(1)),
                "latency_avg_ms": float(lat.group(1)) if lat else None,
                "transactions": int(tx.group(1)) if tx else None,
                "failed": int(failed.group(1)) if failed else 0,
                "postgres_cpu_us_per_tx": (pg1 - pg0) * 1e6 / max(
                    int(tx.group(1)) if tx else 1, 1),
            })
        return out

    def notifications(self, sim_port):
        a = self.args
        out = []
        # (backend, receivers, senders, CPU budget per receiver or None)
        plan = [("sqlite", 1, 1, None), ("sqlite", 1, a.senders, None),
                ("postgres", 1, 1, None), ("postgres", 1, a.senders, None),
                ("postgres", 2, a.senders, None)]
        # Does a second replica add capacity when each has CPU of its own?
        why_not = self.cpu_budget.why_not()
        if why_not is None:
            plan += [("postgres", 1, a.senders, a.replica_cpu),
                     ("postgres", 2, a.senders, a.replica_cpu)]
        else:
            log(f"notifications: no rows with a CPU budget per receiver "
                f"({why_not})")
        for n, (backend, replicas, senders, cpu) in enumerate(plan):
            key = f"n{n}_{backend}_{replicas}x_{senders}s"
            if cpu:
                key += f"_cpu{round(cpu * 100)}"
            if backend == "sqlite":
                ledger = ("sqlite", os.path.join(self.work, f"{key}.db"))
            else:
                ledger = ("postgres", self.pg.create_db(key))
            gws = [self.start_gateway(f"{key}-{i}", sim_port, ledger,
                                      notifications=True)
                   for i in range(replicas)]
            procs = [g[0] for g in gws]
            targets = [f"127.0.0.1:{g[2]}" for g in gws]
            metrics = [g[3] for g in gws]
            for p in procs if cpu else []:
                self.cpu_budget.limit(p.pid)
            argv = [a.notification_bench, f"--targets={','.join(targets)}",
                    f"--senders={senders}", f"--portal_key={PORTAL_KEY}",
                    f"--warmup={a.notification_warmup}s",
                    f"--duration={a.notification_duration}s"]
            limited = (f", each limited to {cpu:g} core (cgroup CPU quota "
                       f"{round(cpu * CpuBudget.PERIOD_US)} us per "
                       f"{CpuBudget.PERIOD_US} us)" if cpu else "")
            self.commands.append(" ".join(argv) + f"   # {backend}, "
                                 f"{replicas} gateway(s){limited}")
            log(f"notifications: {backend}, {replicas} receiver(s), "
                f"{senders} senders{limited}")
            try:
                cpu0 = [proc_cpu_seconds(p.pid) for p in procs]
                pg0 = self.pg.cpu_seconds()
                ledger0 = scrape_ledger(metrics)
                t0 = time.time()
                stdout, client_cpu = run_measured(argv)
                wall = time.time() - t0
                ledger1 = scrape_ledger(metrics)
                cpu1 = [proc_cpu_seconds(p.pid) for p in procs]
                pg1 = self.pg.cpu_seconds()
            finally:
                for p in procs:
                    self.stop_later(p)
            line = re.search(r"^backend=external .*$", stdout, re.M).group(0)
            f = dict(kv.split("=", 1) for kv in line.split())
            per_target = {m.group(1): int(m.group(2)) for m in re.finditer(
                r"^target=(\S+) answered_tsok=(\d+)$", stdout, re.M)}
            answered = int(f["answered_tsok"])
            if backend == "sqlite":
                with sqlite3.connect(f"file:{ledger[1]}?mode=ro",
                                     uri=True) as db:
                    stored = db.execute(
                        "SELECT count(*) FROM notifications").fetchone()[0]
            else:
                stored = int(self.pg.sql(key, "SELECT count(*) FROM "
                                         "notifications"))
            r = {
                "key": key, "backend": backend, "replicas": replicas,
                "senders": senders, "cpu_per_replica": cpu,
                "seconds": float(f["seconds"]),
                "accepted": int(f["accepted"]),
                "per_s": float(f["rate"].rstrip("/s")),
                "p50_ms": float(f["p50_ms"]), "p99_ms": float(f["p99_ms"]),
                "failures": int(f["failures"]),
                "answered_tsok_total": answered,
                "stored": stored,
                "stored_matches": stored == answered,
                "replica": [{
                    "target": t,
                    "answered_tsok_total": per_target.get(t, 0),
                    "cpu_us_per_notification": (c1 - c0) * 1e6 / max(
                        per_target.get(t, 0), 1),
                } for t, c0, c1 in zip(targets, cpu0, cpu1)],
                "client_cpu_us_per_notification": client_cpu * 1e6 / max(
                    answered, 1),
                "postgres_cpu_us_per_notification": ((pg1 - pg0) * 1e6 /
                                                     max(answered, 1)
                                                     if backend == "postgres"
                                                     else None),
            }
            # Warm-up included, as answered_tsok_total: commits/s over the
            # bench process's whole run (wall_seconds).
            r["wall_seconds"] = wall
            r.update(ledger_delta(ledger0, ledger1, wall, answered))
            out.append(r)
        return out

    def machine(self):
        def run(cmd):
            try:
                return subprocess.run(cmd, shell=True, capture_output=True,
                                      text=True).stdout.strip()
            except OSError:
                return ""
        model = ""
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        fs = run(f"df -T {self.work} | tail -1").split()
        return {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "cpu": f"{os.cpu_count()} x {model}",
            "memory": run("awk '/MemTotal/ {printf \"%.1f GiB\", "
                          "$2/1048576}' /proc/meminfo"),
            "kernel": platform.release(),
            "disk": (f"{fs[0]} ({fs[1]}) mounted on {fs[-1]}"
                     if len(fs) >= 7 else "?"),
            "sqlite": sqlite3.sqlite_version,
            "load_before": os.getloadavg(),
        }

    def run(self):
        a = self.args
        results = {"settings": {
            "calls": a.calls, "concurrency": a.concurrency,
            "rounds": a.rounds,
            "warmup_calls": a.warmup_calls,
            "senders": a.senders,
            "notification_duration_s": a.notification_duration,
            "notification_warmup_s": a.notification_warmup,
            "limit_seconds": a.limit_seconds,
            "postgres_settings": PG_SETTINGS,
        }}
        results["machine"] = self.machine()
        if a.no_ledger_only:
            sim, sim_port = self.start_simulator()
            try:
                results["preauthorize"] = self.preauthorize(sim, sim_port)
            finally:
                self.stop(sim)
            results["machine"]["load_after"] = os.getloadavg()
            results["commands"] = self.commands
            return results
        log("starting PostgreSQL")
        # Not in self.work (0700, root's): PostgreSQL runs as its own user.
        self.pg = Postgres(self.args.dir, self.commands)
        results["machine"]["postgres"] = self.pg.version
        results["machine"]["postgres_settings"] = self.pg.settings
        sim, sim_port = self.start_simulator()
        try:
            results["preauthorize"] = self.preauthorize(sim, sim_port)
            results["sqlite_limit"] = self.sqlite_limits()
            results["postgres_limit"] = self.pg_limits()
            if not a.skip_notifications:
                results["notifications"] = self.notifications(sim_port)
        finally:
            self.stop(sim)
        results["machine"]["load_after"] = os.getloadavg()
        results["commands"] = self.commands
        return results


def main():
    p = argparse.ArgumentParser()
    add_common_arguments(p)
    p.add_argument("--sqlite_limit", required=True)
    p.add_argument("--notification_bench", required=True)
    p.add_argument("--proto_root", default="",
                   help="where payone/v1/gateway.proto is; default: ask the "
                   "gateway by server reflection")
    p.add_argument("--dir", default=None,
                   help="where the SQLite files and PostgreSQL's data go "
                   "(default: the temp dir, /tmp)")
    p.add_argument("--rounds", type=int, default=3,
                   help="runs of every Preauthorize scenario, one after "
                   "another; each reports its median round by calls/s")
    p.add_argument("--calls", type=int, default=5000)
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--warmup_calls", type=int, default=200)
    p.add_argument("--senders", type=int, default=16)
    p.add_argument("--notification_duration", type=float, default=10)
    p.add_argument("--notification_warmup", type=float, default=1)
    p.add_argument("--limit_seconds", type=float, default=5)
    p.add_argument("--skip_notifications", action="store_true")
    p.add_argument("--replica_cpu", type=float, default=0.3,
                   help="cores each receiver may use in the notification "
                   "rows with a CPU budget per replica (one and two "
                   "receivers on PostgreSQL); 0: no such rows")
    p.add_argument("--no_ledger_only", action="store_true",
                   help="only the no-ledger scenario and its gRPC floor (the "
                   "gateway's own cost per call): no PostgreSQL, no limits, "
                   "no notifications")
    p.add_argument("--floor_server", default="",
                   help="//bench:forwarding_floor_server: adds the "
                   "forwarding floor's rows beside the no-ledger scenario")
    p.add_argument("--form_body", default="",
                   help="//bench:form_body, with --floor_server: the body "
                   "its upstream mode sends")
    p.add_argument("--bazel_bin", default="",
                   help="shown as bazel-bin/ in the recorded commands")
    p.add_argument("--keep", action="store_true",
                   help="keep the work dir (logs, configs, ghz outputs)")
    p.add_argument("--smoke", action="store_true",
                   help="a few calls and seconds each: checks that every "
                   "scenario runs (about 30 s), figures meaningless")
    args = p.parse_args()
    if args.floor_server and not args.form_body:
        p.error("--floor_server needs --form_body")
    # A SIGTERM (e.g. from another job's cleanup on this shared machine)
    # still stops the gateways and PostgreSQL started here.
    signal.signal(signal.SIGTERM, lambda signum, _: sys.exit(128 + signum))
    if args.smoke:
        args.calls, args.warmup_calls, args.limit_seconds = 160, 32, 0.5
        args.rounds = 1
        args.notification_duration, args.notification_warmup = 0.3, 0.1
    bench = LedgerBench(args)
    try:
        results = bench.run()
    finally:
        bench.stop_all()
        if not args.keep:
            shutil.rmtree(bench.work, ignore_errors=True)
        else:
            log(f"work dir kept: {bench.work}")
    # Shorter and machine-independent paths in the report.
    home = os.path.expanduser("~")
    shown = []
    for c in results["commands"]:
        if args.bazel_bin:
            c = c.replace(args.bazel_bin.rstrip("/") + "/", "bazel-bin/")
        shown.append(c.replace(home + "/", "~/"))
    results["commands"] = shown
    with open(args.out, "w") as f:
        json.dump(results, f, indent=1)
    if args.smoke:
        # Figures are meaningless here; everything must have worked.
        bad = [r["key"] for r in results["preauthorize"] if r["errors"] or
               not r["calls"]]
        # The ledger's counters were scraped (every scenario with a ledger).
        bad += [f"{r['key']}/ledger_commits" for r in results["preauthorize"]
                if r["key"].startswith(("sqlite", "postgres")) and
                not r.get("ledger_commits")]
        bad += [f"{r['key']}/ledger_commits"
                for r in results.get("notifications", [])
                if not r.get("ledger_commits")]
        bad += [r["key"] for r in results.get("notifications", [])
                if r["failures"] or not r["stored_matches"] or
                not r["accepted"]]
        bad += [f"sqlite_limit/{r['rows_per_commit']}"
                for r in results.get("sqlite_limit", []) if not r["commits"]]
        bad += [f"pgbench/{r['clients']}"
                for r in results.get("postgres_limit", [])
                if not r["tps"] or r["failed"]]
        if args.floor_server:
            ran = {r["key"] for r in results["preauthorize"]}
            bad += [key for _, key, _ in FLOOR_MODES if key not in ran]
        for key in bad:
            print(f"FAIL: {key}", file=sys.stderr)
        print("PASS" if not bad else "FAIL", flush=True)
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
