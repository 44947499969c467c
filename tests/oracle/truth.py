"""What a transformers model really caches, layer by layer: the oracle's truth side.

``cache_truth(config)`` builds a tiny random-weight model from a config object, runs one
forward pass with ``use_cache=True`` and reads every layer of the returned cache. It relies
only on attributes that transformers 5.17 and later share (``Cache.layers``, ``keys``/``values``
shaped ``[batch, heads, seq, dim]``, ``sliding_window`` on windowed layers, the attention
modules' ``is_kv_shared_layer``) and checks what it reads against the tokens it fed.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import torch
    from transformers import PretrainedConfig

__all__ = [
    "ConstantKeysError",
    "LayerTruth",
    "OracleError",
    "build_model",
    "cache_truth",
    "probe_length",
]

TruthKind = Literal["full", "sliding", "chunked", "compressed", "shared", "cross", "none"]

SEED = 0
MIN_TOKENS = 8
CROSS_TOKENS = 3  # vision/encoder states fed to cross-attention layers
ENCODER_TOKENS = 5  # encoder states fed to an encoder-decoder's decoder (not the probe length)


class OracleError(AssertionError):
    """The harness could not read a truthful answer from the model."""


class ConstantKeysError(OracleError):
    """Every cached key is the same number: the heads cannot be told apart."""


@dataclasses.dataclass(frozen=True)
class LayerTruth:
    """One decoder layer's cache, as transformers filled it."""

    index: int
    """Decoder layer index."""
    kind: TruthKind
    """What the layer caches."""
    window: int | None = None
    """Visible tokens of a sliding/chunked layer; None otherwise."""
    num_kv_heads: int = 0
    """Heads of the cached K/V (0 when the layer keeps no KV of its own)."""
    k_head_dim: int = 0
    """Last dim of the cached keys."""
    v_head_dim: int = 0
    """Last dim of the cached values."""
    kv_source: int | None = None
    """For a shared layer: the layer whose KV it reads, where transformers says so."""
    cached_tokens: int = 0
    """Sequence length held after the probe pass (diagnostic)."""
    cached_heads: int = 0
    """Heads in the cached tensors, broadcast copies included (diagnostic)."""
    extra_keys: tuple[tuple[str, int, int], ...] = ()
    """Further per-token keys the layer caches, as (name, heads, dim): a sparse-attention
    indexer's keys (``indexer_keys`` of transformers' ``DynamicIndexedLayer``, ``idx_keys`` of
    MiniMax-M3's sparse layers): any further tensor the cache layer holds a row per token of."""
    state: tuple[tuple[int, ...], ...] = ()
    """Shapes of the tensors the layer keeps per sequence, batch dim dropped: its conv states,
    then its recurrent states (``LinearAttentionLayer``), as transformers filled them."""
    cross: tuple[int, int, int] | None = None
    """(heads, K dim, V dim) of the encoder states' K/V the layer's cross-attention keeps
    (``EncoderDecoderCache.cross_attention_cache``, checked to hold one row per encoder state
    fed); None where it keeps none."""
    state_bytes: int = 0
    """Bytes of those tensors, each in the dtype transformers keeps it in."""
    compressed: tuple[tuple[str, int, int, int], ...] = ()
    """Caches grown by one entry per N tokens, as (name, N, heads, dim): DeepSeek-V4's
    ``compressed_kv`` (its compressor's entries, a CSA layer's indexer keys)."""

    def geometry(self) -> dict[str, Any]:
        """The fields kvarch's ``LayerSpec`` must equal."""
        return {
            "index": self.index,
            "kind": self.kind,
            "window": self.window,
            "num_kv_heads": self.num_kv_heads,
            "k_head_dim": self.k_head_dim,
            "v_head_dim": self.v_head_dim,
        }


_TRUTH_CACHE: dict[str, list[LayerTruth]] = {}


