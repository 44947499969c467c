"""Tensor parallelism for the ``Engine``: one engine per rank, the model split over the ranks.

    tp = TPGroup.from_env()                          # torchrun's RANK / WORLD_SIZE / LOCAL_RANK
    engine = TPEngine(model, tp, max_batch_size=64)  # shards ``model`` in place
    outs = engine.generate(prompts, params)          # the same call on every rank

The split is the project's own (Megatron style), not transformers' ``tp_plan``: each rank keeps
the q rows of its query heads and the k/v rows of its KV heads (``local_kv_heads``: an even
split, or one replicated head when tp exceeds the KV heads, which a column split of k/v cannot
express), the MLP's gate/up rows of its slice of the intermediate size, and the matching input
columns of o_proj and down_proj, whose partial sums are all-reduced. Embeddings, norms and the
LM head are replicated, so every rank computes the same logits bit for bit.

Every rank schedules for itself: the scheduler is deterministic, so the same requests and the
same sampled tokens give the same steps. Each step ends with a cheap agreement check (an
all-gather of a 16-byte digest of the step's plan and tokens) on a host-side gloo group, and
``add_request`` checks the requests the same way; a disagreement raises ``RankMismatchError``.
A dead or stalled peer raises ``CollectiveError`` within a bounded time: gloo reports a reset
connection at once and a silent peer after the group's timeout; on CUDA, where collectives run
asynchronously (and inside CUDA graphs), the step's device work is awaited with a deadline
(``step_timeout_s``) and the device group aborted when it passes. Either way the engine aborts
every live request, so their pages return to the pool, and re-raises.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from hashlib import sha256
from typing import Any

import msgspec
import numpy as np
import torch
from torch import Tensor, nn

from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheParams
from kvarch.runtime.engine import Engine, TokenEvent
from kvarch.runtime.errors import CollectiveError, RankMismatchError, ShardingError
from kvarch.runtime.hf_layers import text_config
from kvarch.runtime.parallel import local_kv_heads, local_q_heads
from kvarch.runtime.planner import CachePlan
from kvarch.runtime.scheduler import Request, ScheduledStep
from kvarch.runtime.sizing import PoolSizing

__all__ = ["RowParallelLinear", "TPEngine", "TPGroup", "shard_model"]


@dataclass
class TPGroup:
    """This rank's place in a tensor-parallel group and the collectives the engine uses."""

    rank: int
    world: int
    device: torch.device
    step_timeout_s: float
    """On CUDA: how long a step's device work may take before the peers count as dead."""
    group: Any = None
    """The device process group (None: the default group)."""
    checks: Any = None
    """A gloo group for host-side agreement checks (None: the default group is gloo)."""
    aborted: bool = field(default=False)

    @classmethod
    def init(
        cls,
        rank: int,
        world: int,
        *,
        init_method: str = "env://",
        backend: str | None = None,
        local_rank: int | None = None,
        timeout_s: float = 30.0,
    ) -> TPGroup:
        """Join (or reuse) the default process group: nccl on CUDA, gloo on CPU. ``timeout_s``
        bounds how long a collective waits for a silent peer (gloo; on nccl the step deadline,
        with the group's own watchdog at twice that as a backstop)."""
        import torch.distributed as dist

        backend = backend or ("nccl" if torch.cuda.is_available() else "gloo")
        if backend not in ("nccl", "gloo"):
            raise ValueError(f"backend: got {backend!r}; expected 'nccl' or 'gloo'")
        device = torch.device("cpu")
        if backend == "nccl":
            device = torch.device("cuda", rank if local_rank is None else local_rank)
            torch.cuda.set_device(device)
        wait = timedelta(seconds=timeout_s if backend == "gloo" else 2 * timeout_s)
        if not dist.is_initialized():
            dist.init_process_group(
                backend,
                init_method=init_method,
                rank=rank,
                world_size=world,
                timeout=wait,
                device_id=device if backend == "nccl" else None,
            )
        checks = None
        if backend == "nccl":
            checks = dist.new_group(backend="gloo", timeout=timedelta(seconds=timeout_s))
        return cls(dist.get_rank(), dist.get_world_size(), device, timeout_s, None, checks)

    @classmethod
    def from_env(cls, *, backend: str | None = None, timeout_s: float = 30.0) -> TPGroup:
        """Join the group torchrun describes (``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``)."""
        missing = [k for k in ("RANK", "WORLD_SIZE") if k not in os.environ]
        if missing:
            raise ValueError(f"{', '.join(missing)}: not set; launch with torchrun")
        return cls.init(
            int(os.environ["RANK"]),
            int(os.environ["WORLD_SIZE"]),
            backend=backend,
            local_rank=int(os.environ.get("LOCAL_RANK", os.environ["RANK"])),
            timeout_s=timeout_s,
        )

    @property
    def devices(self) -> list[DeviceRef]:
        """The group as ``KVCacheParams.devices`` sees it (its length is the tp degree)."""
        ref = DeviceRef.CPU() if self.device.type == "cpu" else DeviceRef.GPU(self.device.index)
        return [ref] * self.world

    # --- collectives -----------------------------------------------------------------------
    def all_reduce(self, x: Tensor) -> Tensor:
        """Sum ``x`` over the ranks in place."""
        import torch.distributed as dist

        try:
            dist.all_reduce(x, group=self.group)
        except RuntimeError as exc:  # gloo: reset connection or timeout; nccl: aborted
            raise CollectiveError("all_reduce", self.rank, self.world, exc) from exc
        return x

    def _gather(self, what: str, mine: Tensor) -> list[Tensor]:
        import torch.distributed as dist

        parts = [torch.empty_like(mine) for _ in range(self.world)]
        try:
            dist.all_gather(parts, mine, group=self.checks)
        except RuntimeError as exc:
            raise CollectiveError(f"all_gather ({what})", self.rank, self.world, exc) from exc
        return parts

    def agree(self, what: str, payload: bytes) -> None:
        """Raise ``RankMismatchError`` unless every rank passed the same ``payload``."""
        mine = torch.frombuffer(bytearray(sha256(payload).digest()[:16]), dtype=torch.int64)
        parts = self._gather(what, mine)
        if any(not torch.equal(p, mine) for p in parts):
            digests = [p.numpy().tobytes().hex()[:8] for p in parts]
            raise RankMismatchError(what, self.rank, digests)

    def minimum(self, what: str, values: list[int]) -> list[int]:
        """Element-wise minimum of ``values`` over the ranks."""
        parts = self._gather(what, torch.tensor(values, dtype=torch.int64))
        return [int(v) for v in torch.stack(parts).min(dim=0).values]

    def broadcast_int(self, what: str, value: int) -> int:
        """Rank 0's ``value`` on every rank."""
        return int(self._gather(what, torch.tensor([value], dtype=torch.int64))[0])

    def wait(self, what: str) -> None:
        """On CUDA, block until this rank's queued device work is done, at most
        ``step_timeout_s``; past it the device group is aborted and ``CollectiveError`` raised
        (a dead or stalled peer leaves this rank's collective kernels waiting forever)."""
        if self.device.type != "cuda":
            return  # gloo collectives are synchronous and raise by themselves
        done = torch.cuda.Event()
        done.record()
        deadline = time.monotonic() + self.step_timeout_s
        while not done.query():
            if time.monotonic() > deadline:
                self.abort()
                cause = TimeoutError(f"device work unfinished after {self.step_timeout_s} s")
                raise CollectiveError(what, self.rank, self.world, cause)
            time.sleep(20e-6)

    def abort(self) -> None:
        """Abort the device group (best effort, a few seconds at most): its pending kernels
        end, and the group can no longer be used."""
        import torch.distributed as dist

        if self.aborted:
            return
        self.aborted = True
        group = self.group or dist.group.WORLD
        worker = threading.Thread(target=lambda: _quietly(group.abort), daemon=True)
        worker.start()
        worker.join(5.0)


