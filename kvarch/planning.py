"""``kvarch plan``: does a model fit, with how much context and batch? (torch-free)"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from kvarch import registry
from kvarch.device import DeviceRef, available_devices
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.kv_cache import KVCacheConfig
from kvarch.runtime.planner import (
    CachePlan,
    as_groups,
    device_free_bytes,
    paged_params,
    plan_for_arch,
)
from kvarch.text import human_bytes, table
from kvarch.weights import WeightBytes, weight_bytes

__all__ = ["PlanGroup", "PlanReport", "plan_model"]


class PlanGroup(msgspec.Struct, frozen=True, kw_only=True):
    """One cache group of the plan."""

    attention: str
    """``full``, ``sliding`` or ``chunked``."""
    window: int | None
    """Tokens a sliding/chunked layer keeps."""
    layers: int
    """Layers in the group."""
    blocks: int
    """Blocks on each device of the pool the group draws from (shared with its pool)."""
    bytes_per_block_per_device: int
    """Bytes of one block of that pool on one device."""
    pool: int = 0
    """The block pool (groups with the same page geometry share one)."""


class PlanReport(msgspec.Struct, frozen=True, kw_only=True):
    """What ``kvarch plan`` prints."""

    architecture: str
    """Generated config class."""
    dtype: DType
    """Weights dtype."""
    kv_dtype: DType
    """Cache dtype."""
    devices: int
    """Devices over all replicas (tp × dp)."""
    free_bytes_per_device: int
    """Device memory the plan started from."""
    free_bytes_source: str
    """``given`` (--gpu-memory) or the device it was read from."""
    weights: WeightBytes
    """Weight bytes and where they came from."""
    bytes_per_token: int
    """Cache bytes per token per replica, summed over its TP ranks (every layer keeping every
    token; compressed layers: their window's K/V and their entries' bytes per token)."""
    bytes_per_token_per_device: int
    """Cache bytes per token on one device."""
    replicated_kv: bool
    """Whether TP ranks hold copies of the same KV heads (MLA latent, or tp > KV heads)."""
    concurrency_at_max_len: float
    """Sequences of ``plan.max_seq_len`` tokens the cache holds at once, fractional (vLLM's
    "maximum concurrency")."""
    tokens_per_replica: int
    """Tokens the full-attention cache holds per replica (blocks × page size; with compressed
    layers, sequences at once × max length)."""
    groups: list[PlanGroup]
    """Cache groups."""
    plan: CachePlan
    """The planner's result."""
    state_bytes_per_sequence: int = 0
    """Recurrent state one sequence keeps per replica (Mamba conv/SSM, linear attention), in
    the cache dtype, summed over its TP ranks; not in ``bytes_per_token``."""
    encoder_len: int = 0
    """Most encoder positions one sequence's cross-attention reads (0: no cross-attention)."""
    cross_bytes_per_sequence: int = 0
    """Cross-attention K/V one sequence keeps per replica at ``encoder_len`` encoder positions,
    in the cache dtype, summed over its TP ranks; not in ``bytes_per_token``."""
    compressed_bytes_per_token: int = 0
    """Of ``bytes_per_token``, compressed layers' entries (an entry's bytes over its N tokens,
    rounded up per cache and layer), summed over the TP ranks (each holds them whole); the
    rest is K/V, the compressed layers' windows paged as sliding layers."""

    def render(self) -> str:
        """A readable summary and table."""
        p = self.plan
        w = self.weights
        tp = p.tp_degree
        per_token = f"{self.bytes_per_token} ({human_bytes(self.bytes_per_token)})"
        if tp > 1:
            copies = ", the same KV on every rank" if self.replicated_kv else ""
            per_token = (
                f"{self.bytes_per_token_per_device} per device; {self.bytes_per_token} summed "
                f"over {tp} TP ranks{copies}"
            )
        context = f"{p.max_seq_len} tokens"
        if p.shrunk_from is not None:
            context += f" (shrunk from the model's {p.shrunk_from}: see note)"
        weights = f"{human_bytes(w.bytes)} ({w.source}{': ' + w.detail if w.detail else ''})"
        head = [
            ("architecture", self.architecture),
            ("dtype / kv dtype", f"{self.dtype.value} / {self.kv_dtype.value}"),
            ("devices", f"{self.devices} (tp {tp} x dp {p.data_parallel_degree})"),
            (
                "free per device",
                f"{human_bytes(self.free_bytes_per_device)} ({self.free_bytes_source})",
            ),
            ("weights", weights),
            ("kv bytes per token", per_token + self._compressed_split()),
            ("state per sequence", self._state_text()),
            *(
                [("compressed per sequence", self._compressed_text())]
                if self.compressed_bytes_per_token
                else []
            ),
            *([("cross-attention per sequence", self._cross_text())] if self.encoder_len else []),
            ("cache per device", human_bytes(p.cache_bytes_per_device)),
            ("tokens per replica", self.tokens_per_replica),
            ("max length", context),
            ("max batch", p.max_batch_size),
            (
                "max batch at max length",
                f"{p.max_batch_at_max_len} sequences of {p.max_seq_len} tokens at once "
                f"(concurrency {self.concurrency_at_max_len:.2f}x)",
            ),
            ("max length at max batch", f"{p.max_len_at_max_batch} tokens"),
        ]
        width = max(len(k) for k, _ in head)
        lines = [f"{k.ljust(width)}  {v}" for k, v in head]
        rows = [
            (
                g.attention,
                "-" if g.window is None else g.window,
                g.layers,
                g.pool,
                g.blocks,
                human_bytes(g.bytes_per_block_per_device),
                human_bytes(g.blocks * g.bytes_per_block_per_device),
            )
            for g in self.groups
        ]
        headers = (
            "group",
            "window",
            "layers",
            "pool",
            "pool blocks",
            "block/device",
            "pool bytes/device",
        )
        lines += ["", table(headers, rows)]
        lines += [f"note: {n}" for n in p.notes]
        return "\n".join(lines)

    def _cross_text(self) -> str:
        """``cross-attention per sequence``: bytes at the encoder length, and what the batch's
        cross-attention K/V takes on each device."""
        n, p = self.cross_bytes_per_sequence, self.plan
        return (
            f"{n} ({human_bytes(n)}) at {self.encoder_len} encoder positions; "
            f"{human_bytes(p.cross_bytes_per_device)} per device for {p.max_batch_size} "
            "sequences, set aside before the KV blocks"
        )

    def _compressed_split(self) -> str:
        """What of the bytes per token is window K/V and what compressed entries."""
        n = self.compressed_bytes_per_token
        if not n:
            return ""
        return f"; window K/V {self.bytes_per_token - n} + compressed entries {n}"

    def _compressed_text(self) -> str:
        """``compressed per sequence``: one sequence's store at the planned length, and what
        the batch's takes on each device."""
        p = self.plan
        n = p.compressed_bytes_per_sequence_per_device
        return (
            f"{n} ({human_bytes(n)}) per device at {p.max_seq_len} tokens (entries and open "
            f"windows); {human_bytes(p.compressed_bytes_per_device)} per device for "
            f"{p.max_batch_size} sequences, set aside before the KV blocks"
        )

    def _state_text(self) -> str:
        """``state per sequence``: bytes, and what the batch's state takes on each device."""
        n = self.state_bytes_per_sequence
        if not n:
            return "0 (no recurrent state)"
        p = self.plan
        return (
            f"{n} ({human_bytes(n)}); {human_bytes(p.state_bytes_per_device)} per device for "
            f"{p.max_batch_size} sequences, set aside before the KV blocks"
        )