def cache_truth(config: PretrainedConfig, *, device: str = "cpu") -> list[LayerTruth]:
    """Per-layer cache geometry of the model ``config`` describes, read from a real forward pass.

    ``device="meta"`` runs full-size checkpoints as shapes only (no weights, no data): every
    field is still read from the cache, except that broadcast KV copies cannot be told apart,
    so ``num_kv_heads`` is then the cached head count.
    """
    key = f"{device}:{type(config).__name__}:{config.to_json_string(use_diff=False)}"
    if key not in _TRUTH_CACHE:
        model = build_model(config, device=device)
        try:
            _TRUTH_CACHE[key] = _read_truth(model, config, device)
        except ConstantKeysError:  # e.g. ZAYA's key scale starts at 0: give it evidence
            _randomize_zero_parameters(model)
            _TRUTH_CACHE[key] = _read_truth(model, config, device)
    return list(_TRUTH_CACHE[key])


def _randomize_zero_parameters(model: Any) -> None:
    """Draw every all-zero weight (a zero-initialised scale or projection) at random."""
    import torch

    generator = torch.Generator().manual_seed(SEED + 2)
    with torch.no_grad():
        for param in model.parameters():
            if param.numel() > 1 and not bool(param.any()):
                param.copy_(torch.randn(param.shape, generator=generator) * 0.5)


def build_model(config: PretrainedConfig, *, device: str = "cpu") -> Any:
    """A random-weight causal LM (eval; float32, or bfloat16 on meta) for ``config``."""
    import torch

    torch.manual_seed(SEED)
    dtype = torch.bfloat16 if device == "meta" else torch.float32  # meta grouped_mm wants bf16
    with torch.device(device):
        cls = _causal_lm_class(config)
        build = getattr(cls, "from_config", None) or cls._from_config  # Auto* vs model classes
        model = build(config, dtype=dtype)
    return model.eval()


def _causal_lm_class(config: PretrainedConfig) -> Any:
    """``AutoModelForCausalLM``, or the ``*ForCausalLM`` that a text sub-config (e.g.
    ``MllamaTextConfig``) serves without an auto-mapping entry."""
    import transformers
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    if config.model_type in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES:
        return transformers.AutoModelForCausalLM
    name = type(config).__name__.removesuffix("TextConfig").removesuffix("Config")
    found = getattr(transformers, f"{name}ForCausalLM", None)
    if found is None:  # a decoder sub-config: MusicgenDecoderConfig -> MusicgenForCausalLM
        found = getattr(transformers, f"{name.removesuffix('Decoder')}ForCausalLM", None)
    if found is None:
        raise OracleError(f"no causal LM class for {type(config).__name__}")
    return found


def text_config(config: PretrainedConfig) -> PretrainedConfig:
    """The decoder's own config (``text_config`` of a VLM, else the config itself)."""
    getter = getattr(config, "get_text_config", None)
    if getter is None:
        return config
    try:
        text: PretrainedConfig = getter(decoder=True)
    except TypeError:
        text = getter()
    return text


def probe_length(config: PretrainedConfig) -> int:
    """Tokens to feed so that every sliding/chunked window is exceeded."""
    text = text_config(config)
    windows = [
        w
        for name in (
            "sliding_window",
            "attention_chunk_size",
            "window_size",
            "attention_window_size",
        )
        for w in [getattr(text, name, None)]
        if isinstance(w, int) and not isinstance(w, bool) and w > 0
    ]
    return max([MIN_TOKENS, *(w + 3 for w in windows)])