def _quietly(fn: Any) -> None:
    with contextlib.suppress(Exception):  # aborting a broken group may fail; the caller raises
        fn()


# --- sharding ----------------------------------------------------------------------------
class RowParallelLinear(nn.Module):  # type: ignore[misc]
    """A linear layer over this rank's slice of the input features: the partial products are
    all-reduced, then the (replicated) bias is added once."""

    def __init__(self, linear: nn.Linear, cols: slice, tp: TPGroup) -> None:
        super().__init__()
        self.weight = nn.Parameter(linear.weight.data[:, cols].contiguous(), requires_grad=False)
        self.bias = linear.bias
        self.in_features = int(self.weight.shape[1])
        self.out_features = linear.out_features
        self.tp = tp

    def forward(self, x: Tensor) -> Tensor:
        out = self.tp.all_reduce(nn.functional.linear(x, self.weight))
        return out if self.bias is None else out + self.bias


def _keep_rows(linear: nn.Linear, rows: slice) -> None:
    """Keep output features ``rows`` of ``linear`` (a column-parallel shard)."""
    linear.weight = nn.Parameter(linear.weight.data[rows].contiguous(), requires_grad=False)
    if linear.bias is not None:
        linear.bias = nn.Parameter(linear.bias.data[rows].contiguous(), requires_grad=False)
    linear.out_features = int(linear.weight.shape[0])


