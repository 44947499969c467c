"""Which decoder layers ``PagedCache`` pages, and which keep transformers' own layer objects.

Without a cache argument, ``generate`` gives a model ``DynamicCache(config=text_config)``
(unless the model class builds its own cache). Each decoder layer of that cache is matched
against kvarch's plan: per-token K/V (a ``DynamicLayer`` for full/MLA layers, a
``DynamicSlidingWindowLayer`` for sliding and chunked ones, with the schema's window) is
paged, and so is an indexed layer (full K/V plus a sparse-attention indexer's keys, paged
beside them: ``hf_indexed``; told by its class's indexer-key update, ``is_indexed``:
``DynamicIndexedLayer``, MiniMax-M3's sparse layers) and a compressed layer's
``DeepseekV4*Cache`` (a ``DynamicSlidingWindowLayer`` whose window is paged, kvarch keeping
its compressed caches: ``hf_compressed``). A window layer transformers keeps whole (a plain
``DynamicLayer``: gpt_neo's local layers) is paged whole (``widen_unkept_windows``), and a
looped model's per-loop cache copies (dory) are schema slots past the decoder layers. A
linear-attention layer (``LinearAttentionLayer``, or ``LinearAttentionAnd*AttentionLayer``
beside paged K/V) whose schema declares ``layers.state`` keeps that state in kvarch's
``StateStore`` (``stateful``). Layers kvarch neither pages nor holds keep transformers' object
(delegated): ``DummyLayer`` (shared-KV layers), a ``LinearAttentionLayer`` whose state the
schema does not declare, and a ``DynamicLayer`` of fixed cross-attention states. Anything else
(attention and undeclared SSM state in one layer object, a window transformers keeps otherwise)
is refused with ``UnsupportedCacheError``.
"""

from __future__ import annotations

import copy
from typing import Any

import msgspec
from transformers import cache_utils
from transformers.cache_utils import DynamicCache, DynamicLayer, DynamicSlidingWindowLayer

from kvarch.kv_cache import MultiKVCacheParams
from kvarch.runtime.errors import UnsupportedCacheError
from kvarch.runtime.module_state import MODULE_STATE

__all__ = [
    "GATHERED",
    "INDEXER_UPDATES",
    "LINEAR_MIXIN",
    "OWN_CACHE",
    "OWN_STEPS",
    "SHARED_ATTENTION",
    "cacheless",
    "default_layers",
    "delegated_layers",
    "gathered_reason",
    "indexed_layers",
    "is_indexed",
    "packs_dense",
    "reads_layer_tensors",
    "stateful_layers",
    "text_config",
    "widen_unkept_windows",
]

# transformers >= 5.2x: layers without per-token K/V (absent from older versions).
_DUMMY: type | None = getattr(cache_utils, "DummyLayer", None)
_LINEAR: type | None = getattr(cache_utils, "LinearAttentionLayer", None)
LINEAR_MIXIN: type | None = getattr(cache_utils, "LinearAttentionCacheLayerMixin", None)
"""transformers' base of linear-attention cache layers (5.17 and 5.24 have it)."""
_WITH_ATTENTION: dict[type, type] = {
    getattr(cache_utils, name): base
    for name, base in (
        ("LinearAttentionAndFullAttentionLayer", DynamicLayer),
        ("LinearAttentionAndSlidingWindowAttentionLayer", DynamicSlidingWindowLayer),
    )
    if hasattr(cache_utils, name)
}
"""transformers' attention-plus-state layers, by the attention layer they extend."""
INDEXER_UPDATES = ("update_indexer", "update_index")
"""The methods by which a cache layer class takes a sparse-attention indexer's keys beside its
K/V: ``DynamicIndexedLayer.update_indexer`` (deepseek_v32, glm_moe_dsa, qwen4_exp, ...),
``MiniMaxM3VLSparseCacheLayer.update_index`` (minimax_m3_vl_text)."""