def _read_truth(model: Any, config: PretrainedConfig, device: str) -> list[LayerTruth]:
    import torch

    text = text_config(config)
    length = probe_length(config)
    vocab = int(getattr(text, "vocab_size", 0) or getattr(config, "vocab_size", 0) or 128)
    generator = torch.Generator().manual_seed(SEED)
    ids = torch.randint(0, min(vocab, 100), (1, length), generator=generator).to(device)
    kwargs: dict[str, Any] = {"input_ids": ids, "use_cache": True}
    cross_layers = _cross_attention_layers(text)
    if cross_layers:
        kwargs.update(_cross_inputs(model, text, device))
    else:
        kwargs.update(_encoder_inputs(model, device))
    handed = _handed_cache(config)
    if handed is not None:
        kwargs[_cache_argument(model)] = handed
    with torch.no_grad():
        out = model(**kwargs)
    cache = _returned_cache(out)
    if cache is None:  # e.g. RecurrentGemma fills a cache it does not return: hand it one
        cache = _own_cache(model)
        if cache is not None:
            with torch.no_grad():
                model(**kwargs, **{_cache_argument(model): cache})
            if not any(k is not None and k.numel() for _, k, _ in _cache_entries(cache)):
                cache = None  # the model ignored it (e.g. openai-gpt keeps no cache at all)
    if cache is None:
        raise OracleError(f"{type(model).__name__} returned no cache with use_cache=True")
    num_layers = _num_layers(text) + _loop_slots(text)
    attn = _attention_modules(model, num_layers)
    entries = _cache_entries(cache)
    if hasattr(handed, "cross_attention_cache"):  # BLT: its local decoder's layers follow
        entries += _cache_entries(cache.cross_attention_cache)
    shared_tail = all(getattr(m, "is_kv_shared_layer", False) for m in attn[len(entries) :])
    if len(entries) < num_layers and (shared_tail or _state_tail(cache, len(entries), num_layers)):
        # transformers 5.17 keeps no slots for shared layers; MiniMax keeps its trailing
        # linear-attention layers' state in a separate list, with no KV slot
        entries += [(None, None, None)] * (num_layers - len(entries))
    if len(entries) != num_layers:
        raise OracleError(f"cache has {len(entries)} layers, config has {num_layers}")
    truth = [
        _layer_truth(
            i,
            entry,
            attn[i],
            attn,
            text,
            length + _prefix_tokens(text),
            i in cross_layers,
            device == "meta",
        )
        for i, entry in enumerate(entries)
    ]
    held = _module_states(model, num_layers)  # RecurrentGemma keeps its state in its modules
    held.update(_linear_cache_states(cache))  # MiniMax: in a list beside the KV layers
    truth = [
        dataclasses.replace(
            t, state=tuple(tuple(int(n) for n in x.shape[1:]) for x in held[t.index])
        )
        if held.get(t.index)
        else t
        for t in truth
    ]
    tensors = {i: _cache_states(layer) for i, (layer, _, _) in enumerate(entries)}
    tensors.update(held)
    truth = [
        dataclasses.replace(t, state_bytes=sum(x.numel() * x.element_size() for x in tensors[i]))
        for i, t in enumerate(truth)
    ]
    # BLT's handed cache keeps its local decoder in the cross half: self-attention (above)
    cross = [] if handed is not None else _cross_truth(cache, num_layers, device == "meta")
    return [dataclasses.replace(t, cross=cross[t.index]) if cross else t for t in truth]


def _encoder_inputs(model: Any, device: str) -> dict[str, torch.Tensor]:
    """``ENCODER_TOKENS`` random encoder states for a decoder with cross-attention to an
    encoder (an encoder-decoder's decoder, or an encoder run as a decoder with
    ``add_cross_attention``), under the name its forward takes (WhisperForCausalLM:
    ``encoder_outputs``); {} for a model without. They are as wide as the cross-attention's
    key projection reads (TrOCR's ``cross_attention_hidden_size`` may differ from its width)."""
    import torch

    params = inspect.signature(model.forward).parameters
    name = next((n for n in ("encoder_hidden_states", "encoder_outputs") if n in params), None)
    widths = {
        int(child.in_features)
        for module_name, module in model.named_modules()
        if any(p in module_name.lower() for p in ("encoder_attn", "crossattention", "cross_attn"))
        for child_name, child in module.named_children()
        if child_name in ("k_proj", "key", "key_proj", "k") and hasattr(child, "in_features")
    }
    if name is None or not widths:
        return {}
    if len(widths) != 1:
        raise OracleError(f"{type(model).__name__}: cross-attention key widths {sorted(widths)}")
    generator = torch.Generator().manual_seed(SEED + 3)
    dtype = next(model.parameters()).dtype
    states = torch.randn(1, ENCODER_TOKENS, widths.pop(), generator=generator, dtype=dtype)
    return {name: states.to(device)}


