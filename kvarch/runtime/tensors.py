"""Cache tensors: one block-major tensor per block pool on one device, plus optional host swap.

Pool storage is ``[num_blocks, kv_dim, layer_slots, page_size, heads, head_dim]`` (MAX's
``shape_per_block`` with the block first): one block of every layer slot is one contiguous
chunk, so copy-on-write and host swap move a block in one copy. Groups sharing a pool
(``layout.cache_layout``) share its tensor: a block belongs to one group at a time and slot
``j`` holds that group's ``j``-th layer. ``layer(i)`` gives the kernels' per-layer NHD views
``[num_blocks, page_size, heads, head_dim]`` (strided; the pool's blocks).

Groups whose layers cache further per-token keys beside K/V (``extra_key_dim``: a
sparse-attention indexer's keys) get a second block-major tensor per pool,
``[num_blocks, layer_slots, page_size, extra_key_dim]``, under the same block ids: a block
holds a token's K/V and its indexer keys, so one block table serves both.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
import torch
from torch import Tensor

from kvarch.device import DeviceRef
from kvarch.kv_cache import KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime.errors import CacheAllocationError, ShapeError
from kvarch.runtime.planner import CachePlan, device_free_bytes

__all__ = ["LayerCache", "PagedKVCache", "allocate"]


def allocate(
    shape: Sequence[int], dtype: torch.dtype, device: torch.device, *, pin: bool = False
) -> Tensor:
    """``torch.empty`` that turns an out-of-memory failure into ``CacheAllocationError``."""
    asked = dtype.itemsize
    for n in shape:
        asked *= n
    try:
        return torch.empty(tuple(shape), dtype=dtype, device=device, pin_memory=pin)
    except (torch.OutOfMemoryError, RuntimeError) as exc:
        text = str(exc).lower()
        if (
            not isinstance(exc, torch.OutOfMemoryError)
            and "alloc" not in text
            and "memory" not in text
        ):
            raise
        ref = DeviceRef.CPU() if device.type == "cpu" else DeviceRef.GPU(device.index or 0)
        try:
            free: int | None = device_free_bytes([ref])
        except Exception:
            free = None
        raise CacheAllocationError(str(device), asked, free) from exc


def _extra_shape(block: KVCacheParams) -> list[int] | None:
    """``[layer slots, page, extra_key_dim]`` of one block's indexer keys (None without any)."""
    if not block.extra_key_dim:
        return None
    if block.dtype.is_float8:  # no scales are kept for them: refuse rather than lose range
        raise ShapeError(
            "dtype", block.dtype.value, "a cache dtype wider than 8 bits for indexer keys"
        )
    return [block.num_layers, block.page_size, block.extra_key_dim]


class LayerCache:
    """One layer's views for the kernels, and its fp8 scales."""

    __slots__ = ("extra", "group", "k", "k_scale", "v", "v_scale", "window")

    def __init__(
        self,
        group: int,
        k: Tensor,
        v: Tensor | None,
        window: int | None,
        k_scale: Tensor | None,
        v_scale: Tensor | None,
        extra: Tensor | None = None,
    ) -> None:
        self.group = group
        self.k = k
        self.v = v
        self.window = window
        self.k_scale = k_scale
        self.v_scale = v_scale
        self.extra = extra
        """``[num_blocks, page_size, extra_key_dim]`` indexer keys (None: the layer has none)."""