GATHERED: dict[str, str] = {
    "diffllama": "it splits V after the cache update and attends twice (differential attention)",
    "git": "its attention classes do not dispatch through AttentionInterface",
    "hrm_text": "its cache slots are layer_idx plus a recurrent cycle offset",
    "dory": "its looped layers write cache slots past their layer_idx (per_loop) or read the "
    "past from its cache layers' tensors (last_loop)",
    "moshi": "its depth decoder reuses the cache under other layer indices",
    "inkling_text": "its attention adds a relative-position bias (position_bias) to the scores",
    "inkling2_text": "its attention adds a relative-position bias (position_bias) to the scores",
    "inkling2_loop_text": "its attention adds a relative-position bias (position_bias) to the "
    "scores",
    "deepseek_v4": "its attention concatenates compressed entries onto the K/V its cache update "
    "returns",
}
"""Families whose modules use the K/V a cache update returns beyond one attention call: their
``PagedCache`` returns K/V gathered from the pages (correct, slower)."""


OWN_STEPS: dict[str, str] = {
    "xlm": "its generate appends a mask token to every step's input",
    "cpmant": "its cache holds learned prompt tokens before each sequence's own",
}
"""Families whose ``generate`` feeds the model more than the sequence's tokens: ``PagedCache``
serves them in ``generate``; the Engine, which feeds each sequence's tokens, refuses them."""


SHARED_ATTENTION: dict[str, frozenset[str]] = {
    "zamba": frozenset({"ZambaAttention"}),
    "zamba2": frozenset({"Zamba2Attention"}),
}
"""Families whose attention modules are shared by several decoder layers (zamba's shared
transformer blocks): each call passes its hybrid layer's index to the cache, and the module's
own ``layer_idx`` is None or -1. ``attention.share_attention`` lets them read the pages."""

OWN_CACHE: dict[str, tuple[str, str]] = {
    "minimax": ("transformers.models.minimax.modeling_minimax", "MiniMaxCache"),
}
"""Families whose model refuses any cache but its own class (module, class): with their state
declared, ``own_caches.paged_cache_class`` gives a ``PagedCache`` of that class."""


def cacheless(delegated: dict[int, Any], kinds: dict[int, str]) -> set[int]:
    """Delegated ``DummyLayer``s of layers that keep nothing (kind ``none`` without state:
    nemotron_h's MLP and MoE blocks), as opposed to shared-KV layers."""
    return {i for i, layer in delegated.items() if type(layer) is _DUMMY and kinds.get(i) == "none"}


def gathered_reason(
    model: Any, delegated: dict[int, Any], kinds: dict[int, str] | None = None
) -> str | None:
    """Why ``model`` cannot attend straight from the pages (None when it can); ``kinds``
    (kvarch's layer kinds) tells cache-less layers from shared-KV ones."""
    model_type = str(getattr(text_config(model), "model_type", ""))
    if model_type in GATHERED:
        return GATHERED[model_type]
    empty = cacheless(delegated, kinds or {})
    if _DUMMY is not None and any(
        type(layer) is _DUMMY for i, layer in delegated.items() if i not in empty
    ):
        return "shared-KV layers reuse the K/V their source layer's update returns"
    return None


def packs_dense(model: Any, delegated: dict[int, Any]) -> bool:
    """Whether a gathered model's packed (engine) steps can return dense K/V that every
    attention call over them serves per sequence: diffllama (attends twice over the K/V its
    update returns), dory's per_loop slots (written under layer_idx plus an offset) and
    shared-KV layers (``DummyLayer``s reuse their source's K/V). Not dory's last_loop: its
    earlier loops read the layers' K/V of the previous step, packed differently."""
    model_type = str(getattr(text_config(model), "model_type", ""))
    if model_type == "diffllama" and not delegated:
        return True
    if model_type == "dory" and not delegated:  # per_loop: slots past layer_idx, found by K/V
        return not reads_layer_tensors(model)
    return bool(delegated) and all(type(layer) is _DUMMY for layer in delegated.values())


def text_config(model: Any) -> Any:
    """The decoder's config (``text_config`` of a VLM, else the model's config)."""
    config = model.config
    getter = getattr(config, "get_text_config", None)
    if getter is None:
        return config
    try:
        return getter(decoder=True)
    except TypeError:
        return getter()