def _cross_truth(
    cache: Any, num_layers: int, shapes_only: bool
) -> list[tuple[int, int, int] | None]:
    """Per layer, (heads, K dim, V dim) of the cross-attention K/V an ``EncoderDecoderCache``
    holds ([] for a cache without a cross part); each must hold ``ENCODER_TOKENS`` rows."""
    cross = getattr(cache, "cross_attention_cache", None)
    if cross is None:
        return []
    entries = _cache_entries(cross)
    if any(k is not None for _, k, _ in entries[num_layers:]):
        raise OracleError(
            f"cross-attention cache fills {len(entries)} layers, config has {num_layers}"
        )
    entries = entries[:num_layers] + [(None, None, None)] * (num_layers - len(entries))
    out: list[tuple[int, int, int] | None] = []
    for index, (_, keys, values) in enumerate(entries):
        if keys is None or values is None:
            out.append(None)
            continue
        batch, heads, held, k_dim = keys.shape
        if held != ENCODER_TOKENS or tuple(values.shape[:3]) != (batch, heads, held):
            raise OracleError(
                f"layer {index}: cross K {tuple(keys.shape)}, V {tuple(values.shape)}; "
                f"fed {ENCODER_TOKENS} encoder states"
            )
        distinct = heads if shapes_only else _distinct_heads(index, keys, values)
        out.append((distinct, int(k_dim), int(values.shape[-1])))
    if len(out) != num_layers:
        raise OracleError(f"cross-attention cache has {len(out)} layers, config has {num_layers}")
    return out


def _cache_argument(model: Any) -> str:
    """The forward argument a cache goes in: transformers >= 5.24 names it ``cache``, 5.17
    ``past_key_values``."""
    return "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"


def _handed_cache(config: PretrainedConfig) -> Any:
    """A cache to hand a model whose own forward cannot build one: BLT (transformers 5.24's
    ``BltModel`` builds ``DynamicCache(config=BltConfig)``, which has no layer count). It keeps
    its local encoder's layers in the self-attention half and its local decoder's in the
    cross-attention half. Moshi builds its ``DynamicCache(config=...)`` only after its mask,
    whose packed-sequence check (run when there is no cache yet) calls ``.item()`` on meta: it
    gets the same cache up front. None for every other model."""
    from transformers import DynamicCache, EncoderDecoderCache

    model_type = getattr(config, "model_type", None)
    if model_type == "blt":
        return EncoderDecoderCache(DynamicCache(), DynamicCache())
    if model_type == "moshi":
        return DynamicCache(config=config)
    return None


def _prefix_tokens(text: PretrainedConfig) -> int:
    """Tokens a model caches ahead of the ones fed (CPM-Ant's ``prompt_length`` prompt)."""
    if getattr(text, "model_type", None) == "cpmant":
        return int(text.prompt_length)
    return 0


def _loop_slots(text: PretrainedConfig) -> int:
    """Extra cache slots of looped layers: each further pass through a looped section writes
    copies of that section's layers, appended after the decoder layers (Inkling2-Loop, Dory)."""
    total = getattr(text, "total_num_hidden_layers", None)
    layers = getattr(text, "num_hidden_layers", None)
    if isinstance(total, int) and isinstance(layers, int):
        return total - layers
    loops = getattr(text, "n_recurrent_loops", None)
    looped = getattr(text, "n_recurrent_layers", None)
    per_loop = getattr(text, "recurrent_kv_cache_mode", "per_loop") == "per_loop"
    if isinstance(loops, int) and isinstance(looped, int) and per_loop:
        return (loops - 1) * looped
    return 0


