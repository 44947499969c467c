"""Cache tensors: one block-major tensor per group on one device, plus optional host swap.

Group storage is ``[num_blocks, kv_dim, num_layers, page_size, heads, head_dim]`` (MAX's
``shape_per_block`` with the block first): one block of every layer is one contiguous
chunk, so copy-on-write and host swap move a block in one copy. ``layer(i)`` gives the
kernels' per-layer NHD views ``[num_blocks, page_size, heads, head_dim]`` (strided).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor

from kvarch.device import DeviceRef
from kvarch.kv_cache import KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.runtime.errors import CacheAllocationError, ShapeError
from kvarch.runtime.planner import CachePlan, as_groups, device_free_bytes

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


class LayerCache:
    """One layer's views for the kernels, and its fp8 scales."""

    __slots__ = ("group", "k", "k_scale", "v", "v_scale", "window")

    def __init__(
        self,
        group: int,
        k: Tensor,
        v: Tensor | None,
        window: int | None,
        k_scale: Tensor | None,
        v_scale: Tensor | None,
    ) -> None:
        self.group = group
        self.k = k
        self.v = v
        self.window = window
        self.k_scale = k_scale
        self.v_scale = v_scale


class PagedKVCache:
    """The cache tensors of every group on one device (implements ``BlockStorage``)."""

    def __init__(
        self,
        groups: Sequence[KVCacheGroup],
        num_blocks: Sequence[int],
        *,
        device: torch.device | str = "cpu",
        host_blocks: Sequence[int] | None = None,
    ) -> None:
        self.groups = list(groups)
        self.device = torch.device(device)
        self.page_size = self.groups[0].params.page_size
        self.data: list[Tensor] = []
        """Per group: ``[blocks, kv_dim, layers, page, heads, head_dim]``."""
        self.host: list[Tensor | None] = []
        """Per group: host swap copy of the same layout (pinned when CUDA is available)."""
        self.scales: list[Tensor | None] = []
        """Per group: float32 ``[kv_dim, layers]`` per-tensor scales of an fp8 cache."""
        pin = torch.cuda.is_available()
        hosts = host_blocks or [0] * len(self.groups)
        for g, n in zip(self.groups, num_blocks, strict=True):
            p = g.params
            shape = [n, *p.shape_per_block]
            dtype = p.dtype.to_torch()
            self.data.append(allocate(shape, dtype, self.device))
            self.scales.append(
                allocate([p.kv_dim, p.num_layers], torch.float32, self.device).fill_(1.0)
                if p.dtype.is_float8
                else None
            )
        for g, n in zip(self.groups, hosts, strict=True):
            shape = [n, *g.params.shape_per_block]
            host = (
                allocate(shape, g.params.dtype.to_torch(), torch.device("cpu"), pin=pin)
                if n
                else None
            )
            self.host.append(host)
        self._layers: dict[int, tuple[int, int]] = {}
        for gi, g in enumerate(self.groups):
            for local, index in enumerate(g.layer_indices):
                self._layers[index] = (gi, local)

    @classmethod
    def from_plan(
        cls,
        params: KVCacheParams | MultiKVCacheParams,
        plan: CachePlan,
        *,
        device: torch.device | str | None = None,
    ) -> PagedKVCache:
        """Tensors for one device of ``plan`` (default: the first device of ``params``)."""
        groups = as_groups(params)
        where = device if device is not None else groups[0].params.devices[0].to_torch()
        return cls(
            groups, plan.blocks_per_group, device=where, host_blocks=plan.host_blocks_per_group
        )

    @property
    def nbytes(self) -> int:
        """Device bytes held by the block tensors."""
        return sum(t.numel() * t.element_size() for t in self.data)

    def layer(self, index: int) -> LayerCache:
        """Views of decoder layer ``index`` (``v`` is None for an MLA latent cache)."""
        found = self._layers.get(index)
        if found is None:
            raise ShapeError("layer", index, f"one of the cached layers {sorted(self._layers)}")
        g, local = found
        data, scales = self.data[g], self.scales[g]
        v = data[:, 1, local] if data.shape[1] == 2 else None
        return LayerCache(
            g,
            data[:, 0, local],
            v,
            self.groups[g].window,
            None if scales is None else scales[0, local],
            None if scales is None or v is None else scales[1, local],
        )

    def copy_block(self, group: int, src: int, dst: int) -> None:
        """Copy block ``src`` to ``dst`` in every layer of ``group``."""
        self.data[group][dst].copy_(self.data[group][src])

    def swap_out(self, group: int, block: int, slot: int) -> None:
        """Copy device block ``block`` to host slot ``slot``."""
        host = self._host(group)
        host[slot].copy_(self.data[group][block])

    def swap_in(self, group: int, slot: int, block: int) -> None:
        """Copy host slot ``slot`` back to device block ``block``."""
        host = self._host(group)
        self.data[group][block].copy_(host[slot], non_blocking=host.is_pinned())

    def _host(self, group: int) -> Tensor:
        host = self.host[group]
        if host is None:
            raise ShapeError("host_blocks", 0, f"host swap blocks for group {group}")
        return host