def default_layers(model: Any, num_layers: int) -> tuple[list[Any], int]:
    """The layer objects of the cache ``generate`` builds for ``model`` by default, padded to
    ``num_layers``, and how many it really has (0: no layer structure in the config)."""
    text = text_config(model)
    layers = list(DynamicCache(config=text).layers)
    layers += _loop_copies(text, layers)
    if not layers:  # no layer structure in the config: every layer a DynamicLayer
        return [DynamicLayer() for _ in range(num_layers)], 0
    passes = getattr(text, "loop_num_passes", None)
    if isinstance(passes, int) and passes > 1 and len(layers) < num_layers:
        # inkling2_loop: each pass after the first gets copies of the looped layers' cache,
        # appended after the model's layers (the schema counts them)
        loop = layers[text.loop_layer_index_start : text.loop_layer_index_end]
        layers += [copy.deepcopy(layer) for layer in loop * (passes - 1)]
    pad = _DUMMY or DynamicLayer  # older transformers: no slots for trailing shared layers
    return layers + [pad() for _ in range(num_layers - len(layers))], len(layers)


def stateful_layers(
    model: Any, reference: list[Any], states: dict[int, tuple[Any, ...]]
) -> set[int]:
    """Layers whose recurrent state kvarch holds: the schema declares their ``layers.state``
    and transformers' default cache (``reference``, from ``default_layers``) gives them a
    linear-attention layer object, or their modules keep it (``MODULE_STATE``: whatever layer
    object the cache has there goes unused; transformers 5.17 gives recurrent_gemma sliding
    ones)."""
    if str(getattr(text_config(model), "model_type", "")) in MODULE_STATE:
        return {i for i in range(len(reference)) if states.get(i)}
    if LINEAR_MIXIN is None:
        return set()
    return {
        i for i, layer in enumerate(reference) if isinstance(layer, LINEAR_MIXIN) and states.get(i)
    }


def reads_layer_tensors(model: Any) -> bool:
    """Whether the model reads its cache layers' ``keys``/``values`` itself: dory with
    ``recurrent_kv_cache_mode='last_loop'`` (its earlier loops attend over the last loop's
    past without writing). Its layers are gathered (``GATHERED``), so they hold that K/V."""
    return getattr(text_config(model), "recurrent_kv_cache_mode", None) == "last_loop"


def _loop_copies(text: Any, layers: list[Any]) -> list[Any]:
    """The cache layers a looped model (dory, ``recurrent_kv_cache_mode='per_loop'``) appends
    on its first forward: its recurrent section's layers once more for every further loop.
    ``PagedCache`` holds those slots from the start (the schema lists them), so the model
    finds its cache longer than its layers and appends nothing."""
    loops = int(getattr(text, "n_recurrent_loops", 1) or 1)
    if getattr(text, "recurrent_kv_cache_mode", None) != "per_loop" or loops < 2:
        return []
    start = int(text.n_input_layers)
    return layers[start : start + int(text.n_recurrent_layers)] * (loops - 1)


def is_indexed(layer: Any) -> bool:
    """Whether transformers' cache ``layer`` is an indexed one, by its class's features (no
    family list): a ``DynamicLayer`` that keeps every token (not a window) and whose class adds
    an indexer-key update (``INDEXER_UPDATES``): ``DynamicIndexedLayer``, MiniMax-M3's
    ``MiniMaxM3VLSparseCacheLayer``. It holds full K/V plus the indexer's keys, both of which
    ``hf_indexed.PagedIndexedLayer`` pages."""
    cls = type(layer)
    if not issubclass(cls, DynamicLayer) or issubclass(cls, DynamicSlidingWindowLayer):
        return False
    return any(callable(getattr(cls, name, None)) for name in INDEXER_UPDATES)


def indexed_layers(reference: list[Any]) -> set[int]:
    """Layers transformers keeps in an indexed cache layer (``is_indexed``: K/V plus indexer
    keys)."""
    return {i for i, layer in enumerate(reference) if is_indexed(layer)}