def _returned_cache(out: Any) -> Any:
    cache = getattr(out, "past_key_values", None)
    return cache if cache is not None else getattr(out, "cache", None)


def _own_cache(model: Any) -> Any:
    """A config-shaped ``DynamicCache`` to pass in (None where transformers cannot build one)."""
    from transformers import DynamicCache

    try:
        return DynamicCache(config=model.config)
    except (TypeError, ValueError, AttributeError):
        return None


def _num_layers(text: PretrainedConfig) -> int:
    if getattr(text, "model_type", None) == "blt":  # local encoder, then local decoder
        return int(text.encoder_config.num_hidden_layers + text.decoder_config.num_hidden_layers)
    # An encoder-decoder's decoder layers first (Whisper's num_hidden_layers is its encoder's),
    # where the config holds them: get_text_config(decoder=True) of a flat encoder-decoder
    # config deletes decoder_layers and writes the value to num_hidden_layers instead.
    own = vars(text)
    for name in ("decoder_layers", "num_decoder_layers"):
        if isinstance(own.get(name), int):
            return int(own[name])
    for name in ("num_hidden_layers", "n_layer", "num_layers", "n_layers"):
        value = getattr(text, name, None)
        if isinstance(value, int):
            return value
    raise OracleError(f"{type(text).__name__} names no layer count")


def _state_tail(cache: Any, start: int, stop: int) -> bool:
    """Whether layers ``start:stop``, past the last KV slot, each hold a recurrent state
    tensor (MiniMax's ``linear_cache``) and the cache counts exactly ``stop`` layers."""
    import torch

    states = getattr(cache, "linear_cache", None)
    return (
        isinstance(states, list)
        and len(states) == stop
        and all(isinstance(s, torch.Tensor) and s.numel() > 0 for s in states[start:stop])
    )


def _cache_entries(cache: Any) -> list[tuple[Any, torch.Tensor | None, torch.Tensor | None]]:
    """(layer object, keys, values) per layer, for transformers' cache classes."""
    if hasattr(cache, "self_attention_cache"):  # EncoderDecoderCache
        cache = cache.self_attention_cache
    layers = getattr(cache, "layers", None)
    if layers is not None:
        return [(lay, _tensor(lay, "keys"), _tensor(lay, "values")) for lay in layers]
    keys, values = getattr(cache, "key_cache", None), getattr(cache, "value_cache", None)
    if keys is not None and values is not None:  # older hybrid caches: parallel lists
        return [(None, _as_kv(k), _as_kv(v)) for k, v in zip(keys, values, strict=True)]
    if isinstance(cache, (tuple, list)):  # legacy tuple-of-tuples
        return [(None, _as_kv(kv[0]), _as_kv(kv[1])) for kv in cache]
    raise OracleError(f"cannot read layers of {type(cache).__name__}")


def _tensor(layer: Any, name: str) -> torch.Tensor | None:
    if getattr(layer, "is_initialized", True) is False:
        return None
    return _as_kv(getattr(layer, name, None))


def _as_kv(value: Any) -> torch.Tensor | None:
    """A cached K or V tensor, or None where the layer holds no per-token KV."""
    import torch

    if not isinstance(value, torch.Tensor) or value.dim() != 4 or value.numel() == 0:
        return None
    return value


def _attention_modules(model: Any, num_layers: int) -> list[Any]:
    """The self-attention module of each decoder layer (None where not found)."""
    found: dict[int, Any] = {}
    for _, module in model.named_modules():
        idx = getattr(module, "layer_idx", getattr(module, "layer_id", None))  # GPT-Neo: layer_id
        if not isinstance(idx, int) or idx in found or not 0 <= idx < num_layers:
            continue
        if any(
            hasattr(module, a) for a in ("is_kv_shared_layer", "k_proj", "qkv_proj", "kv_b_proj")
        ):
            found[idx] = module
    return [found.get(i) for i in range(num_layers)]


