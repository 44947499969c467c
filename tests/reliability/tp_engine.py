"""Two gloo ranks running the tensor-parallel ``TPEngine`` (``ranks.run_pair`` starts them).

Jobs: ``equal`` generates on both tiny models at tp 2 (rank 0 also at tp 1) and then submits
different prompts on the two ranks; ``kill`` / ``stall``: rank 1 dies (SIGKILL) or goes silent
at the start of the third forward, while rank 0 is inside it.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any

from tests.reliability.ranks import _report

#: Process-group timeout of the stall job: how long rank 0 waits for a silent peer.
TIMEOUT_S = 4.0
#: How long after its third forward starts rank 1 dies or stalls.
KILL_AFTER_S = 1.0
#: Small pools and batches: the schedulers must preempt, and agree on it.
ENGINE = {"num_blocks": 9, "max_batch_size": 6, "max_seq_len": 128}


def _work(vocab: int) -> tuple[list[list[int]], list[Any]]:
    from kvarch.runtime.engine import SamplingParams
    from kvarch.runtime.tp_demo import prompts

    greedy = SamplingParams(max_tokens=10, ignore_eos=True)
    seeded = SamplingParams(max_tokens=10, ignore_eos=True, temperature=0.8, top_k=20, seed=7)
    unseeded = SamplingParams(max_tokens=10, ignore_eos=True, temperature=1.0)
    return prompts(6, 40, vocab), [greedy] * 4 + [seeded, unseeded]


def _equal(rank: int, folder: str, tp: Any) -> None:
    import torch

    from kvarch.runtime.errors import RankMismatchError
    from kvarch.runtime.tp_demo import MODELS, run_engine

    cpu = torch.device("cpu")
    names = ("llama", "mqa")
    for name in names:
        work, params = _work(int(MODELS[name]["vocab_size"]))
        got, engine = run_engine(name, tp, work, params, dtype=torch.float32, device=cpu, **ENGINE)
        free = engine.cache.manager.num_free_blocks(0)
        shape = list(engine.cache.storage.data[0].shape)
        _report(folder, rank, name, got, engine.stats.preemptions, shape, free)
    try:  # the ranks disagree on the requests: refused before anything is queued
        engine.add_request([rank + 1, 2, 3])
        _report(folder, rank, "mismatch", "no error", engine.has_unfinished_requests)
    except RankMismatchError as exc:
        _report(folder, rank, "mismatch", str(exc), engine.has_unfinished_requests)
    for name in names if rank == 0 else ():  # after the last collective: rank 1 may be gone
        work, params = _work(int(MODELS[name]["vocab_size"]))
        ref, _ = run_engine(name, None, work, params, dtype=torch.float32, device=cpu, **ENGINE)
        _report(folder, rank, f"{name} tp1", ref)


def _fault(rank: int, folder: str, tp: Any, fate: str) -> None:
    import torch

    from kvarch.runtime.engine import SamplingParams
    from kvarch.runtime.tp import TPEngine
    from kvarch.runtime.tp_demo import build, prompts

    engine = TPEngine(build("llama", dtype=torch.float32, device=torch.device("cpu")), tp,
                      num_blocks=32, max_batch_size=4, max_seq_len=128)  # fmt: skip
    total = engine.cache.manager.num_free_blocks(0)
    forward, starts = engine.runner.run, []

    def run(step: Any) -> Any:
        starts.append(time.monotonic())
        if rank == 1 and len(starts) == 3:
            time.sleep(KILL_AFTER_S)  # rank 0 is inside this step's first all_reduce by now
            if fate == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(60)
        return forward(step)

    engine.runner.run = run  # type: ignore[method-assign]
    try:
        engine.generate(prompts(4, 20, 256), SamplingParams(max_tokens=8, ignore_eos=True))
        _report(folder, rank, "fault", "no error", 0.0, len(starts), False)
    except Exception as exc:
        waited = time.monotonic() - starts[-1]
        freed = engine.cache.manager.num_free_blocks(0) == total
        _report(folder, rank, "fault", f"{type(exc).__name__}: {exc}", waited, len(starts),
                freed and not engine.has_unfinished_requests)  # fmt: skip


def rank_main(rank: int, folder: str, job: str) -> None:
    """Run ``job`` on ``rank`` of a 2-rank gloo group; report through ``folder``."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from kvarch.runtime.tp import TPGroup

    timeout = TIMEOUT_S if job == "stall" else 30.0  # a loaded box may lag a rank for seconds
    tp = TPGroup.init(rank, 2, init_method=f"file://{folder}/init", backend="gloo",
                      timeout_s=timeout)  # fmt: skip
    try:
        if job == "equal":
            _equal(rank, folder, tp)
        else:
            _fault(rank, folder, tp, job)
    except Exception as exc:
        _report(folder, rank, "crash", f"{type(exc).__name__}: {exc}")
    _report(folder, rank, "done")
    os._exit(0)  # skip destroy_process_group: a peer may be gone
