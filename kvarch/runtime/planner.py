"""Memory planner: how many KV blocks fit a device, and what batch and length they serve.

Pure arithmetic (no torch): free memory comes in as an argument. Only
``device_free_bytes`` asks the device, importing torch when a GPU is named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import msgspec

from kvarch.device import DeviceRef
from kvarch.kv_cache import GIB, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime.errors import PlanError
from kvarch.validate import check_fraction, check_int

if TYPE_CHECKING:
    from kvarch.arch import ArchConfigWithAttentionKVCache

__all__ = ["DEFAULT_MAX_BATCH_SIZE", "CachePlan", "as_groups", "device_free_bytes", "plan"]

DEFAULT_MAX_BATCH_SIZE = 512
"""MAX's default batch when the user sets none."""


class CachePlan(msgspec.Struct, frozen=True, kw_only=True):
    """The sized cache: blocks per group on every device, and what they can serve."""

    page_size: int
    """Tokens per block."""
    max_seq_len: int
    """Longest sequence planned for (shrunk when the user fixed none and it did not fit)."""
    max_batch_size: int
    """Concurrent sequences planned for."""
    blocks_per_group: list[int]
    """Blocks of each group on each device (a block spans the replica's TP devices)."""
    bytes_per_block_per_device: list[int]
    """Bytes of one block of each group on one device."""
    host_blocks_per_group: list[int]
    """Host swap blocks of each group (zeros when swapping is off)."""
    data_parallel_degree: int
    """Replicas; each holds ``blocks_per_group`` blocks."""
    tp_degree: int
    """Devices per replica."""
    available_bytes_per_device: int
    """Memory left for the cache on one device after utilization, weights and activations."""
    max_batch_at_max_len: int
    """Sequences of ``max_seq_len`` tokens that fit at once in one replica."""
    max_len_at_max_batch: int
    """Longest length at which ``max_batch_size`` sequences fit at once (0: none)."""
    shrunk_from: int | None = None
    """The length asked for when it was shrunk to ``max_seq_len``; None otherwise."""
    notes: list[str] = msgspec.field(default_factory=list)
    """What the planner decided and why, in words."""

    @property
    def cache_bytes_per_device(self) -> int:
        """Cache bytes allocated on each device."""
        return sum(
            b * n
            for b, n in zip(self.blocks_per_group, self.bytes_per_block_per_device, strict=True)
        )

    @property
    def total_blocks(self) -> int:
        """Blocks of all groups over all replicas."""
        return sum(self.blocks_per_group) * self.data_parallel_degree

    def describe(self) -> str:
        """A short human-readable summary."""
        lines = [
            f"page size {self.page_size} tokens; dp {self.data_parallel_degree} x "
            f"tp {self.tp_degree}",
            f"blocks per device: {self.blocks_per_group} "
            f"({self.cache_bytes_per_device / GIB:.3f} GiB of "
            f"{self.available_bytes_per_device / GIB:.3f} GiB available)",
            f"max_seq_len {self.max_seq_len}, max_batch_size {self.max_batch_size}",
            f"max batch at max length: {self.max_batch_at_max_len}; "
            f"max length at max batch: {self.max_len_at_max_batch}",
        ]
        return "\n".join(lines + self.notes)


def as_groups(params: KVCacheParams | MultiKVCacheParams) -> list[KVCacheGroup]:
    """The cache groups; a uniform ``KVCacheParams`` is one full-attention group."""
    if isinstance(params, MultiKVCacheParams):
        return list(params.groups)
    return [KVCacheGroup(params=params, layer_indices=list(range(params.num_layers)))]


def _largest(lo: int, hi: int, fits: Callable[[int], bool]) -> int:
    """Largest x in [lo, hi] with ``fits(x)`` (monotone: true then false); lo - 1 if none."""
    best = lo - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(mid):
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