def _layer_truth(
    index: int,
    entry: tuple[Any, torch.Tensor | None, torch.Tensor | None],
    module: Any,
    modules: list[Any],
    text: PretrainedConfig,
    fed: int,
    is_cross: bool,
    shapes_only: bool,
) -> LayerTruth:
    layer, keys, values = entry
    if module is not None and getattr(module, "is_kv_shared_layer", False):
        return LayerTruth(index=index, kind="shared", kv_source=_kv_source(index, modules))
    state = _state_shapes(index, layer)
    if keys is None or values is None:
        return LayerTruth(index=index, kind="none", state=state)
    batch, heads, held, k_dim = keys.shape
    if tuple(values.shape[:3]) != (batch, heads, held):
        raise OracleError(f"layer {index}: K {tuple(keys.shape)} vs V {tuple(values.shape)}")
    distinct = heads if shapes_only else _distinct_heads(index, keys, values)
    dims = {
        "num_kv_heads": distinct,
        "k_head_dim": k_dim,
        "v_head_dim": int(values.shape[-1]),
        "cached_heads": heads,
    }
    dims["state"] = state
    if is_cross:
        if held != CROSS_TOKENS:
            raise OracleError(f"layer {index}: cross layer holds {held}, fed {CROSS_TOKENS} states")
        return LayerTruth(index=index, kind="cross", cached_tokens=held, **dims)
    window = getattr(layer, "sliding_window", None)
    if isinstance(window, int) and not isinstance(window, bool):
        if held != min(fed, window - 1):
            raise OracleError(f"layer {index}: window {window} but {held} of {fed} tokens held")
        compressed = _compressed_caches(index, layer, fed)
        if compressed:  # K and V one tensor: V takes no storage of its own
            dims["v_head_dim"] = 0 if values is keys else dims["v_head_dim"]
            return LayerTruth(
                index=index,
                kind="compressed",
                window=window,
                cached_tokens=held,
                compressed=compressed,
                **dims,
            )
        kind: TruthKind = "chunked" if _is_chunked(index, text) else "sliding"
        return LayerTruth(index=index, kind=kind, window=window, cached_tokens=held, **dims)
    if held != fed:
        raise OracleError(f"layer {index}: full layer holds {held} of {fed} tokens")
    extra = _indexer_keys(index, layer, fed)
    masked = _mask_window(module)
    if masked is not None:  # local attention through a mask; the cache keeps every token
        return LayerTruth(
            index=index, kind="sliding", window=masked, cached_tokens=held, extra_keys=extra, **dims
        )
    return LayerTruth(index=index, kind="full", cached_tokens=held, extra_keys=extra, **dims)


def _cache_states(layer: Any) -> list[torch.Tensor]:
    """The conv and recurrent state tensors a cache layer holds (``LinearAttentionLayer``)."""
    held = [getattr(layer, name, None) or {} for name in ("conv_states", "recurrent_states")]
    return [t for states in held for t in states.values() if t is not None]


def _state_shapes(index: int, layer: Any) -> tuple[tuple[int, ...], ...]:
    """The per-sequence tensors of a layer (conv states, then recurrent states, each without
    its batch dim of 1); () for a layer that keeps none."""
    shapes = []
    for name in ("conv_states", "recurrent_states"):
        held = getattr(layer, name, None) or {}
        for tensor in held.values():
            if tensor is None:
                continue
            if tensor.dim() < 2 or tensor.shape[0] != 1:
                raise OracleError(f"layer {index}: {name} {tuple(tensor.shape)}, batch 1 fed")
            shapes.append(tuple(int(n) for n in tensor.shape[1:]))
    return tuple(shapes)


#: Per-sequence tensors a model keeps on its own modules instead of in the cache (RecurrentGemma's
#: recurrent block: its conv window, then the RG-LRU's state), in that order.
MODULE_STATES = ("conv1d_state", "recurrent_states")


