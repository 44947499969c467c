"""KV-cache settings (what the user asks for) and parameters (the geometry the runtime sizes).

``KVCacheConfig`` carries the user's knobs; ``KVCacheParams`` is one uniform group of layers
split over devices; ``MultiKVCacheParams`` holds several groups for models whose layers differ
(full vs sliding window, different head dims).
"""

from __future__ import annotations

import enum
import math
from typing import Literal

import msgspec

from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.validate import check_enum, check_fraction, check_int

__all__ = [
    "KVCacheConfig",
    "KVCacheGroup",
    "KVCacheParams",
    "KVCacheQuantizationConfig",
    "KVCacheStrategy",
    "MultiKVCacheParams",
    "pages_for_tokens",
]

GIB = 1 << 30

#: Cache formats a user may ask for with ``kv_cache_format``.
KV_CACHE_FORMATS = (
    DType.float32,
    DType.bfloat16,
    DType.float16,
    DType.float8_e4m3fn,
    DType.float8_e5m2,
)


class KVCacheStrategy(enum.Enum):
    """How the cache is laid out."""

    MODEL_DEFAULT = "model_default"
    """The architecture's first supported strategy (paged for every kvarch architecture)."""
    PAGED = "paged"
    """Fixed-size pages addressed through per-sequence block tables."""
    CONTINUOUS = "continuous"
    """One contiguous max-length slab per sequence (no prefix sharing)."""

    def resolve(self) -> KVCacheStrategy:
        """``MODEL_DEFAULT`` becomes ``PAGED``; other strategies are kept."""
        return KVCacheStrategy.PAGED if self is KVCacheStrategy.MODEL_DEFAULT else self


class KVCacheQuantizationConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Scales stored beside a quantized (fp8) cache."""

    scale_dtype: DType = DType.float32
    """Element type of the scales."""
    quantization_granularity: int = 128
    """Elements of head_dim that share one scale."""

    def __post_init__(self) -> None:
        owner = "KVCacheQuantizationConfig"
        check_enum(owner, "scale_dtype", self.scale_dtype, DType)
        check_int(owner, "quantization_granularity", self.quantization_granularity)


class KVCacheConfig(msgspec.Struct, kw_only=True):
    """The user's cache settings (MAX's seed defaults)."""

    cache_strategy: KVCacheStrategy = KVCacheStrategy.MODEL_DEFAULT
    """Layout strategy; ``model_default`` resolves to paged."""
    kv_cache_page_size: int = 128
    """Tokens per page."""
    enable_prefix_caching: bool = True
    """Share full pages between requests with the same prefix."""
    enable_kvcache_swapping_to_host: bool = False
    """Move evicted prefix pages to host memory instead of dropping them."""
    device_memory_utilization: float = 0.9
    """Fraction of device memory the server may use (weights + activations + cache)."""
    host_kvcache_swap_space_gb: float = 50.0
    """Host memory for swapped pages, in GiB."""
    kv_cache_format: DType | None = None
    """Cache element type; None means the model's cache dtype."""
    kv_cache_quantization: KVCacheQuantizationConfig | None = None
    """Scales for an fp8 cache; None stores no scales."""

    def __post_init__(self) -> None:
        owner = "KVCacheConfig"
        check_enum(owner, "cache_strategy", self.cache_strategy, KVCacheStrategy)
        check_int(owner, "kv_cache_page_size", self.kv_cache_page_size)
        check_fraction(owner, "device_memory_utilization", self.device_memory_utilization)
        swap = self.host_kvcache_swap_space_gb
        if isinstance(swap, bool) or not isinstance(swap, int | float) or swap < 0:
            raise ConfigError("host_kvcache_swap_space_gb", swap, "a number >= 0", owner=owner)
        fmt = self.kv_cache_format
        if fmt is not None and fmt not in KV_CACHE_FORMATS:
            allowed = ", ".join(d.value for d in KV_CACHE_FORMATS)
            raise ConfigError("kv_cache_format", fmt, f"None or one of {allowed}", owner=owner)