def _is(module: nn.Module, names: tuple[str, ...]) -> bool:
    return all(isinstance(getattr(module, n, None), nn.Linear) for n in names)


def _shard_attention(name: str, module: nn.Module, n_q: int, n_kv: int, tp: TPGroup) -> None:
    dim = int(getattr(module, "head_dim", 0) or 0)
    q_out, k_out = module.q_proj.out_features, module.k_proj.out_features
    if not dim or q_out != n_q * dim or k_out != n_kv * dim:
        raise ShardingError(
            name,
            f"q/k projections of {q_out}/{k_out} features; expected {n_q}/{n_kv} heads "
            f"of head_dim {dim}",
        )
    for norm in ("q_norm", "k_norm"):
        weight = getattr(getattr(module, norm, None), "weight", None)
        if weight is not None and weight.numel() != dim:
            raise ShardingError(f"{name}.{norm}", f"a norm over {weight.numel()} features "
                                f"mixes heads; expected one per head ({dim})")  # fmt: skip
    if any(p.dim() == 1 and p.numel() == n_q for p in module.parameters(recurse=False)):
        raise ShardingError(name, "per-head parameters (attention sinks) are not split")
    params = KVCacheParams(
        dtype=DType.float32, n_kv_heads=n_kv, head_dim=dim, num_layers=1, page_size=1,
        devices=tp.devices,
    )  # fmt: skip
    q, kv = local_q_heads(n_q, params, tp.rank), local_kv_heads(params, tp.rank)
    _keep_rows(module.q_proj, slice(q.start * dim, q.stop * dim))
    for proj in (module.k_proj, module.v_proj):
        _keep_rows(proj, slice(kv.start * dim, kv.stop * dim))
    o_proj: nn.Linear = module.o_proj
    module.o_proj = RowParallelLinear(o_proj, slice(q.start * dim, q.stop * dim), tp)
    module.num_key_value_groups = len(q) // len(kv)


def _shard_mlp(name: str, module: nn.Module, tp: TPGroup) -> None:
    size = module.gate_proj.out_features
    if size % tp.world:
        raise ShardingError(f"{name}.gate_proj", f"{size} features; expected a multiple of tp "
                            f"({tp.world})")  # fmt: skip
    per = size // tp.world
    part = slice(tp.rank * per, (tp.rank + 1) * per)
    _keep_rows(module.gate_proj, part)
    _keep_rows(module.up_proj, part)
    module.down_proj = RowParallelLinear(module.down_proj, part, tp)