def plan(
    params: KVCacheParams | MultiKVCacheParams,
    *,
    free_bytes: int,
    model_max_seq_len: int,
    max_seq_len: int | None = None,
    max_batch_size: int | None = None,
    device_memory_utilization: float = 0.9,
    weight_bytes: int = 0,
    activation_bytes: int = 0,
) -> CachePlan:
    """Size the cache for one device's ``free_bytes`` (every device of every replica alike).

    ``weight_bytes`` is one replica's weights (split evenly over its TP devices);
    ``activation_bytes`` is the peak activation memory of one device. ``max_seq_len`` None
    means the model's limit, shrunk to fit ``max_batch_size`` sequences when needed.
    """
    owner = "plan"
    check_int(owner, "free_bytes", free_bytes, minimum=0)
    check_int(owner, "model_max_seq_len", model_max_seq_len)
    check_int(owner, "weight_bytes", weight_bytes, minimum=0)
    check_int(owner, "activation_bytes", activation_bytes, minimum=0)
    util = check_fraction(owner, "device_memory_utilization", device_memory_utilization)
    batch = check_int(owner, "max_batch_size", max_batch_size or DEFAULT_MAX_BATCH_SIZE)
    groups = as_groups(params)
    first = groups[0].params
    tp = first.tp_degree
    page = first.page_size
    block_bytes = [g.params.bytes_per_block_per_device for g in groups]
    static = -(-weight_bytes // tp) + activation_bytes
    budget = int(free_bytes * util) - static
    if budget < sum(block_bytes):
        knob = "device_memory_utilization" if static < free_bytes * util else "devices"
        raise PlanError(
            knob,
            f"{free_bytes} free bytes x utilization {util} = {int(free_bytes * util)}, minus "
            f"weights/tp {-(-weight_bytes // tp)} and activations {activation_bytes}, leaves "
            f"{budget} bytes per device: less than one block of every group "
            f"({sum(block_bytes)} bytes). Raise device_memory_utilization, free device memory, "
            "or split the weights over more devices.",
        )

    def seq_bytes(length: int) -> int:
        return sum(
            g.max_pages_per_sequence(length) * b for g, b in zip(groups, block_bytes, strict=True)
        )

    asked = max_seq_len if max_seq_len is not None else model_max_seq_len
    check_int(owner, "max_seq_len", asked)
    if asked > model_max_seq_len:
        raise PlanError(
            "max_seq_len", f"{asked} exceeds the model's limit {model_max_seq_len}; lower it."
        )
    notes: list[str] = []
    length, shrunk_from = asked, None
    if seq_bytes(asked) * batch > budget:
        one = _largest(1, asked, lambda n: seq_bytes(n) <= budget)
        at_len = budget // seq_bytes(asked)
        if max_seq_len is None:
            length = _largest(1, asked, lambda n: seq_bytes(n) * batch <= budget)
            if length < 1:
                raise PlanError(
                    "max_batch_size",
                    f"{batch} sequences need at least {seq_bytes(1) * batch} bytes per device "
                    f"(one block per group each), {budget} available. The largest batch that "
                    f"fits is {budget // seq_bytes(1)} at 1 token, {at_len} at {asked} tokens; "
                    "lower max_batch_size or give the cache more memory.",
                )
            shrunk_from = asked
            notes.append(
                f"max_seq_len shrunk from {asked} to {length} so that {batch} sequences fit; "
                "set max_length or lower max_batch_size to choose otherwise"
            )
        elif at_len < 1:
            raise PlanError(
                "max_seq_len",
                f"one sequence of {asked} tokens needs {seq_bytes(asked)} bytes per device, "
                f"{budget} available. The largest length that fits is {one} (one sequence); "
                f"{budget // seq_bytes(1)} sequences fit at 1 token. Lower max_length or give "
                "the cache more memory.",
            )
        else:
            notes.append(
                f"only {at_len} of {batch} sequences of {asked} tokens fit at once; the rest "
                "wait for blocks (lower max_batch_size or max_length to avoid queueing)"
            )
    pages = [g.max_pages_per_sequence(length) for g in groups]
    need = seq_bytes(length)
    if need * batch <= budget:
        blocks = [p * batch for p in pages]
    else:
        blocks = [budget * p // need for p in pages]
    at_max_len = min(n // p for n, p in zip(blocks, pages, strict=True))

    def batch_fits(length: int) -> bool:
        pairs = zip(groups, blocks, strict=True)
        return all(g.max_pages_per_sequence(length) * batch <= n for g, n in pairs)

    at_max_batch = _largest(1, model_max_seq_len, batch_fits)
    at_max_batch = max(at_max_batch, 0)
    for g, p in zip(groups, pages, strict=True):
        if g.window is not None and p < -(-length // page):
            notes.append(
                f"{g.attention} group (window {g.window}) needs {p} pages per sequence "
                f"instead of {-(-length // page)}"
            )
    return CachePlan(
        page_size=page,
        max_seq_len=length,
        max_batch_size=batch,
        blocks_per_group=blocks,
        bytes_per_block_per_device=block_bytes,
        host_blocks_per_group=_host_blocks(groups, blocks),
        data_parallel_degree=first.data_parallel_degree,
        tp_degree=tp,
        available_bytes_per_device=budget,
        max_batch_at_max_len=at_max_len,
        max_len_at_max_batch=at_max_batch,
        shrunk_from=shrunk_from,
        notes=notes,
    )


def _host_blocks(groups: Sequence[KVCacheGroup], blocks: Sequence[int]) -> list[int]:
    """Host swap space split over groups in proportion to their device blocks."""
    first = groups[0].params
    swap = first.host_kvcache_swap_space_gb
    if not first.enable_kvcache_swapping_to_host or swap is None:
        return [0] * len(groups)
    replica_bytes = sum(n * g.params.bytes_per_block for g, n in zip(groups, blocks, strict=True))
    share = swap * GIB / replica_bytes if replica_bytes else 0.0
    return [int(n * share) for n in blocks]


def plan_for_arch(
    arch: ArchConfigWithAttentionKVCache,
    *,
    free_bytes: int | None = None,
    max_batch_size: int | None = None,
    weight_bytes: int = 0,
    activation_bytes: int = 0,
) -> CachePlan:
    """``plan`` with an arch config's geometry, max length and utilization.

    ``free_bytes`` None asks the config's first device (``device_free_bytes``).
    """
    free = device_free_bytes(arch.devices) if free_bytes is None else free_bytes
    return plan(
        arch.get_kv_params(),
        free_bytes=free,
        model_max_seq_len=arch.model_max_seq_len,
        max_seq_len=arch.user_provided_max_length,
        max_batch_size=max_batch_size,
        device_memory_utilization=arch.kv_cache.device_memory_utilization,
        weight_bytes=weight_bytes,
        activation_bytes=activation_bytes,
    )


def device_free_bytes(devices: Sequence[DeviceRef]) -> int:
    """Smallest free memory over ``devices``: ``torch.cuda.mem_get_info`` or host MemAvailable."""
    free: list[int] = []
    for dev in devices:
        if dev.is_cpu():
            free.append(_host_available_bytes())
        else:
            import torch

            free.append(int(torch.cuda.mem_get_info(dev.id)[0]))
    return min(free)


def _host_available_bytes() -> int:
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    raise PlanError("free_bytes", "the host's free memory is unknown; pass free_bytes")
