"""Memory planner: how many KV blocks fit a device, and what batch and length they serve.

Pure arithmetic (no torch): free memory comes in as an argument. Only
``device_free_bytes`` asks the device, importing torch when a GPU is named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from kvarch.device import DeviceRef
from kvarch.kv_cache import GIB, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.layers import PER_TOKEN_KINDS
from kvarch.runtime.compressed_budget import (
    StoreBudget,
    compressed_caches,
    store_budget,
    window_groups,
)
from kvarch.runtime.errors import PlanError
from kvarch.runtime.layout import CacheLayout, cache_layout
from kvarch.validate import check_fraction, check_int

if TYPE_CHECKING:
    from kvarch.arch import ArchConfigWithAttentionKVCache

__all__ = [
    "DEFAULT_MAX_BATCH_SIZE",
    "CachePlan",
    "as_groups",
    "device_free_bytes",
    "named_groups",
    "paged_params",
    "plan",
    "tp_share",
    "with_prefill_headroom",
]

DEFAULT_MAX_BATCH_SIZE = 512
"""MAX's default batch when the user sets none."""


class CachePlan(msgspec.Struct, frozen=True, kw_only=True):
    """The sized cache: blocks per group on every device, and what they can serve."""

    page_size: int
    """Tokens per block."""
    max_seq_len: int
    """Longest sequence planned for (shrunk only when the user fixed none and not even one
    sequence of the model's limit fits)."""
    max_batch_size: int
    """Concurrent sequences planned for."""
    blocks_per_group: list[int]
    """Per model group: blocks on each device of the pool it draws from (a block spans the
    replica's TP devices; groups sharing a pool show the same, shared, number)."""
    bytes_per_block_per_device: list[int]
    """Per model group: bytes of one block of its pool on one device."""
    host_blocks_per_group: list[int]
    """Per model group: host swap blocks of its pool (zeros when swapping is off)."""
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
    layout: CacheLayout | None = None
    """Runtime groups and shared pools (None: one pool per model group, as listed)."""
    blocks_per_pool: list[int] = msgspec.field(default_factory=list)
    """Blocks of each pool of ``layout`` on each device."""
    state_bytes_per_sequence_per_device: int = 0
    """Recurrent state one sequence keeps on one device (its TP share)."""
    state_bytes_per_device: int = 0
    """State set aside on each device before the KV blocks: ``max_batch_size`` sequences'
    worth (not part of ``cache_bytes_per_device``)."""
    cross_bytes_per_sequence_per_device: int = 0
    """Cross-attention K/V one sequence keeps on one device at the model's encoder length (its
    TP share)."""
    cross_bytes_per_device: int = 0
    """Cross-attention K/V set aside on each device before the KV blocks: ``max_batch_size``
    sequences' worth (not part of ``cache_bytes_per_device``)."""
    host_blocks_per_pool: list[int] = msgspec.field(default_factory=list)
    """Host swap blocks of each pool of ``layout``."""
    compressed_bytes_per_sequence_per_device: int = 0
    """Compressed caches one sequence keeps on each device (DeepSeek-V4's entries at
    ``max_seq_len`` tokens and open windows; every TP rank holds them whole, like the window)."""
    compressed_bytes_per_device: int = 0
    """Compressed caches set aside on each device before the KV blocks: ``max_batch_size``
    sequences' worth (not part of ``cache_bytes_per_device``)."""

    def _pools(self) -> tuple[list[int], list[int], list[int]]:
        """(device blocks, bytes per block per device, host blocks) of each pool."""
        if self.layout is None:
            return (
                self.blocks_per_group,
                self.bytes_per_block_per_device,
                self.host_blocks_per_group,
            )
        per_block = [
            self.layout.bytes_per_block_per_device(p) for p in range(self.layout.num_pools)
        ]
        return self.blocks_per_pool, per_block, self.host_blocks_per_pool

    @property
    def cache_bytes_per_device(self) -> int:
        """Cache bytes allocated on each device."""
        blocks, per_block, _ = self._pools()
        return sum(b * n for b, n in zip(blocks, per_block, strict=True))

    @property
    def total_blocks(self) -> int:
        """Blocks of all pools over all replicas."""
        return sum(self._pools()[0]) * self.data_parallel_degree

    def cache_groups(self, params: KVCacheParams | MultiKVCacheParams) -> list[KVCacheGroup]:
        """The runtime groups the cache tensors and block manager are built from."""
        return as_groups(params) if self.layout is None else list(self.layout.groups)

    def pool_of_group(self) -> list[int]:
        """Pool of each runtime group."""
        if self.layout is None:
            return list(range(len(self.blocks_per_group)))
        return list(self.layout.pool_of_group)

    def group_blocks(self) -> list[int]:
        """Device blocks of each runtime group's pool (equal for groups sharing one)."""
        return [self._pools()[0][p] for p in self.pool_of_group()]

    def group_host_blocks(self) -> list[int]:
        """Host swap blocks of each runtime group's pool."""
        return [self._pools()[2][p] for p in self.pool_of_group()]

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


