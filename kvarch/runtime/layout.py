"""Cache layout: which cache groups share one block pool, and how their layers fill a block.

vLLM's hybrid allocator, torch-free. Groups whose layers have the same page geometry (dtype,
K/V or latent, page size, heads per device, head dim, devices: everything but the layer count)
share one pool, so no fixed split starves a group: a block id belongs to one group at a time
and holds that group's layers. A pool's block has ``layers_per_block`` layer *slots*; to fill
them, groups are re-partitioned so each holds at most that many layers: the slot count is the
smallest group's layer count (or the largest one, padding the others, when the largest is below
1.5 x the smallest), and a bigger group is split, layer-strided, into ``ceil(layers / slots)``
runtime groups with one block table each. Layer slot ``j`` of a block stores layer ``j`` of
whichever runtime group owns the block. Groups whose pages differ (e.g. another head dim) keep
separate pools: between pools the budget is still split once.
"""

from __future__ import annotations

import msgspec

from kvarch.kv_cache import KVCacheGroup, KVCacheParams, MultiKVCacheParams

__all__ = ["CacheLayout", "cache_layout"]


class CacheLayout(msgspec.Struct, frozen=True, kw_only=True):
    """Runtime cache groups and the pools they draw blocks from."""

    groups: list[KVCacheGroup]
    """Runtime groups (model groups, split so each fits its pool's layer slots)."""
    source_of_group: list[int]
    """Index of the model group (``as_groups(params)``) each runtime group comes from."""
    pool_of_group: list[int]
    """Pool each runtime group draws its blocks from."""
    layers_per_block: list[int]
    """Per pool: layer slots in one block."""

    @property
    def num_pools(self) -> int:
        """Block pools (one tensor each per device)."""
        return len(self.layers_per_block)

    def pool_of_source(self) -> list[int]:
        """Pool of each model group (all its runtime groups draw from one)."""
        pools: dict[int, int] = {}
        for src, p in zip(self.source_of_group, self.pool_of_group, strict=True):
            pools.setdefault(src, p)
        return [pools[i] for i in range(len(pools))]

    def groups_of_pool(self, pool: int) -> list[int]:
        """Runtime groups drawing from ``pool``."""
        return [g for g, p in enumerate(self.pool_of_group) if p == pool]

    def block_params(self, pool: int) -> KVCacheParams:
        """Geometry of one block of ``pool`` (its layer slots as ``num_layers``)."""
        first = self.groups[self.groups_of_pool(pool)[0]].params
        return msgspec.structs.replace(first, num_layers=self.layers_per_block[pool])

    def bytes_per_block_per_device(self, pool: int) -> int:
        """Bytes of one block of ``pool`` on one device."""
        return self.block_params(pool).bytes_per_block_per_device


def _page_key(params: KVCacheParams) -> KVCacheParams:
    """Everything about a layer's page but the layer count."""
    return msgspec.structs.replace(params, num_layers=1)


def _slots(counts: list[int]) -> int:
    """Layer slots per block for groups of ``counts`` layers sharing one pool."""
    low, high = min(counts), max(counts)
    return high if high < 1.5 * low else low


def cache_layout(
    params: KVCacheParams | MultiKVCacheParams | list[KVCacheGroup], *, share: bool = True
) -> CacheLayout:
    """The runtime groups and pools of ``params`` (``share=False``: one pool per group)."""
    if isinstance(params, list):
        model = params
    elif isinstance(params, MultiKVCacheParams):
        model = list(params.groups)
    else:
        model = [KVCacheGroup(params=params, layer_indices=list(range(params.num_layers)))]
    buckets: list[tuple[KVCacheParams, list[int]]] = []
    for i, g in enumerate(model):
        key = _page_key(g.params)
        same = next((b for k, b in buckets if k == key), None) if share else None
        if same is None:
            buckets.append((key, [i]))
        else:
            same.append(i)
    slots_of = {}
    pool_of_model = {}
    for p, (_, members) in enumerate(buckets):
        slots_of[p] = _slots([model[i].params.num_layers for i in members])
        for i in members:
            pool_of_model[i] = p
    groups, source, pool_of = [], [], []
    for i, g in enumerate(model):
        p = pool_of_model[i]
        parts = -(-len(g.layer_indices) // slots_of[p])
        for k in range(parts):
            layers = g.layer_indices[k::parts]
            sub = msgspec.structs.replace(g.params, num_layers=len(layers))
            groups.append(
                KVCacheGroup(
                    params=sub, layer_indices=layers, attention=g.attention, window=g.window
                )
            )
            source.append(i)
            pool_of.append(p)
    return CacheLayout(
        groups=groups,
        source_of_group=source,
        pool_of_group=pool_of,
        layers_per_block=[slots_of[p] for p in range(len(buckets))],
    )