def widen_unkept_windows(
    reference: list[Any], params: MultiKVCacheParams
) -> tuple[MultiKVCacheParams, list[int]]:
    """``params`` with window groups paged whole where transformers keeps every token, and
    those groups' layers.

    A sliding group whose layers transformers caches in a plain ``DynamicLayer`` (gpt_neo's
    local layers: the module masks the window itself, reading its key positions from the
    number of keys it gets) must get every token back, so its pages keep them all: a full
    group, sized as one. The cache then returns gathered K/V (the module's own attention and
    mask run), never paged attention, which would not mask the window.
    """
    groups, widened = [], []
    for g in params.groups:
        keeps_all = all(type(reference[i]) is DynamicLayer for i in g.layer_indices)
        if g.window is not None and keeps_all:
            g = msgspec.structs.replace(g, attention="full", window=None)
            widened += g.layer_indices
        groups.append(g)
    return MultiKVCacheParams(groups=groups), sorted(widened)


def _paged_problem(
    layer: Any, window: int | None, stateful: bool, compressed: bool = False
) -> str | None:
    """Why a paged layer with ``window`` would not reproduce ``layer`` (None if it would);
    ``compressed``: kvarch holds the layer's compressed caches beside its window."""
    want = DynamicLayer if window is None else DynamicSlidingWindowLayer
    if stateful and _WITH_ATTENTION.get(type(layer)) is want:
        want = type(layer)
    if compressed and window is not None and isinstance(layer, want):
        want = type(layer)  # DeepseekV4HCACache / CSACache: a window plus compressed caches
    indexed = window is None and is_indexed(layer)
    if type(layer) is not want and not indexed:
        return f"transformers caches them in {type(layer).__name__}, not a {want.__name__}"
    got = getattr(layer, "sliding_window", None)
    if got != window:
        return f"transformers keeps a window of {got} tokens, the schema pages {window}"
    return None


def delegated_layers(
    model: Any,
    defaults: tuple[list[Any], int],
    *,
    num_layers: int,
    windows: dict[int, int | None],
    kinds: dict[int, str],
    stateful: set[int] | frozenset[int] = frozenset(),
) -> dict[int, Any]:
    """transformers' own layer objects for the layers not paged; refuses what cannot be held.

    ``defaults``: ``default_layers`` (the layer objects and how many transformers really has);
    ``windows``: paged layer index -> window (None for full); ``kinds``: kvarch's layer kinds
    (empty when the geometry was given by hand); ``stateful``: layers whose state kvarch holds
    (``stateful_layers``). Raises ``UnsupportedCacheError``.
    """
    model_type = str(getattr(model.config, "model_type", type(model).__name__))
    reference, slots = defaults
    unpaged = [i for i in range(num_layers) if i not in windows]
    supports = getattr(model, "_supports_default_dynamic_cache", lambda: True)
    if not supports() and not (model_type in OWN_CACHE and stateful):
        kind = next((kinds[i] for i in unpaged if i in kinds), kinds.get(0, "full"))
        raise UnsupportedCacheError(
            model_type,
            kind,
            [i for i in range(num_layers) if kinds.get(i, kind) == kind],
            f"{type(model).__name__} keeps its own cache class in generate, not a DynamicCache",
        )
    problems: dict[tuple[str, str], list[int]] = {}
    delegated: dict[int, Any] = {}
    for i, layer in enumerate(reference):
        known = kinds.get(i)
        if i in windows and 0 < slots <= i:
            continue  # transformers' default cache has no slot (WhisperForCausalLM: it sizes
            # its layers by encoder_layers); paged as the schema says
        if i in windows:
            why = _paged_problem(layer, windows[i], i in stateful, known == "compressed")
            if why is not None:
                problems.setdefault((known or "full", why), []).append(i)
        elif i in stateful:
            continue  # kvarch's StateLayer (``stateful_layers`` says which layers qualify)
        elif type(layer) in (_DUMMY, _LINEAR) or (
            type(layer) is DynamicLayer and known in ("cross", None)
        ):
            delegated[i] = layer
        else:
            why = f"transformers keeps them in {type(layer).__name__}, which kvarch cannot hold"
            problems.setdefault((known or "unpaged", why), []).append(i)
    if problems:  # the first problem, with every layer that has it
        (kind, why), layers = next(iter(problems.items()))
        raise UnsupportedCacheError(model_type, kind, layers, why)
    return delegated