def _module_states(model: Any, num_layers: int) -> dict[int, list[torch.Tensor]]:
    """The ``MODULE_STATES`` tensors each decoder layer's modules hold after the probe pass;
    {} for a model whose decoder layers hold none."""
    import torch

    layers = getattr(getattr(model, "model", None), "layers", None)
    if not isinstance(layers, torch.nn.ModuleList) or len(layers) != num_layers:
        return {}
    out = {}
    for i, layer in enumerate(layers):
        shapes = [
            tensor
            for name in MODULE_STATES
            for module in layer.modules()
            for tensor in [getattr(module, name, None)]
            if isinstance(tensor, torch.Tensor)
        ]
        if shapes:
            out[i] = tuple(shapes)
    return out


def _linear_cache_states(cache: Any) -> dict[int, list[torch.Tensor]]:
    """The recurrent state MiniMax's cache keeps per layer in ``linear_cache`` (its
    lightning-attention layers' K^T V); {} for any other cache."""
    import torch

    states = getattr(cache, "linear_cache", None)
    if not isinstance(states, list):
        return {}
    return {i: [s] for i, s in enumerate(states) if isinstance(s, torch.Tensor) and s.numel() > 0}


def _compressed_caches(index: int, layer: Any, fed: int) -> tuple[tuple[str, int, int, int], ...]:
    """A layer's caches of one entry per ``compress_rate`` tokens (DeepSeek-V4's
    ``compressed_kv``: ``[batch, entries, dim]``), as (name, rate, heads, dim); () for none.
    Only complete windows make an entry: ``fed // rate`` of them."""
    caches = getattr(layer, "compressed_kv", None)
    rate = getattr(layer, "compress_rate", None)
    if not isinstance(caches, dict) or not isinstance(rate, int):
        return ()
    out = []
    for name, entries in caches.items():
        if entries is None or entries.dim() not in (3, 4) or entries.shape[1] != fed // rate:
            shape = None if entries is None else tuple(entries.shape)
            raise OracleError(f"layer {index}: {name} entries {shape}, {fed} tokens / {rate}")
        heads = 1 if entries.dim() == 3 else int(entries.shape[2])
        out.append((name, rate, heads, int(entries.shape[-1])))
    return tuple(out)


#: Cache-layer attributes that are not further per-token keys: K/V themselves, and what a
#: layer keeps beside them (qwen4_exp's indexer positions are integer and so skipped anyway).
_NOT_EXTRA_KEYS = frozenset({"keys", "values"})


def _extra_key_name(attr: str) -> str:
    """kvarch's ``extra_keys`` name for a cache-layer tensor: a sparse-attention indexer's
    keys (``indexer_keys`` of ``DynamicIndexedLayer``, ``idx_keys`` of MiniMax-M3's sparse
    layer) are "indexer"; anything else keeps its attribute name (kvarch then names none such,
    so the comparison shows it)."""
    lowered = attr.lower()
    return "indexer" if "index" in lowered or "idx" in lowered else attr


def _indexer_keys(index: int, layer: Any, fed: int) -> tuple[tuple[str, int, int], ...]:
    """The further per-token keys a full layer holds beside K/V, as ``((name, heads, dim),
    ...)``; () when it holds none.

    Found by what the cache layer holds, not by its class: every floating-point tensor
    attribute of three or four dims other than K/V that has a row per token fed.
    ``DynamicIndexedLayer.indexer_keys`` is ``[batch, tokens, dim]`` (one head) or ``[batch,
    tokens, heads, dim]``; MiniMax-M3's ``MiniMaxM3VLSparseCacheLayer.idx_keys`` is laid out
    as K/V, ``[batch, heads, tokens, dim]``. A tensor that fits neither, or both (heads equal
    to the tokens fed), is an ``OracleError``."""
    import torch

    found = []
    for attr, keys in sorted(vars(layer).items()):
        if attr in _NOT_EXTRA_KEYS or not isinstance(keys, torch.Tensor):
            continue
        if not keys.is_floating_point() or keys.dim() not in (3, 4) or keys.numel() == 0:
            continue
        shape = tuple(int(n) for n in keys.shape)
        if keys.dim() == 3:
            if shape[1] != fed:
                raise OracleError(f"layer {index}: {attr} {shape}, {fed} tokens fed")
            heads = 1
        elif (shape[1] == fed) == (shape[2] == fed):
            raise OracleError(f"layer {index}: {attr} {shape}: no one token axis of {fed}")
        else:
            heads = shape[2] if shape[1] == fed else shape[1]
        found.append((_extra_key_name(attr), heads, shape[-1]))
    return tuple(found)


