"""Engine soak (issue 16): the online API under random arrivals, cancellations, stop tokens,
salted tenants and preemption, audited after every step (``tests/reliability/engine_soak.py``).

``python -m benchmarks.bench_engine_soak`` runs 5,000 requests, every one compared with its
solo greedy run; ``--long`` runs 100,000 requests, 1 in 20 compared; ``--requests=N``,
``--check-every=N``, ``--fault-rate=F`` (default 0.005) and ``--seed=N`` override;
``--variant=gemma3-text`` (any oracle catalogue variant) soaks another
model. CPU, float32, one torch thread.
"""

from __future__ import annotations

import sys
import time
import warnings


def main(argv: list[str] | None = None) -> None:
    import torch

    from tests.reliability.engine_soak import EngineSoak

    args = sys.argv[1:] if argv is None else argv
    opts = dict(a[2:].split("=", 1) for a in args if a.startswith("--") and "=" in a)
    long = "--long" in args
    requests = int(opts.get("requests", 100_000 if long else 5_000))
    check_every = int(opts.get("check-every", 20 if long else 1))
    seed = int(opts.get("seed", 0))
    variant = opts.get("variant")
    faults = float(opts.get("fault-rate", 0.005))
    warnings.filterwarnings("ignore", category=FutureWarning)
    torch.set_num_threads(1)
    run = EngineSoak(seed=seed, variant=variant, check_every=check_every, fault_rate=faults)
    start = time.perf_counter()
    counts = run.run(requests, progress=10_000 if long else 0)
    seconds = time.perf_counter() - start
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(
        f"engine soak, {variant or 'tiny llama'}, seed {seed}: {counts['requests']} requests, "
        f"{counts['steps']} steps in "
        f"{seconds:.1f} s ({counts['requests'] / seconds:.0f} requests/s), invariants held "
        f"after every step; {detail}",
        flush=True,
    )


if __name__ == "__main__":
    main()
