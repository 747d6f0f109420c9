"""Where the CPU of `kg ingest` goes: runs the real CLI in this process and prints, at
the end, the wall time, CPU by process (this one, the NLP workers), by thread of this
process (the Python thread, RocksDB's compaction threads) and by stage of the main
thread (thread CPU, so time spent waiting is not counted).

    .venv/bin/python bench/ingest_cpu.py ingest /tmp/corpus-10k/docs --data-dir /tmp/d

Everything after the script name is passed to `kg`. The stage timers wrap functions of
kg.pipeline, kg.store, kg.dedup and the search backends; their overhead is a few
microseconds a call.
"""
from __future__ import annotations

import atexit
import collections
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

STAGES = {  # module: functions (Class.method for methods)
    # a function is timed where it is called from: the run's commits and last publish in
    # pipeline, the staging and each commit's publish in staging
    "kg.write.pipeline": ["_commit", "_publish", "_optimize", "_reconcile", "_catalog"],
    "kg.write.staging": ["_stage_chunk", "_store", "_publish", "signature", "document_triples", "index_doc",
                         "merge_facts"],
    "kg.store.embedded": ["GraphStore.prepare_graph", "GraphStore.put_graphs"],
    "kg.write.dedup": ["DedupIndex.find", "DedupIndex.add"],
    "kg.search.whoosh_backend": ["WhooshIndex.write"],
    "kg.search.tantivy_backend": ["TantivyIndex.write"],
}


def _wrap(owner: object, name: str, label: str, acc: collections.Counter, calls: collections.Counter) -> None:
    f = getattr(owner, name)

    def timed(*a: object, **k: object) -> object:
        t = time.thread_time()
        try:
            return f(*a, **k)
        finally:
            acc[label] += time.thread_time() - t
            calls[label] += 1

    setattr(owner, name, timed)


def _threads() -> dict[str, float]:
    """CPU seconds of this process's live threads, by thread name (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: collections.Counter = collections.Counter()
    for tid in os.listdir("/proc/self/task"):
        try:
            name = Path(f"/proc/self/task/{tid}/comm").read_text().strip()
            fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
            out[name] += (int(fields[11]) + int(fields[12])) / tick
        except OSError:
            continue
    return dict(out)


def main() -> None:
    import importlib  # noqa: PLC0415

    acc: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    for module, names in STAGES.items():
        mod = importlib.import_module(module)
        for name in names:
            owner, attr = (getattr(mod, name.split(".")[0]), name.split(".")[1]) if "." in name else (mod, name)
            _wrap(owner, attr, name, acc, calls)
    t0 = time.perf_counter()

    def report() -> None:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"wall {time.perf_counter() - t0:.1f} s · CPU s: this process {me.ru_utime + me.ru_stime:.1f} "
              f"(main thread {time.thread_time():.1f}), NLP workers {kids.ru_utime + kids.ru_stime:.1f} · "
              f"peak memory of this process {me.ru_maxrss // 1024} MB", file=sys.stderr)
        print("threads still alive, CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(_threads().items())),
              file=sys.stderr)
        print("main thread by stage (nested stages are inside their callers):", file=sys.stderr)
        for label, s in acc.most_common():
            print(f"  {label:28s} {s:9.1f} s {calls[label]:9,d} calls", file=sys.stderr)

    atexit.register(report)
    from app.cli import main as kg_main  # noqa: PLC0415

    kg_main(sys.argv[1:], prog_name="kg")


if __name__ == "__main__":  # the NLP workers are spawned: they import this file again
    main()