class PagedKVCache:
    """The cache tensors of every pool on one device (implements ``BlockStorage``)."""

    def __init__(
        self,
        groups: Sequence[KVCacheGroup],
        num_blocks: Sequence[int],
        *,
        device: torch.device | str = "cpu",
        host_blocks: Sequence[int] | None = None,
        pool_of: Sequence[int] | None = None,
        source_of: Sequence[int] | None = None,
    ) -> None:
        """``num_blocks`` / ``host_blocks``: per group, the blocks of the pool it draws from;
        ``pool_of``: each group's pool (default: one pool per group). Groups sharing a pool
        must have the same page geometry apart from their layer count. ``source_of``: the
        model group each group was split from (``CacheLayout.source_of_group``)."""
        self.groups = list(groups)
        self.device = torch.device(device)
        self.page_size = self.groups[0].params.page_size
        self.num_blocks = list(num_blocks)
        """Per group: blocks of its pool."""
        self.host_blocks = list(host_blocks or [0] * len(self.groups))
        """Per group: host swap blocks of its pool."""
        self.pool_of = list(pool_of) if pool_of is not None else list(range(len(self.groups)))
        """Per group: index of its pool (its tensor in ``data``)."""
        self.source_of = list(source_of) if source_of is not None else list(range(len(groups)))
        """Per group: the model group it was split from (itself without a split)."""
        self.data: list[Tensor] = []
        """Per pool: ``[blocks, kv_dim, layer slots, page, heads, head_dim]``."""
        self.host: list[Tensor | None] = []
        """Per pool: host swap copy of the same layout (pinned when CUDA is available)."""
        self.scales: list[Tensor | None] = []
        """Per pool: float32 ``[kv_dim, layer slots]`` per-tensor scales of an fp8 cache."""
        self.extras: list[Tensor | None] = []
        """Per pool: ``[blocks, layer slots, page, extra_key_dim]`` indexer keys, or None."""
        self.host_extras: list[Tensor | None] = []
        """Per pool: host swap copy of ``extras``."""
        pin = torch.cuda.is_available()
        for p, members in enumerate(self._members()):
            params = [self.groups[g].params for g in members]
            slots = max(q.num_layers for q in params)
            block = msgspec.structs.replace(params[0], num_layers=slots)
            if any(msgspec.structs.replace(q, num_layers=slots) != block for q in params) or (
                len({self.num_blocks[g] for g in members}) > 1
                or len({self.host_blocks[g] for g in members}) > 1
            ):
                raise ShapeError("groups", members, f"one page geometry and size in pool {p}")
            n, n_host = self.num_blocks[members[0]], self.host_blocks[members[0]]
            dtype = block.dtype.to_torch()
            self.data.append(allocate([n, *block.shape_per_block], dtype, self.device))
            self.scales.append(
                allocate([block.kv_dim, slots], torch.float32, self.device).fill_(1.0)
                if block.dtype.is_float8
                else None
            )
            self.host.append(
                allocate([n_host, *block.shape_per_block], dtype, torch.device("cpu"), pin=pin)
                if n_host
                else None
            )
            extra = _extra_shape(block)
            self.extras.append(None if extra is None else allocate([n, *extra], dtype, self.device))
            self.host_extras.append(
                allocate([n_host, *extra], dtype, torch.device("cpu"), pin=pin)
                if extra is not None and n_host
                else None
            )
        self._layers: dict[int, tuple[int, int]] = {}
        for gi, g in enumerate(self.groups):
            for local, index in enumerate(g.layer_indices):
                self._layers[index] = (gi, local)

    def _members(self) -> list[list[int]]:
        """Groups of each pool, pools in index order."""
        count = max(self.pool_of) + 1
        members: list[list[int]] = [[] for _ in range(count)]
        for g, p in enumerate(self.pool_of):
            members[p].append(g)
        if any(not m for m in members):
            raise ShapeError("pool_of", self.pool_of, "pools numbered 0.. without gaps")
        return members

    @classmethod
    def from_plan(
        cls,
        params: KVCacheParams | MultiKVCacheParams,
        plan: CachePlan,
        *,
        device: torch.device | str | None = None,
    ) -> PagedKVCache:
        """Tensors for one device of ``plan`` (default: the first device of ``params``)."""
        groups = plan.cache_groups(params)
        where = device if device is not None else groups[0].params.devices[0].to_torch()
        return cls(
            groups,
            plan.group_blocks(),
            device=where,
            host_blocks=plan.group_host_blocks(),
            pool_of=plan.pool_of_group(),
            source_of=None if plan.layout is None else plan.layout.source_of_group,
        )

    @property
    def nbytes(self) -> int:
        """Device bytes held by the block tensors (indexer keys included)."""
        tensors = [*self.data, *(t for t in self.extras if t is not None)]
        return sum(t.numel() * t.element_size() for t in tensors)

    def layer(self, index: int) -> LayerCache:
        """Views of decoder layer ``index`` (``v`` is None for an MLA latent cache)."""
        found = self._layers.get(index)
        if found is None:
            raise ShapeError("layer", index, f"one of the cached layers {sorted(self._layers)}")
        g, local = found
        pool = self.pool_of[g]
        data, scales = self.data[pool], self.scales[pool]
        v = data[:, 1, local] if data.shape[1] == 2 else None
        extra = self.extras[pool]
        return LayerCache(
            g,
            data[:, 0, local],
            v,
            self.groups[g].window,
            None if scales is None else scales[0, local],
            None if scales is None or v is None else scales[1, local],
            None if extra is None else extra[:, local],
        )

    def copy_block(self, group: int, src: int, dst: int) -> None:
        """Copy block ``src`` to ``dst`` of ``group``'s pool (every layer slot)."""
        pool = self.pool_of[group]
        for data in (self.data[pool], self.extras[pool]):
            if data is not None:
                data[dst].copy_(data[src])

    def swap_out(self, group: int, block: int, slot: int) -> None:
        """Copy device block ``block`` to host slot ``slot``."""
        pool = self.pool_of[group]
        self._host(group)[slot].copy_(self.data[pool][block])
        extra, host = self.extras[pool], self.host_extras[pool]
        if extra is not None and host is not None:
            host[slot].copy_(extra[block])

    def swap_in(self, group: int, slot: int, block: int) -> None:
        """Copy host slot ``slot`` back to device block ``block``."""
        pool = self.pool_of[group]
        host = self._host(group)
        self.data[pool][block].copy_(host[slot], non_blocking=host.is_pinned())
        extra, host_extra = self.extras[pool], self.host_extras[pool]
        if extra is not None and host_extra is not None:
            extra[block].copy_(host_extra[slot], non_blocking=host_extra.is_pinned())

    def _host(self, group: int) -> Tensor:
        host = self.host[self.pool_of[group]]
        if host is None:
            raise ShapeError("host_blocks", 0, f"host swap blocks for group {group}")
        return host
