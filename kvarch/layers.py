"""Per-layer KV geometry: what each decoder layer keeps in its cache."""

from __future__ import annotations

import math
from typing import Literal

import msgspec

from kvarch.dtype import DType

__all__ = ["Compressed", "CrossKV", "ExtraKeys", "LayerKind", "LayerSpec", "Layout", "State"]

LayerKind = Literal["full", "sliding", "chunked", "compressed", "shared", "cross", "none"]
"""``full``/``sliding``/``chunked``: self-attention keeping all / a window / a chunk of tokens;
``compressed``: a window of tokens' K/V plus one entry per N tokens of each ``compressed`` cache;
``shared``: reuses another layer's KV; ``cross``: attends to encoder or vision states only;
``none``: keeps no KV (SSM, linear attention)."""

#: Kinds that store K/V for every generated token.
PER_TOKEN_KINDS: frozenset[str] = frozenset({"full", "sliding", "chunked", "compressed"})


class ExtraKeys(msgspec.Struct, frozen=True, kw_only=True):
    """Keys a layer caches per token beside its K/V, in the cache dtype: e.g. the keys of a
    sparse-attention indexer (DeepSeek-V3.2's DSA: one head of ``index_head_dim``)."""

    name: str
    """What they are (the schema's name for them, e.g. ``indexer``)."""
    num_heads: int
    """Heads per token (>= 1)."""
    head_dim: int
    """Elements per head (>= 1)."""

    @property
    def elements(self) -> int:
        """Elements per token."""
        return self.num_heads * self.head_dim