def pages_for_tokens(tokens: int, page_size: int) -> int:
    """Pages that hold ``tokens`` tokens."""
    return -(-tokens // page_size)


class KVCacheParams(msgspec.Struct, frozen=True, kw_only=True):
    """Geometry of one uniform group of cached layers, split over devices.

    With ``data_parallel_degree`` dp and n devices, each of the dp replicas spans
    ``n // dp`` devices (replica-major) over which KV heads are split (tensor parallel),
    or replicated when tp > n_kv_heads and tp % n_kv_heads == 0.
    """

    dtype: DType
    """Cache element type."""
    n_kv_heads: int
    """KV heads of the whole model (before the tensor-parallel split)."""
    head_dim: int
    """Elements per head (the latent width for MLA)."""
    num_layers: int
    """Layers in this cache."""
    devices: list[DeviceRef]
    """Devices of every replica, replica-major."""
    enable_prefix_caching: bool = False
    """Share full pages between requests with the same prefix."""
    enable_kvcache_swapping_to_host: bool = False
    """Move evicted prefix pages to host memory."""
    host_kvcache_swap_space_gb: float | None = None
    """Host memory for swapped pages, in GiB."""
    cache_strategy: KVCacheStrategy = KVCacheStrategy.PAGED
    """Layout strategy (must be resolved: not model_default)."""
    page_size: int = 128
    """Tokens per page."""
    is_mla: bool = False
    """Latent (multi-head latent attention) cache: one head, K only."""
    data_parallel_degree: int = 1
    """Independent replicas."""
    kvcache_quant_config: KVCacheQuantizationConfig | None = None
    """Scales for a quantized cache."""
    extra_key_dim: int = 0
    """Elements per token and layer of further keys cached beside K/V (a sparse-attention
    indexer's keys: heads x dim), in ``dtype``, whole on every device (not split by TP)."""

    def __post_init__(self) -> None:
        owner = "KVCacheParams"
        check_enum(owner, "dtype", self.dtype, DType)
        check_int(owner, "n_kv_heads", self.n_kv_heads)
        check_int(owner, "head_dim", self.head_dim)
        check_int(owner, "num_layers", self.num_layers)
        check_int(owner, "page_size", self.page_size)
        check_int(owner, "extra_key_dim", self.extra_key_dim, minimum=0)
        dp = check_int(owner, "data_parallel_degree", self.data_parallel_degree)
        strategy = check_enum(owner, "cache_strategy", self.cache_strategy, KVCacheStrategy)
        if not isinstance(self.devices, list) or not self.devices:
            raise ConfigError("devices", self.devices, "a non-empty list of devices", owner=owner)
        n = len(self.devices)
        if n < dp or n % dp:
            raise ConfigError(
                "data_parallel_degree",
                dp,
                f"a divisor of the number of devices ({n}); each replica takes n_devices // dp",
                owner=owner,
            )
        if strategy is KVCacheStrategy.MODEL_DEFAULT:
            raise ConfigError(
                "cache_strategy", strategy.value, "a resolved strategy ('paged')", owner=owner
            )
        if self.enable_prefix_caching and strategy is not KVCacheStrategy.PAGED:
            raise ConfigError(
                "cache_strategy", strategy.value, "'paged' when prefix caching is on", owner=owner
            )
        if self.enable_kvcache_swapping_to_host:
            if strategy is not KVCacheStrategy.PAGED:
                raise ConfigError(
                    "cache_strategy", strategy.value, "'paged' when swapping to host", owner=owner
                )
            if not self.enable_prefix_caching:
                raise ConfigError(
                    "enable_prefix_caching",
                    False,
                    "True when enable_kvcache_swapping_to_host is on",
                    owner=owner,
                )
            swap = self.host_kvcache_swap_space_gb
            if swap is None or isinstance(swap, bool) or swap <= 0:
                raise ConfigError(
                    "host_kvcache_swap_space_gb",
                    swap,
                    "a size > 0 (GiB) when swapping to host",
                    owner=owner,
                )
        tp = n // dp
        if self.is_mla:
            if self.n_kv_heads != 1:
                raise ConfigError("n_kv_heads", self.n_kv_heads, "1 for an MLA cache", owner=owner)
        elif self.n_kv_heads % tp and tp % self.n_kv_heads:
            raise ConfigError(
                "n_kv_heads",
                self.n_kv_heads,
                f"a multiple or a divisor of the tensor-parallel degree ({tp} = {n} devices "
                f"/ dp {dp})",
                owner=owner,
            )
        quant = self.kvcache_quant_config
        if quant is not None:
            if self.dtype.size_in_bits > 8:
                raise ConfigError(
                    "dtype",
                    self.dtype.value,
                    "an 8-bit or smaller dtype when quantized",
                    owner=owner,
                )
            if self.head_dim % quant.quantization_granularity:
                raise ConfigError(
                    "head_dim",
                    self.head_dim,
                    f"a multiple of quantization_granularity ({quant.quantization_granularity})",
                    owner=owner,
                )

    @property
    def n_devices(self) -> int:
        """Devices over all replicas."""
        return len(self.devices)

    @property
    def tp_degree(self) -> int:
        """Devices per replica."""
        return len(self.devices) // self.data_parallel_degree

    @property
    def kv_dim(self) -> int:
        """2 (K and V), or 1 for a latent MLA cache."""
        return 1 if self.is_mla else 2

    @property
    def n_kv_heads_per_device(self) -> int:
        """Heads each device holds; 1 when heads are replicated (tp > n_kv_heads)."""
        if self.is_mla:
            return 1
        return max(1, self.n_kv_heads // self.tp_degree)

    @property
    def shape_per_block(self) -> list[int]:
        """``[kv_dim, num_layers, page_size, heads_per_device, head_dim]`` on one device."""
        return [
            self.kv_dim,
            self.num_layers,
            self.page_size,
            self.n_kv_heads_per_device,
            self.head_dim,
        ]

    @property
    def scales_per_token_per_device(self) -> int:
        """Scale elements per token on one device (0 without quantization)."""
        quant = self.kvcache_quant_config
        if quant is None:
            return 0
        groups = self.head_dim // quant.quantization_granularity
        return self.kv_dim * self.num_layers * self.n_kv_heads_per_device * groups

    @property
    def bytes_per_token_per_device(self) -> int:
        """Cache bytes one token takes on one device, scales included."""
        elements = self.kv_dim * self.num_layers * self.n_kv_heads_per_device * self.head_dim
        elements += self.num_layers * self.extra_key_dim
        scales = self.scales_per_token_per_device
        scale_bytes = 0 if scales == 0 else self._scale_dtype.nbytes(scales)
        return self.dtype.nbytes(elements) + scale_bytes

    @property
    def bytes_per_token(self) -> int:
        """Cache bytes one token takes in one replica (all its TP devices)."""
        return self.bytes_per_token_per_device * self.tp_degree

    @property
    def bytes_per_block_per_device(self) -> int:
        """Bytes of one page on one device."""
        return self.bytes_per_token_per_device * self.page_size

    @property
    def bytes_per_block(self) -> int:
        """Bytes of one page across a replica's TP group."""
        return self.bytes_per_token * self.page_size

    @property
    def num_host_blocks(self) -> int:
        """Pages that fit the host swap space (swapping must be enabled)."""
        swap = self.host_kvcache_swap_space_gb
        if not self.enable_kvcache_swapping_to_host or swap is None:
            raise ConfigError(
                "enable_kvcache_swapping_to_host",
                self.enable_kvcache_swapping_to_host,
                "True with a swap size to count host blocks",
                owner="KVCacheParams",
            )
        blocks = int(swap * GIB) // self.bytes_per_block
        if blocks == 0:
            raise ConfigError(
                "host_kvcache_swap_space_gb",
                swap,
                f"room for at least one block ({self.bytes_per_block} bytes)",
                owner="KVCacheParams",
            )
        return blocks

    @property
    def _scale_dtype(self) -> DType:
        quant = self.kvcache_quant_config
        return DType.float32 if quant is None else quant.scale_dtype


AttentionKind = Literal["full", "sliding", "chunked"]


class KVCacheGroup(msgspec.Struct, frozen=True, kw_only=True):
    """A set of layers that share one geometry and one attention span."""

    params: KVCacheParams
    """Geometry of these layers (``params.num_layers == len(layer_indices)``)."""
    layer_indices: list[int]
    """Decoder layer indices in this group, ascending."""
    attention: AttentionKind = "full"
    """``full`` keeps every token; ``sliding``/``chunked`` keep at most ``window``."""
    window: int | None = None
    """Tokens visible to one query for sliding/chunked layers; None for full layers."""

    def __post_init__(self) -> None:
        owner = "KVCacheGroup"
        idx = self.layer_indices
        if (
            not isinstance(idx, list)
            or not idx
            or any(isinstance(i, bool) or not isinstance(i, int) or i < 0 for i in idx)
        ):
            raise ConfigError("layer_indices", idx, "a non-empty list of ints >= 0", owner=owner)
        if sorted(set(idx)) != idx:
            raise ConfigError("layer_indices", idx, "ascending without repeats", owner=owner)
        if self.params.num_layers != len(idx):
            raise ConfigError(
                "params.num_layers",
                self.params.num_layers,
                f"the number of layer_indices ({len(idx)})",
                owner=owner,
            )
        if self.attention not in ("full", "sliding", "chunked"):
            raise ConfigError(
                "attention", self.attention, "'full', 'sliding' or 'chunked'", owner=owner
            )
        if self.attention == "full":
            if self.window is not None:
                raise ConfigError("window", self.window, "None for full attention", owner=owner)
        else:
            check_int(owner, "window", self.window)

    def max_pages_per_sequence(self, max_seq_len: int) -> int:
        """Pages one sequence of ``max_seq_len`` tokens needs at once in this group."""
        page = self.params.page_size
        full = pages_for_tokens(max_seq_len, page)
        if self.window is None:
            return full
        return min(full, math.ceil((self.window - 1) / page) + 1)


class MultiKVCacheParams(msgspec.Struct, frozen=True, kw_only=True):
    """Cache geometry of a model whose layers fall in several groups."""

    groups: list[KVCacheGroup]
    """The groups; their layer indices are disjoint."""

    def __post_init__(self) -> None:
        owner = "MultiKVCacheParams"
        if not isinstance(self.groups, list) or not self.groups:
            raise ConfigError("groups", self.groups, "a non-empty list of groups", owner=owner)
        first = self.groups[0].params
        seen: set[int] = set()
        for g in self.groups:
            for name in ("devices", "data_parallel_degree", "page_size", "cache_strategy"):
                if getattr(g.params, name) != getattr(first, name):
                    raise ConfigError(
                        f"groups[].params.{name}",
                        getattr(g.params, name),
                        f"the same value in every group ({getattr(first, name)!r})",
                        owner=owner,
                    )
            overlap = seen.intersection(g.layer_indices)
            if overlap:
                raise ConfigError(
                    "groups[].layer_indices", sorted(overlap), "disjoint groups", owner=owner
                )
            seen.update(g.layer_indices)

    @property
    def num_layers(self) -> int:
        """Cached layers over all groups."""
        return sum(g.params.num_layers for g in self.groups)

    @property
    def page_size(self) -> int:
        """Tokens per page (shared by all groups)."""
        return self.groups[0].params.page_size

    @property
    def devices(self) -> list[DeviceRef]:
        """Devices (shared by all groups)."""
        return self.groups[0].params.devices

    @property
    def data_parallel_degree(self) -> int:
        """Replicas (shared by all groups)."""
        return self.groups[0].params.data_parallel_degree

    @property
    def bytes_per_token(self) -> int:
        """Bytes per token per replica if every group kept every token (windows ignored)."""
        return sum(g.params.bytes_per_token for g in self.groups)

    @property
    def bytes_per_block(self) -> int:
        """Bytes of one page in every group, per replica."""
        return sum(g.params.bytes_per_block for g in self.groups)
