#!/usr/bin/env python3
"""Benchmark parkpress against Hugo on the same synthetic content.

Usage: run.py --parkpress BINARY [--hugo BINARY] [--theme DIR] [--sizes 1000,10000] [--repeat 5]
              [--work DIR] [--json FILE] [--seed S]

For each size N, gen_content.py writes N parks as parkpress content and as a Hugo site. Then, for
each repetition, alternating which tool goes first, it measures:

  hugo cold            public/, resources/ and Hugo's cache set aside, then `hugo --quiet`
  hugo no change       `hugo --quiet` again over the existing public/
  parkpress cold       the output folder set aside, then `parkpress build ... --no-pdf`
  parkpress no change  the same command again
  parkpress one change one `value = ...` line of one park changed (a new number each repetition),
                       then the same command: the first rebuild after a cold build
  parkpress next change the same figure changed again, then the same command: an editor's later
                       rebuilds, which stage in the site before instead of linking a whole new one

Each run's wall time, CPU time (user + system) and peak resident memory come from os.wait4 on the
child. The output folder is compared before and after each run: files written (new inode or
modification time), changed (new content) and removed. Medians of the repetitions are printed
side by side, with the ratios the project aims for. See bench/README.md.

Outputs are set aside for a cold build, not deleted: they are moved into WORK/.trash, which is
emptied once every size has been measured. On ext4 a build that creates thousands of files right
after thousands were deleted is slowed down by the file system itself, which skips inodes freed
in the last minute or more when it allocates new ones (recently_deleted() in ext4's ialloc.c);
that would measure the benchmark's own `rm -rf`, not the tool. Before each measured run, what
earlier runs wrote is flushed to disk (sync): otherwise a run shares the CPUs with the kernel
writing back the previous run's output, Hugo's 480 MB or parkpress's 560 MB at 10,000 parks.
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)

# (label, numerator run, denominator run, metric, target, whether the ratio must be at least the target)
TARGETS = [
    ("parkpress cold vs Hugo cold: speed-up (wall)", ("hugo", "cold"), ("parkpress", "cold"), "wall", 10.0, True),
    ("parkpress cold vs Hugo cold: peak memory", ("parkpress", "cold"), ("hugo", "cold"), "maxrss_kib", 0.25, False),
    ("parkpress no change vs parkpress cold (wall)", ("parkpress", "no change"), ("parkpress", "cold"), "wall", 0.10,
     False),
    ("parkpress one change vs parkpress cold (wall)", ("parkpress", "one change"), ("parkpress", "cold"), "wall", 0.25,
     False),
    ("parkpress next change vs parkpress cold (wall)", ("parkpress", "next change"), ("parkpress", "cold"), "wall",
     0.25, False),
]
SCENARIOS = ["cold", "no change", "one change", "next change"]


def measure(cmd, log_path):
    """Run cmd; return wall and CPU seconds and peak RSS (KiB) of the child, from os.wait4."""
    # What earlier runs wrote is flushed to disk first, so that no run pays for the write-back
    # of another's output (the kernel's flusher threads would share the CPUs with it).
    os.sync()
    with open(log_path, "wb") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            tail = f.read()[-3000:]
        sys.exit(f"error: {' '.join(cmd)} exited with {proc.returncode}:\n{tail}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime, "sys": usage.ru_stime,
            "maxrss_kib": usage.ru_maxrss}


class Tree:
    """Snapshots of an output folder: relative path -> (inode, mtime_ns, size), with content hashes
    cached by that key so that unchanged files are hashed once."""

    def __init__(self, root):
        self.root = root
        self.hashes = {}

    def snapshot(self):
        files = {}
        for dirpath, _, names in os.walk(self.root):
            for name in names:
                path = os.path.join(dirpath, name)
                st = os.lstat(path)
                files[os.path.relpath(path, self.root)] = (st.st_ino, st.st_mtime_ns, st.st_size)
        return files

    def digest(self, rel, key):
        if (rel, key) not in self.hashes:
            with open(os.path.join(self.root, rel), "rb") as f:
                self.hashes[(rel, key)] = hashlib.sha1(f.read()).hexdigest()
        return self.hashes[(rel, key)]

    def diff(self, before, after):
        written = [rel for rel, key in after.items() if before.get(rel, (None, None))[:2] != key[:2]]
        changed = [rel for rel in written
                   if rel not in before or self.digest(rel, before[rel]) != self.digest(rel, after[rel])]
        removed = [rel for rel in before if rel not in after]
        return {"files": len(after), "written": len(written), "changed": len(changed), "removed": len(removed),
                "changed_paths": sorted(changed) if len(changed) <= 20 else []}

    def prepare(self, files):
        """Hash the current files now, outside the timed run, so that diff() never needs old content;
        forget the hashes of files that are gone."""
        self.hashes = {(rel, key): self.hashes[(rel, key)] for rel, key in files.items() if (rel, key) in self.hashes}
        for rel, key in files.items():
            self.digest(rel, key)


def tree_stats(root):
    files = html = size = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return {"files": files, "html_pages": html, "bytes": size}


def change_one_figure(content, n, rep):
    """Give the middle park's first latest (not superseded by a later period) non-percent fact a
    new value, so that the change shows on its park, indicator and list pages."""
    slug = f"park-{n // 2:05d}"
    path = next(os.path.join(d, slug + ".toml") for d, _, names in os.walk(os.path.join(content, "parks"))
                if slug + ".toml" in names)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    facts = []
    for block in re.finditer(r"^\[\[facts\]\]\n(?:.+\n?)*", text, re.M):
        fields = dict(re.findall(r"^(\w+) = (.*)$", block.group(0), re.M))
        facts.append((block, fields))
    for block, fields in facts:
        later = any(f["indicator"] == fields["indicator"] and f["period"] > fields["period"] for _, f in facts)
        if fields["unit"] != '"%"' and not later:
            value = re.search(r"^value = (\S+)$", block.group(0), re.M)
            old = value.group(1)
            new = str(int(old) + rep + 1) if old.isdigit() else f"{float(old) + rep + 1:.2f}"
            start = block.start() + value.start(1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text[:start] + new + text[start + len(old):])
            indicator = fields["indicator"].strip('"')
            return f"{os.path.relpath(path, content)}: {indicator} {old} -> {new}"
    sys.exit(f"error: no fact to change in {path}")


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)


class Trash:
    """Where outputs go instead of being deleted while builds are measured (see the docstring)."""

    def __init__(self, work):
        self.dir = os.path.join(work, ".trash")
        self.count = 0

    def discard(self, path):
        if os.path.lexists(path):
            os.makedirs(self.dir, exist_ok=True)
            os.rename(path, os.path.join(self.dir, str(self.count)))
            self.count += 1

    def empty(self):
        remove(self.dir)


def command_output(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine(args):
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "os": platform.platform(),
        "hugo": command_output([args.hugo, "version"]),
        "parkpress": command_output([args.parkpress, "--version"]),
        "commit": command_output(["git", "-C", REPO_DIR, "describe", "--always", "--dirty"]),
    }


def bench_size(args, n, work, trash):
    root = os.path.join(work, f"n{n}")
    content, site = os.path.join(root, "content"), os.path.join(root, "hugo")
    public, hugo_cache = os.path.join(site, "public"), os.path.join(root, "hugo-cache")
    # parkpress stages its output beside --out: a folder of its own, removed for a cold build.
    out_parent = os.path.join(root, "parkpress")
    out = os.path.join(out_parent, "site")
    trash.discard(root)
    os.makedirs(root)
    print(f"\n== N = {n:,}: generating content", file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(BENCH_DIR, "gen_content.py"), str(n), content, "--seed",
                    str(args.seed), "--hugo", site], check=True)

    hugo_cmd = [args.hugo, "--quiet", "--source", site, "--cacheDir", hugo_cache]
    pp_cmd = [args.parkpress, "build", content, "--out", out, "--theme", args.theme, "--no-pdf"]
    trees = {"hugo": Tree(public), "parkpress": Tree(out)}
    runs = []
    log = os.path.join(root, "last-run.log")

    def run(tool, scenario, rep, cmd, note=""):
        tree = trees[tool]
        before = tree.snapshot()
        tree.prepare(before)
        result = measure(cmd, log)
        result.update(tool=tool, scenario=scenario, rep=rep, **tree.diff(before, tree.snapshot()))
        if note:
            result["note"] = note
        runs.append(result)
        print(f"  rep {rep + 1} {tool:9} {scenario:10}  wall {result['wall']:7.2f} s  cpu {result['cpu']:7.2f} s  "
              f"peak {result['maxrss_kib'] / 1024:7.1f} MiB  written {result['written']:6}  changed "
              f"{result['changed']:6}  removed {result['removed']:4}  {note}", file=sys.stderr)

    def hugo(rep):
        for path in (public, os.path.join(site, "resources"), hugo_cache):
            trash.discard(path)
        run("hugo", "cold", rep, hugo_cmd)
        run("hugo", "no change", rep, hugo_cmd)

    def parkpress(rep):
        trash.discard(out_parent)
        run("parkpress", "cold", rep, pp_cmd)
        run("parkpress", "no change", rep, pp_cmd)
        run("parkpress", "one change", rep, pp_cmd, change_one_figure(content, n, rep))
        run("parkpress", "next change", rep, pp_cmd, change_one_figure(content, n, rep + 1000))

    for rep in range(args.repeat):
        print(f"  load average {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
        for step in ((hugo, parkpress) if rep % 2 == 0 else (parkpress, hugo)):
            step(rep)

    medians = {}
    for tool in ("hugo", "parkpress"):
        for scenario in SCENARIOS:
            rs = [r for r in runs if r["tool"] == tool and r["scenario"] == scenario]
            if rs:
                medians[f"{tool}/{scenario}"] = {k: statistics.median(r[k] for r in rs)
                                                 for k in ("wall", "cpu", "maxrss_kib", "written", "changed", "removed")}
    result = {"n": n, "runs": runs, "medians": medians,
              "output": {"hugo": tree_stats(public), "parkpress": tree_stats(out)}, "targets": []}
    for label, num, den, metric, target, at_least in TARGETS:
        a, b = medians[f"{num[0]}/{num[1]}"][metric], medians[f"{den[0]}/{den[1]}"][metric]
        ratio = a / b if b else float("inf")
        result["targets"].append({"label": label, "ratio": ratio, "target": target, "at_least": at_least,
                                  "pass": ratio >= target if at_least else ratio <= target})
    if not args.work:
        trash.discard(root)
    return result


def report(info, args, results):
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram_gib']} GiB RAM, {info['os']}")
    print(f"hugo: {info['hugo']}")
    print(f"parkpress: {info['parkpress']} ({args.parkpress}; repository at {info['commit']})")
    for res in results:
        m = res["medians"]
        print(f"\nN = {res['n']:,} parks, median of {args.repeat}")
        print(f"{'':22}{'Hugo':>32}   {'parkpress':>32}   {'parkpress files':>24}")
        print(f"{'':22}{'wall s':>10}{'CPU s':>10}{'peak MiB':>12}   {'wall s':>10}{'CPU s':>10}{'peak MiB':>12}"
              f"   {'written':>8}{'changed':>8}{'removed':>8}")
        for scenario in SCENARIOS:
            cells = []
            for tool in ("hugo", "parkpress"):
                r = m.get(f"{tool}/{scenario}")
                cells.append(f"{r['wall']:10.2f}{r['cpu']:10.2f}{r['maxrss_kib'] / 1024:12.1f}" if r
                             else f"{'-':>10}{'-':>10}{'-':>12}")
            p = m[f"parkpress/{scenario}"]
            print(f"{scenario:22}{cells[0]}   {cells[1]}   {p['written']:8g}{p['changed']:8g}{p['removed']:8g}")
        for tool in ("hugo", "parkpress"):
            o = res["output"][tool]
            h = m[f"{tool}/no change"]
            print(f"{tool} output: {o['html_pages']:,} HTML pages, {o['files']:,} files, {o['bytes'] / 1e6:,.1f} MB; "
                  f"no change rewrites {h['written']:g} files ({h['changed']:g} with new content)")
        for t in res["targets"]:
            goal = f"{'>=' if t['at_least'] else '<='} {t['target']:g}"
            print(f"  {t['label']:48} {t['ratio']:8.3f}  target {goal:8} {'PASS' if t['pass'] else 'FAIL'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parkpress", required=True, help="the parkpress binary")
    ap.add_argument("--hugo", default="hugo", help="the hugo binary (default: hugo on PATH)")
    ap.add_argument("--theme", default=os.path.join(REPO_DIR, "themes", "default"))
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of parks")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20241124)
    ap.add_argument("--work", help="keep content and outputs in this folder (default: a temporary folder, removed)")
    ap.add_argument("--json", help="also write every run and the medians to this file")
    args = ap.parse_args()
    args.parkpress = os.path.abspath(args.parkpress)
    args.theme = os.path.abspath(args.theme)
    if shutil.which(args.hugo) is None:
        sys.exit(f"error: {args.hugo} not found; install it with: apt-get install -y hugo")
    if not os.access(args.parkpress, os.X_OK):
        sys.exit(f"error: {args.parkpress} is not an executable")

    info = machine(args)
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="parkpress-bench-", dir="/tmp")
    trash = Trash(work)
    try:
        results = [bench_size(args, int(n), work, trash) for n in args.sizes.split(",")]
    finally:
        trash.empty()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    report(info, args, results)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"machine": info, "repeat": args.repeat, "seed": args.seed, "results": results}, f,
                      ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
