"""Start-up cost of ``kvarch inspect`` / ``kvarch plan`` against ``import transformers``.

Both run as fresh processes; the figure is the median wall time of several runs and the ratio
to a process that only imports transformers (what a transformers-based tool pays first).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tests" / "fixtures" / "configs" / "llama-3-8b.json"
RUNS = 7


def _median_seconds(argv: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    py = sys.executable
    baseline = _median_seconds([py, "-c", "import transformers"])
    print(f"python -c 'import transformers'      {baseline * 1e3:8.1f} ms  (baseline)")
    for command in (["inspect", str(CONFIG)], ["plan", str(CONFIG), "--gpu-memory", "80GiB"]):
        t = _median_seconds([py, "-m", "kvarch.cli", *command])
        label = f"kvarch {command[0]}"
        print(f"{label:<36} {t * 1e3:8.1f} ms  ratio {t / baseline:5.2f}  (target <= 300 ms)")