def shard_model(model: nn.Module, tp: TPGroup) -> None:
    """Keep this rank's shard of every attention (q/k/v/o_proj) and MLP (gate/up/down_proj)
    module of ``model``, in place. Every rank must hold the same full weights before."""
    text = text_config(model)
    n_q = int(text.num_attention_heads)
    n_kv = int(getattr(text, "num_key_value_heads", None) or n_q)
    layers = int(text.num_hidden_layers)
    attention = [
        (n, m) for n, m in model.named_modules() if _is(m, ("q_proj", "k_proj", "v_proj", "o_proj"))
    ]
    if len(attention) != layers:
        raise ShardingError(
            type(model).__name__,
            f"{len(attention)} attention modules with q_proj/k_proj/v_proj/o_proj; expected one "
            f"per layer ({layers}): fused or latent projections are not split",
        )
    for name, module in attention:
        _shard_attention(name, module, n_q, n_kv, tp)
    for name, module in list(model.named_modules()):
        if _is(module, ("gate_proj", "up_proj", "down_proj")):
            _shard_mlp(name, module, tp)


# --- the engine --------------------------------------------------------------------------
class TPEngine(Engine):
    """An ``Engine`` on one rank of a tensor-parallel group (see the module docstring); every
    rank must make the same calls with the same arguments."""

    def __init__(self, model: Any, tp: TPGroup, *, cuda_graphs: bool = True, **kwargs: Any) -> None:
        self.tp = tp
        shard_model(model, tp)
        super().__init__(model, cuda_graphs=False, **kwargs)
        runner = self.runner
        if cuda_graphs and runner.device.type == "cuda" and not runner._has_gathered():
            runner.use_graphs = True  # captured here, with NCCL's watchdog free to run
            runner.capture_error_mode = "thread_local"
            runner.capture_all()
            self.stats.cuda_graphs = runner.use_graphs
        tp.agree("engine setup", msgspec.json.encode([self.plan, runner.use_graphs]))
        self._seed = tp.broadcast_int("sampling seed", int.from_bytes(os.urandom(7), "little"))
        """Seeds the generators of sampled requests that name no seed (the same on all ranks)."""

    def _cache_devices(self, model: Any) -> list[DeviceRef]:
        return self.tp.devices

    def _plan(self, sizing: PoolSizing) -> CachePlan:
        """The planner's pool size, lowered to the smallest over the ranks: free memory may
        differ a little between devices, and the schedulers must see the same pool."""
        found = super()._plan(sizing)
        blocks = self.tp.minimum("cache plan", list(found.blocks_per_group))
        if blocks == list(found.blocks_per_group):
            return found
        return super()._plan(sizing._replace(num_blocks=blocks))

    def _add(self, requests: list[Request]) -> list[int]:
        payload = [(r.tokens, r.sampling, sorted(r.stop_token_ids)) for r in requests]
        self.tp.agree("requests", msgspec.json.encode(payload))
        ids = super()._add(requests)
        for req in requests:
            if req.sampling.temperature > 0.0 and req.sampling.seed is None:
                gen = torch.Generator(self.runner.device).manual_seed(self._seed + req.index)
                self._live[req.index] = (req, gen)
        return ids

    def _sample(self, step: ScheduledStep, picked: list[Request], logits: Tensor) -> list[int]:
        self.tp.wait("decode step" if step.decode else "prefill step")
        tokens = super()._sample(step, picked, logits)
        plan = [
            np.asarray([r.index for r in step.requests], dtype=np.int64),
            np.asarray(step.starts, dtype=np.int64),
            np.asarray(step.counts, dtype=np.int64),
            np.asarray(step.rows, dtype=np.int64),
            *(np.asarray(s, dtype=np.int64) for s in step.slots),
            np.asarray(tokens, dtype=np.int64),
        ]
        self.tp.agree(f"step {self.stats.steps + 1}", b"|".join(a.tobytes() for a in plan))
        return tokens

    def step(self) -> list[TokenEvent]:
        try:
            return super().step()
        except (CollectiveError, RankMismatchError):
            self.release()
            raise

    def release(self) -> int:
        """Abort every live request (their pages go back to the pool); how many there were."""
        live = list(self._live)
        for rid in live:
            self.abort(rid)
        return len(live)