def tp_share(total: int, tp: int) -> int:
    """One device's share of ``total`` bytes split evenly over ``tp`` devices (rounded up):
    weights, recurrent state and cross-attention K/V (compressed caches are whole on each)."""
    return -(-total // tp)


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
    state_bytes_per_sequence: int = 0,
    cross_bytes_per_sequence: int = 0,
    compressed: StoreBudget | None = None,
) -> CachePlan:
    """Size the cache for one device's ``free_bytes`` (every device of every replica alike).

    ``weight_bytes`` is one replica's weights (split evenly over its TP devices);
    ``activation_bytes`` is the peak activation memory of one device. ``max_seq_len`` None
    means the model's limit, shrunk only when not even one sequence of it fits.
    ``max_batch_size`` None gives the cache the whole budget (the batch cap is then
    ``DEFAULT_MAX_BATCH_SIZE``); a batch that fits gets exactly the blocks it needs.
    ``state_bytes_per_sequence`` is one sequence's recurrent state on one replica, split evenly
    over its TP devices; the batch's state is set aside first, the KV blocks get the rest.
    ``cross_bytes_per_sequence`` (an encoder-decoder's cross-attention K/V of one sequence at its
    encoder length, vLLM's ``CrossAttentionSpec``) is set aside the same way, beside the state.
    ``compressed`` (DeepSeek-V4's compressed caches, kept per sequence beside the windows' pages)
    is set aside too, sized for the planned length and whole on every TP device.
    """
    owner = "plan"
    check_int(owner, "free_bytes", free_bytes, minimum=0)
    check_int(owner, "model_max_seq_len", model_max_seq_len)
    check_int(owner, "weight_bytes", weight_bytes, minimum=0)
    check_int(owner, "activation_bytes", activation_bytes, minimum=0)
    check_int(owner, "state_bytes_per_sequence", state_bytes_per_sequence, minimum=0)
    check_int(owner, "cross_bytes_per_sequence", cross_bytes_per_sequence, minimum=0)
    util = check_fraction(owner, "device_memory_utilization", device_memory_utilization)
    batch = check_int(owner, "max_batch_size", max_batch_size or DEFAULT_MAX_BATCH_SIZE)
    layout = cache_layout(params)
    groups = layout.groups
    pools = range(layout.num_pools)
    members = [layout.groups_of_pool(p) for p in pools]
    first = groups[0].params
    tp = first.tp_degree
    page = first.page_size
    block_bytes = [layout.bytes_per_block_per_device(p) for p in pools]
    static = tp_share(weight_bytes, tp) + activation_bytes
    state_per_seq = tp_share(state_bytes_per_sequence, tp)
    cross_per_seq = tp_share(cross_bytes_per_sequence, tp)
    asked = max_seq_len if max_seq_len is not None else model_max_seq_len
    check_int(owner, "max_seq_len", asked)

    def stored(length: int) -> int:
        """Compressed caches of one sequence sized for ``length`` tokens, on each device."""
        return 0 if compressed is None else compressed.bytes_per_sequence(length)

    per_seq_parts = (
        ("recurrent state", state_per_seq),
        ("cross-attention K/V", cross_per_seq),
        ("compressed caches", stored(asked)),
    )
    per_seq_what = " and ".join(name for name, n in per_seq_parts if n)
    lowered = None
    if max_batch_size is None and state_per_seq + cross_per_seq + stored(asked):
        # No batch asked for: the default cap, lowered to as many sequences as fit with their
        # per-sequence memory and the blocks of one full-length sequence each.
        full = max_seq_len or model_max_seq_len
        one = sum(
            sum(groups[g].max_pages_per_sequence(full) for g in members[p]) * block_bytes[p]
            for p in pools
        )
        per_seq = state_per_seq + cross_per_seq + stored(full)
        fits = (int(free_bytes * util) - static) // (per_seq + one)
        if 1 <= fits < batch:
            batch, lowered = fits, batch
    state = batch * state_per_seq
    cross = batch * cross_per_seq

    def budget_at(length: int) -> int:
        """Bytes per device left to the KV blocks when sequences are ``length`` tokens long:
        the per-sequence memory of the batch is set aside first."""
        return int(free_bytes * util) - static - state - cross - batch * stored(length)

    shortest = asked if max_seq_len is not None else 1  # the length the plan may shrink to
    held = state + cross + batch * stored(shortest)
    budget = budget_at(shortest)
    if held and budget < sum(block_bytes) and budget + held >= sum(block_bytes):
        raise PlanError(
            "max_batch_size",
            f"{batch} sequences' {per_seq_what} ({held // batch} bytes each "
            f"per device, {held} in all) leaves {budget} bytes per device: less than one block "
            f"of every pool ({sum(block_bytes)} bytes). Lower max_batch_size or give the cache "
            "more memory.",
        )
    if budget < sum(block_bytes):
        knob = "device_memory_utilization" if static < free_bytes * util else "devices"
        raise PlanError(
            knob,
            f"{free_bytes} free bytes x utilization {util} = {int(free_bytes * util)}, minus "
            f"weights/tp {tp_share(weight_bytes, tp)} and activations {activation_bytes}, leaves "
            f"{budget} bytes per device: less than one block of every pool "
            f"({sum(block_bytes)} bytes). Raise device_memory_utilization, free device memory, "
            "or split the weights over more devices.",
        )
    budget = budget_at(asked)

    def pool_pages(p: int, length: int) -> int:
        """Blocks of pool ``p`` one sequence of ``length`` tokens holds (all its groups)."""
        return sum(groups[g].max_pages_per_sequence(length) for g in members[p])

    def seq_bytes(length: int) -> int:
        return sum(pool_pages(p, length) * block_bytes[p] for p in pools)

    if asked > model_max_seq_len:
        raise PlanError(
            "max_seq_len", f"{asked} exceeds the model's limit {model_max_seq_len}; lower it."
        )
    notes: list[str] = []
    if lowered is not None:
        notes.append(
            f"max batch {batch} instead of {lowered}: each sequence also sets aside "
            f"{state_per_seq + cross_per_seq + stored(asked)} bytes per device of "
            f"{per_seq_what}; pass "
            "max_batch_size (--max-batch) to choose another"
        )
    length, shrunk_from = asked, None
    if seq_bytes(asked) > budget:  # not even one sequence of the asked length fits
        one = _largest(1, asked, lambda n: seq_bytes(n) <= budget_at(n))
        if max_seq_len is not None or one < 1:
            raise PlanError(
                "max_seq_len",
                f"one sequence of {asked} tokens needs {seq_bytes(asked)} bytes per device, "
                f"{budget} available. The largest length that fits is {max(one, 0)} (one "
                f"sequence); {budget // seq_bytes(1)} sequences fit at 1 token. Lower "
                "max_length or give the cache more memory.",
            )
        length, shrunk_from, budget = one, asked, budget_at(one)
        notes.append(
            f"context shrunk from the model's {asked} tokens to {length}: not even one "
            f"sequence of {asked} tokens fits in the cache's memory"
        )
    pages = [pool_pages(p, length) for p in pools]
    need = seq_bytes(length)
    if max_batch_size is not None and need * batch <= budget:
        blocks = [n * batch for n in pages]  # exactly what the asked batch needs
    else:  # the whole budget (with several pools, split between them by need)
        blocks = [budget * n // need for n in pages]
    at_max_len = min(n // p for n, p in zip(blocks, pages, strict=True))
    if compressed is not None:  # the compressed caches are kept for ``batch`` sequences
        at_max_len = min(at_max_len, batch)

    def batch_fits(length: int) -> bool:
        return all(pool_pages(p, length) * batch <= blocks[p] for p in pools)

    at_max_batch = max(_largest(1, length, batch_fits), 0)
    if at_max_len < batch:
        fits_at = (
            f"{batch} fit at up to {at_max_batch} tokens each"
            if at_max_batch
            else f"{batch} do not fit even at 1 token each"
        )
        notes.append(
            f"{at_max_len} sequences of {length} tokens fit at once; {fits_at}; longer or more "
            "sequences wait for blocks"
            + ("" if max_batch_size is not None else f" (max batch {batch} is the default)")
        )
    for g in as_groups(params):
        n = g.max_pages_per_sequence(length)
        if g.window is not None and n < -(-length // page):
            notes.append(
                f"{g.attention} group (window {g.window}) needs {n} pages per sequence "
                f"instead of {-(-length // page)}"
            )
    for p in pools:
        if len({layout.source_of_group[g] for g in members[p]}) > 1:
            kinds = sorted({groups[g].attention for g in members[p]})
            notes.append(
                f"{' and '.join(kinds)} layers share one pool of {blocks[p]} blocks "
                f"({layout.layers_per_block[p]} layers per block, {len(members[p])} block tables)"
            )
    if state:
        notes.append(
            f"recurrent state: {state_per_seq} bytes per sequence per device, {state} set aside "
            f"for {batch} sequences before the KV blocks"
        )
    if cross:
        notes.append(
            f"cross-attention K/V: {cross_per_seq} bytes per sequence per device, {cross} set "
            f"aside for {batch} sequences before the KV blocks"
        )
    if compressed is not None:
        notes.append(
            f"compressed caches: {stored(length)} bytes per sequence per device (entries of "
            f"{length} tokens {compressed.entry_bytes(length)}, open windows "
            f"{compressed.open_bytes}), {batch * stored(length)} set aside for {batch} "
            "sequences before the KV blocks"
        )
    hosts = _host_blocks(layout, blocks)
    model_pool = layout.pool_of_source()
    return CachePlan(
        page_size=page,
        max_seq_len=length,
        max_batch_size=batch,
        blocks_per_group=[blocks[p] for p in model_pool],
        bytes_per_block_per_device=[block_bytes[p] for p in model_pool],
        host_blocks_per_group=[hosts[p] for p in model_pool],
        data_parallel_degree=first.data_parallel_degree,
        tp_degree=tp,
        available_bytes_per_device=budget,
        max_batch_at_max_len=at_max_len,
        max_len_at_max_batch=at_max_batch,
        shrunk_from=shrunk_from,
        notes=notes,
        layout=layout,
        blocks_per_pool=blocks,
        host_blocks_per_pool=hosts,
        state_bytes_per_sequence_per_device=state_per_seq,
        state_bytes_per_device=state,
        cross_bytes_per_sequence_per_device=cross_per_seq,
        cross_bytes_per_device=cross,
        compressed_bytes_per_sequence_per_device=stored(length),
        compressed_bytes_per_device=batch * stored(length),
    )


def _host_blocks(layout: CacheLayout, blocks: Sequence[int]) -> list[int]:
    """Host swap space split over pools in proportion to their device bytes."""
    first = layout.groups[0].params
    swap = first.host_kvcache_swap_space_gb
    if not first.enable_kvcache_swapping_to_host or swap is None:
        return [0] * len(blocks)
    per_block = [layout.block_params(p).bytes_per_block for p in range(layout.num_pools)]
    replica_bytes = sum(n * b for n, b in zip(blocks, per_block, strict=True))
    share = swap * GIB / replica_bytes if replica_bytes else 0.0
    return [int(n * share) for n in blocks]


def with_prefill_headroom(
    sized: CachePlan, params: KVCacheParams | MultiKVCacheParams, prompt_len: int
) -> CachePlan:
    """``sized`` plus the blocks windowed groups hold while prefilling a ``prompt_len``-token
    prompt (all its pages until the next step) for every sequence of the batch."""
    prompt_pages = -(-prompt_len // sized.page_size)
    layout = sized.layout or cache_layout(params, share=False)
    blocks = list(sized.blocks_per_pool or sized.blocks_per_group)
    for g, p in zip(layout.groups, layout.pool_of_group, strict=True):
        window_pages = g.max_pages_per_sequence(sized.max_seq_len)
        blocks[p] += sized.max_batch_size * max(0, prompt_pages - window_pages)
    extra = sum(blocks) - sum(sized.blocks_per_pool or sized.blocks_per_group)
    if not extra:
        return sized
    note = (
        f"{extra} extra blocks: layers with a window hold a whole prompt ({prompt_len} tokens) "
        "until its first decoded token"
    )
    model_pool = layout.pool_of_source()
    return msgspec.structs.replace(
        sized,
        blocks_per_group=[blocks[p] for p in model_pool],
        blocks_per_pool=blocks if sized.layout is not None else [],
        notes=[*sized.notes, note],
    )


def plan_for_arch(
    arch: ArchConfigWithAttentionKVCache,
    *,
    free_bytes: int | None = None,
    max_batch_size: int | None = None,
    weight_bytes: int = 0,
    activation_bytes: int = 0,
) -> CachePlan:
    """``plan`` with an arch config's geometry, max length and utilization.

    ``free_bytes`` None asks the config's first device (``device_free_bytes``). Compressed
    layers (DeepSeek-V4) are sized as the runtime holds them (``paged_params``).
    """
    free = device_free_bytes(arch.devices) if free_bytes is None else free_bytes
    params, compressed = paged_params(arch)
    return plan(
        params,
        free_bytes=free,
        model_max_seq_len=arch.model_max_seq_len,
        max_seq_len=arch.user_provided_max_length,
        max_batch_size=max_batch_size,
        device_memory_utilization=arch.kv_cache.device_memory_utilization,
        weight_bytes=weight_bytes,
        activation_bytes=activation_bytes,
        state_bytes_per_sequence=getattr(arch, "state_bytes_per_sequence", 0),
        cross_bytes_per_sequence=getattr(arch, "cross_bytes_per_sequence", 0),
        compressed=compressed,
    )


def named_groups(arch: Any) -> MultiKVCacheParams:
    """``arch``'s cache groups, a uniform cache (``get_kv_params`` counts its layers only) as
    one group naming the layers that cache per token, as the runtime pages them."""
    params = arch.get_kv_params()
    if isinstance(params, MultiKVCacheParams):
        return params
    cached = sorted(s.index for s in arch.layers() if s.kind in PER_TOKEN_KINDS)
    return MultiKVCacheParams(groups=[KVCacheGroup(params=params, layer_indices=cached)])


def paged_params(
    arch: ArchConfigWithAttentionKVCache,
) -> tuple[MultiKVCacheParams, StoreBudget | None]:
    """The groups the runtime pages for ``arch`` (``named_groups``) and its compressed caches'
    budget (None without compressed layers): a compressed layer's window is a sliding group,
    its entries and open windows are kept per sequence (``PagedCache.from_model`` does the
    same). Its ``get_kv_params`` (what MAX reads) budgets those layers as full attention
    instead."""
    params = named_groups(arch)
    layers = compressed_caches(arch)
    if not layers:
        return params, None
    dtype = getattr(arch, "cache_dtype", None) or arch.dtype
    return window_groups(arch, params), store_budget(layers, dtype)


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
