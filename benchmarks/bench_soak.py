"""Reliability long runs: schema fuzzing, config fuzzing and the cache soak (issue 8).

``python -m benchmarks.bench_soak`` runs a moderate size (part of ``make bench``);
``--long`` runs the sizes docs/reliability.md reports (>= 10,000 schemas and configs,
>= 100,000 cache operations); ``--only schema,config,soak`` picks parts.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

SIZES = {
    False: {"schema": 1000, "structures": 200, "config": 10000, "soak": 10000},
    True: {"schema": 10000, "structures": 2000, "config": 20000, "soak": 100000},
}


def _line(what: str, cases: int, seconds: float, outcomes: Counter[str], failures: int) -> None:
    detail = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    print(
        f"{what}: {cases} cases in {seconds:.1f} s ({cases / seconds:.0f}/s); "
        f"failures {failures}; {detail}",
        flush=True,
    )


def schema(size: dict[str, int], seed: int) -> int:
    """Mutated real schemas, then hypothesis-generated schema structures."""
    import yaml
    from hypothesis import HealthCheck, given, settings

    from tests.reliability.schema_fuzz import Report, Workspace, fuzz_mutations, run, schema_dicts

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = fuzz_mutations(Path(tmp), size["schema"], seed)
        _line(
            "schema mutations",
            report.cases,
            time.perf_counter() - start,
            report.outcomes,
            len(report.failures),
        )
        for files, error in report.failures[:5]:
            print(f"  FAILURE {error}\n  {files}")
        ws, structures = Workspace(Path(tmp) / "h"), Report()

        @settings(
            max_examples=size["structures"],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(schema_dicts())
        def one(d: dict[str, Any]) -> None:
            run(ws, structures, {"toy": yaml.safe_dump(d, sort_keys=False, allow_unicode=True)})

        start = time.perf_counter()
        one()
        _line(
            "schema structures (hypothesis)",
            structures.cases,
            time.perf_counter() - start,
            structures.outcomes,
            len(structures.failures),
        )
        for files, error in structures.failures[:5]:
            print(f"  FAILURE {error}\n  {files}")
    return len(report.failures) + len(structures.failures)


def config(size: dict[str, int], seed: int) -> int:
    """Mutated config.json dicts of every family."""
    from tests.reliability.config_fuzz import fuzz

    start = time.perf_counter()
    report = fuzz(size["config"], seed)
    _line(
        "config mutations",
        report.cases,
        time.perf_counter() - start,
        report.outcomes,
        len(report.failures),
    )
    for f in report.failures[:5]:
        print(f"  FAILURE {f.error}\n  mutations: {f.mutations}")
    return len(report.failures)


def soak(size: dict[str, int], seed: int) -> int:
    """Checked block-manager operations on real CPU cache tensors."""
    from tests.reliability.soak import soak as run_soak

    start = time.perf_counter()
    counts = run_soak(size["soak"], seed)
    seconds = time.perf_counter() - start
    ops = sum(
        v
        for k, v in counts.items()
        if k.split(":")[0] in ("add", "append", "decode", "fork", "free")
    )
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    rate = f"{ops / seconds:.0f}/s"
    print(f"cache soak: {ops} operations in {seconds:.1f} s ({rate}), invariants held; {detail}")
    return 0


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    long = "--long" in args
    only = next((a.split("=", 1)[1] for a in args if a.startswith("--only=")), "schema,config,soak")
    seed = int(next((a.split("=", 1)[1] for a in args if a.startswith("--seed=")), "0"))
    size = SIZES[long]
    parts = {"schema": schema, "config": config, "soak": soak}
    failures = sum(parts[name](size, seed) for name in only.split(","))
    if failures:
        raise SystemExit(f"{failures} fuzz failures")


if __name__ == "__main__":
    main()