def _tokens_per_replica(result: CachePlan, full_blocks: list[int], compressed: bool) -> int:
    """Tokens the cache holds per replica: the full-attention blocks' (else the smallest
    pool's); with compressed layers, the sequences their caches are kept for at full length."""
    if compressed:
        return result.max_batch_at_max_len * result.max_seq_len
    return (min(full_blocks) if full_blocks else min(result.blocks_per_group)) * result.page_size


def _free_bytes(gpu_memory: int | None) -> tuple[int, str]:
    if gpu_memory is not None:
        return gpu_memory, "given"
    gpus = [d for d in available_devices() if not d.is_cpu()]
    if not gpus:
        raise ConfigError("--gpu-memory", None, "a size (e.g. 80GiB): no local GPU to ask")
    return device_free_bytes(gpus[:1]), f"free on {gpus[0]}"


def plan_model(
    config: Mapping[str, Any],
    *,
    path: str | Path | None = None,
    gpu_memory: int | None = None,
    utilization: float = 0.9,
    tp: int = 1,
    dp: int = 1,
    dtype: DType | None = None,
    kv_dtype: DType | None = None,
    page_size: int = 128,
    max_length: int | None = None,
    max_batch: int | None = None,
    weights: int | None = None,
    activations: int = 0,
) -> PlanReport:
    """Resolve ``config``, size its cache on ``tp × dp`` devices, and report what fits."""
    for name, value in (("--tp", tp), ("--dp", dp)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(name, value, "an integer >= 1")
    wdtype = dtype or DType.from_hf_config(config, default=DType.bfloat16)
    devices = [DeviceRef.GPU(i) for i in range(tp * dp)]
    kv_cache = KVCacheConfig(
        kv_cache_page_size=page_size,
        device_memory_utilization=utilization,
        enable_prefix_caching=False,
    )
    arch = registry.from_hf_config(
        config,
        dtype=wdtype,
        devices=devices,
        cache_dtype=kv_dtype,
        kv_cache=kv_cache,
        data_parallel_degree=dp,
        user_provided_max_length=max_length,
    )
    free, source = _free_bytes(gpu_memory)
    wb = (
        WeightBytes(bytes=weights, source="given")
        if weights is not None
        else weight_bytes(path, config, wdtype)
    )
    result = plan_for_arch(
        arch,
        free_bytes=free,
        max_batch_size=max_batch,
        weight_bytes=wb.bytes,
        activation_bytes=activations,
    )
    params, compressed = paged_params(arch)
    groups = as_groups(params)
    full_blocks = [b for g, b in zip(groups, result.blocks_per_group, strict=True) if not g.window]
    pools = result.layout.num_pools if result.layout is not None else len(groups)
    pool_of = result.layout.pool_of_group if result.layout is not None else list(range(len(groups)))
    runtime_groups = result.cache_groups(params)
    blocks = result.blocks_per_pool or result.blocks_per_group
    concurrency = min(
        blocks[p]
        / sum(
            g.max_pages_per_sequence(result.max_seq_len)
            for g, q in zip(runtime_groups, pool_of, strict=True)
            if q == p
        )
        for p in range(pools)
    )
    if compressed is not None:  # no more sequences than the compressed caches are kept for
        concurrency = min(concurrency, result.max_batch_size)
    first = groups[0].params
    entries_per_token = 0 if compressed is None else compressed.bytes_per_token
    replicated = any(
        g.params.is_mla or g.params.n_kv_heads < g.params.tp_degree for g in groups
    ) and (first.tp_degree > 1)
    return PlanReport(
        architecture=type(arch).__name__,
        dtype=wdtype,
        kv_dtype=kv_dtype or wdtype,
        devices=len(devices),
        free_bytes_per_device=free,
        free_bytes_source=source,
        weights=wb,
        bytes_per_token=params.bytes_per_token + entries_per_token * first.tp_degree,
        bytes_per_token_per_device=sum(g.params.bytes_per_token_per_device for g in groups)
        + entries_per_token,
        replicated_kv=replicated,
        concurrency_at_max_len=concurrency,
        tokens_per_replica=_tokens_per_replica(result, full_blocks, compressed is not None),
        groups=[
            PlanGroup(
                attention=g.attention,
                window=g.window,
                layers=g.params.num_layers,
                blocks=b,
                bytes_per_block_per_device=per_block,
                pool=pool,
            )
            for g, b, per_block, pool in zip(
                groups,
                result.blocks_per_group,
                result.bytes_per_block_per_device,
                (
                    list(range(len(groups)))
                    if result.layout is None
                    else result.layout.pool_of_source()
                ),
                strict=True,
            )
        ],
        plan=result,
        state_bytes_per_sequence=getattr(arch, "state_bytes_per_sequence", 0),
        encoder_len=getattr(arch, "model_max_encoder_len", 0),
        cross_bytes_per_sequence=getattr(arch, "cross_bytes_per_sequence", 0),
        compressed_bytes_per_token=entries_per_token * first.tp_degree,
    )