def _mask_window(module: Any) -> int | None:
    """Tokens a layer sees when its attention applies a fixed local mask (GPT-Neo's ``bias``
    buffer) while the cache keeps every token; None when the mask is plain causal."""
    import torch

    mask = getattr(module, "bias", None)
    if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool or mask.dim() != 4:
        return None
    if mask.is_meta:
        raise OracleError("a local attention mask cannot be read on meta: use device='cpu'")
    visible = int(mask[0, 0, -1].sum())  # the last query row: positions it may attend
    return visible if 0 < visible < mask.shape[-1] else None


def _distinct_heads(index: int, keys: torch.Tensor, values: torch.Tensor) -> int:
    """KV heads the layer computes: a cache holding broadcast copies (Falcon's new
    architecture repeats each KV head per query group) counts each distinct head once."""
    heads = int(keys.shape[1])
    if heads > 1 and bool((keys == keys.flatten()[0]).all()):
        raise ConstantKeysError(f"layer {index}: constant keys, cannot tell heads apart")
    for groups in range(1, heads + 1):
        if heads % groups:
            continue
        repeat = heads // groups
        if all(_repeats(t, groups, repeat) for t in (keys, values)):
            return groups
    raise OracleError(f"layer {index}: no head grouping fits the cache")  # pragma: no cover


def _repeats(t: torch.Tensor, groups: int, repeat: int) -> bool:
    """Whether ``t`` ([b, heads, s, d]) is ``groups`` heads each repeated ``repeat`` times."""
    if repeat == 1:
        return True
    b, _, s, d = t.shape
    grouped = t.reshape(b, groups, repeat, s, d)
    return bool((grouped == grouped[:, :, :1]).all())


def _is_chunked(index: int, text: PretrainedConfig) -> bool:
    layer_types = getattr(text, "layer_types", None)
    if isinstance(layer_types, (list, tuple)) and index < len(layer_types):
        return bool(layer_types[index] == "chunked_attention")
    chunk, window = (
        getattr(text, "attention_chunk_size", None),
        getattr(text, "sliding_window", None),
    )
    return chunk is not None and not window


def _kv_source(index: int, modules: list[Any]) -> int | None:
    """The layer a KV-sharing layer reads (transformers 5.17 names it; later versions store it)."""
    module = modules[index]
    named = getattr(module, "kv_shared_layer_index", None)
    if isinstance(named, int):
        return named
    wanted = getattr(module, "layer_type", None) or getattr(module, "is_sliding", None)
    for j in range(index - 1, -1, -1):
        other = modules[j]
        if other is None or not getattr(other, "store_full_length_kv", False):
            continue
        if (getattr(other, "layer_type", None) or getattr(other, "is_sliding", None)) == wanted:
            return j
    return None


def _cross_attention_layers(text: PretrainedConfig) -> frozenset[int]:
    layers = getattr(text, "cross_attention_layers", None)
    return frozenset(layers) if isinstance(layers, (list, tuple)) else frozenset()


def _cross_inputs(model: Any, text: PretrainedConfig, device: str) -> dict[str, Any]:
    """Vision states for cross-attention layers, so that they fill their cache (on the model's
    device and in its dtype: bfloat16 on meta)."""
    import torch

    generator = torch.Generator().manual_seed(SEED + 1)
    hidden = int(text.hidden_size)
    dtype = next(model.parameters()).dtype
    states = torch.randn(1, CROSS_TOKENS, hidden, generator=generator, dtype=dtype)
    return {"cross_attention_states": states.to(device)}