class Compressed(msgspec.Struct, frozen=True, kw_only=True):
    """A cache a layer grows by one entry per ``every`` tokens, in the cache dtype: e.g. a
    compressor's pooled K=V entries (DeepSeek-V4: one per 4 or 128 tokens) or an indexer's keys
    of those entries."""

    name: str
    """What it is (the schema's name for it, e.g. ``compressor`` or ``indexer``)."""
    every: int
    """Tokens per entry (>= 1)."""
    num_heads: int
    """Heads per entry (>= 1)."""
    head_dim: int
    """Elements per head (>= 1)."""

    @property
    def elements(self) -> int:
        """Elements per entry."""
        return self.num_heads * self.head_dim

    def bytes_per_token(self, dtype: DType) -> int:
        """Bytes per token: an entry's bytes over ``every``, rounded up (never short)."""
        return -(-dtype.nbytes(self.elements) // self.every)


class State(msgspec.Struct, frozen=True, kw_only=True):
    """A tensor a layer keeps per sequence, whatever its length: a Mamba mixer's convolution
    window or SSM state, a linear-attention or RG-LRU recurrent state (vLLM v1: ``MambaSpec``)."""

    name: str
    """What it is (the schema's name for it, e.g. ``conv`` or ``ssm``)."""
    shape: tuple[int, ...]
    """Its shape for one sequence (every dim >= 1), as transformers' cache holds it without the
    batch dim."""
    dtype: DType | None = None
    """Its element type where the model fixes one (Inkling's float32 convolutions); None: the
    cache dtype."""

    @property
    def elements(self) -> int:
        """Elements per sequence."""
        return math.prod(self.shape)

    def nbytes(self, cache_dtype: DType) -> int:
        """Bytes per sequence: in its own dtype, else ``cache_dtype``."""
        return (self.dtype or cache_dtype).nbytes(self.elements)


class CrossKV(msgspec.Struct, frozen=True, kw_only=True):
    """The K/V a decoder layer's cross-attention keeps of the encoder's states: one row per
    encoder position, computed once per request and never grown by decoding (vLLM v1:
    ``CrossAttentionSpec``; transformers: ``EncoderDecoderCache.cross_attention_cache``)."""

    num_kv_heads: int
    """KV heads (>= 1)."""
    k_head_dim: int
    """K elements per head (>= 1)."""
    v_head_dim: int
    """V elements per head (>= 1)."""

    @property
    def elements(self) -> int:
        """Elements per encoder position (K and V)."""
        return self.num_kv_heads * (self.k_head_dim + self.v_head_dim)


class LayerSpec(msgspec.Struct, frozen=True, kw_only=True):
    """The cache of one decoder layer."""

    index: int
    """Decoder layer index."""
    kind: LayerKind
    """What the layer caches."""
    window: int | None = None
    """Visible tokens for sliding/chunked layers; None otherwise."""
    num_kv_heads: int = 0
    """KV heads (0 for a layer that keeps no KV of its own)."""
    k_head_dim: int = 0
    """K elements per head (0 for a layer that keeps no KV of its own)."""
    v_head_dim: int = 0
    """V elements per head (0 for a layer that keeps no KV of its own)."""
    kv_source: int | None = None
    """For a shared layer: the layer whose KV it reads."""
    extra_keys: tuple[ExtraKeys, ...] = ()
    """Further per-token keys the layer caches beside its K/V (e.g. an indexer's keys)."""

    state: tuple[State, ...] = ()
    """Tensors the layer keeps per sequence (recurrent state), of any kind."""
    compressed: tuple[Compressed, ...] = ()
    """Caches a ``compressed`` layer grows by one entry per N tokens, beside its window."""

    cross: CrossKV | None = None
    """The K/V of the encoder's states this layer's cross-attention keeps beside its own
    self-attention cache (encoder–decoder decoders); None: no cross-attention."""

    @property
    def cross_elements(self) -> int:
        """Elements of ``cross`` per encoder position (0 without cross-attention)."""
        return 0 if self.cross is None else self.cross.elements

    @property
    def state_elements(self) -> int:
        """Elements of ``state`` per sequence."""
        return sum(t.elements for t in self.state)

    def state_bytes(self, dtype: DType) -> int:
        """Bytes of ``state`` per sequence, each tensor in its own dtype or ``dtype``."""
        return sum(t.nbytes(dtype) for t in self.state)

    @property
    def extra_key_elements(self) -> int:
        """Elements of ``extra_keys`` per token."""
        return sum(e.elements for e in self.extra_keys)

    def bytes_per_token(self, dtype: DType) -> int:
        """Bytes this layer adds to the cache per token (0 unless it caches per token),
        its extra keys included, and each compressed cache's entry bytes over its N tokens
        (rounded up per cache)."""
        if self.kind not in PER_TOKEN_KINDS:
            return 0
        kv = self.num_kv_heads * (self.k_head_dim + self.v_head_dim)
        amortized = sum(c.bytes_per_token(dtype) for c in self.compressed)
        return dtype.nbytes(kv + self.extra_key_elements) + amortized

    def compressed_elements_per_token(self) -> int:
        """Elements per token of the compressed caches, each rounded up (an entry's elements
        over its N tokens): what the paged groups budget for them."""
        return sum(-(-c.elements // c.every) for c in self.compressed)


class Layout(msgspec.Struct, frozen=True, kw_only=True):
    """A model's cache, layer by layer (what ``kvarch.inspect`` returns)."""

    architecture: str
    """Name of the generated config class."""
    model_max_seq_len: int
    """Longest sequence the model supports."""
    layers: list[LayerSpec]
    """One entry per decoder layer."""
    dtype: DType = DType.bfloat16
    """Element type ``bytes_per_token`` was computed for."""
    bytes_per_token: int = 0
    """Cache bytes per token over all layers, in ``dtype``."""
    state_bytes_per_sequence: int = 0
    """Recurrent-state bytes per sequence over all layers, in ``dtype``."""
    encoder_len: int = 0
    """Most encoder positions one sequence's cross-attention reads (0: no cross-attention)."""
    cross_bytes_per_sequence: int = 0
    """Cross-attention K/V bytes per sequence over all layers at ``encoder_len`` positions, in
    ``dtype`` (not in ``bytes_per_token``: it does not grow with the decoded tokens)."""
