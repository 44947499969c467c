"""Reliability long runs: schema fuzzing, config fuzzing and the cache soak (issue 8).

``python -m benchmarks.bench_soak`` runs a moderate size (part of ``make bench``);
``--long`` runs the sizes docs/reliability.md reports (>= 10,000 schemas and configs,
>= 100,000 cache operations); ``--only=schema,structures,config,soak`` picks parts; ``--seed=N``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = {
    False: {"schema": 1000, "structures": 200, "config": 10000, "soak": 10000, "faults": 2000},
    True: {"schema": 10000, "structures": 2000, "config": 20000, "soak": 100000, "faults": 20000},
}


def _report(what: str, report: Any, seconds: float) -> int:
    """Print a fuzz report (cases, rate, outcomes, the first failures); its failure count."""
    detail = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items()))
    rate = f"{report.cases / seconds:.0f}/s"
    print(
        f"{what}: {report.cases} cases in {seconds:.1f} s ({rate}); failures "
        f"{len(report.failures)}; {detail}",
        flush=True,
    )
    for failure in report.failures[:5]:
        print(f"  FAILURE {failure}")
    return len(report.failures)


def schema(size: dict[str, int], seed: int) -> int:
    """Mutated real schemas (each with the schemas it extends)."""
    from tests.reliability.schema_fuzz import fuzz_mutations

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = fuzz_mutations(Path(tmp), size["schema"], seed)
    return _report("schema mutations", report, time.perf_counter() - start)


def structures(size: dict[str, int], seed: int) -> int:
    """Hypothesis-generated schema structures."""
    import yaml
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    from tests.reliability.schema_fuzz import Report, Workspace, run, schema_dicts

    with tempfile.TemporaryDirectory() as tmp:
        ws, report = Workspace(Path(tmp)), Report()

        @hypothesis_seed(seed)
        @settings(
            max_examples=size["structures"],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(schema_dicts())
        def one(d: dict[str, Any]) -> None:
            run(ws, report, {"toy": yaml.safe_dump(d, sort_keys=False, allow_unicode=True)})

        start = time.perf_counter()
        one()
    return _report("schema structures (hypothesis)", report, time.perf_counter() - start)


def config(size: dict[str, int], seed: int) -> int:
    """Mutated config.json dicts of every family."""
    from tests.reliability.config_fuzz import fuzz

    start = time.perf_counter()
    report = fuzz(size["config"], seed)
    return _report("config mutations", report, time.perf_counter() - start)


def soak(size: dict[str, int], seed: int) -> int:
    """Checked block-manager operations on real CPU cache tensors; then with 5% of block
    copies failing."""
    from tests.reliability.soak import soak as run_soak

    for what, n, rate, shared in (
        ("cache soak", "soak", 0.0, False),
        ("cache soak, 5% copy faults", "faults", 0.05, False),
        ("cache soak, one shared pool", "soak", 0.0, True),
        ("cache soak, one shared pool, 5% copy faults", "faults", 0.05, True),
    ):
        start = time.perf_counter()
        counts = run_soak(size[n], seed, fault_rate=rate, shared=shared)
        seconds = time.perf_counter() - start
        ops = sum(v for k, v in counts.items() if k.split(":")[0] in OPS)
        rate_text = f"{ops / seconds:.0f}/s"
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(
            f"{what}: {ops} operations in {seconds:.1f} s ({rate_text}), invariants held; {detail}",
            flush=True,
        )
    return 0


OPS = ("add", "append", "decode", "fork", "free")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    long = "--long" in args
    only = next((a.split("=", 1)[1] for a in args if a.startswith("--only=")), ",".join(PARTS))
    seed = int(next((a.split("=", 1)[1] for a in args if a.startswith("--seed=")), "0"))
    size = SIZES[long]
    failures = sum(PARTS[name](size, seed) for name in only.split(","))
    if failures:
        raise SystemExit(f"{failures} fuzz failures")


PARTS = {"schema": schema, "structures": structures, "config": config, "soak": soak}

if __name__ == "__main__":
    main()
