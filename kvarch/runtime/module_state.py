"""Recurrent state a model keeps on its own modules, held in kvarch's ``StateStore``.

recurrent_gemma's recurrent blocks never call their cache layer: each keeps its conv window
(``conv1d_state``) and RG-LRU state (``rg_lru.recurrent_states``) as module attributes, one
row per batch row, replaced on every forward. ``hold_module_state`` hooks such modules: before
a forward handed a cache with a ``StateStore`` holding the block's layer, the attributes are
set to the store's bound rows (``StateStore.tensor``; views in ``generate``, gathered rows in
the Engine); after it, the new tensors the module left there are copied back into those rows
and the attributes cleared, so the model keeps nothing per sequence between forwards. A
forward with another cache (or none) runs as transformers wrote it.
"""

from __future__ import annotations

import re
from typing import Any

import torch
from torch import Tensor

from kvarch.runtime.errors import ShapeError
from kvarch.runtime.state import StateStore

__all__ = ["MODULE_STATE", "hold_module_state"]

MODULE_STATE: dict[str, tuple[str, dict[str, str]]] = {
    "recurrent_gemma": (
        "RecurrentGemmaRecurrentBlock",
        {"conv": "conv1d_state", "rg_lru": "rg_lru.recurrent_states"},
    ),
}
"""model_type -> (the class of the modules keeping state, declared state name -> attribute
path on that module)."""

_LAYER = re.compile(r"(?:^|\.)layers\.(\d+)\.")
_HOOKED = "_kvarch_module_state"


def hold_module_state(model: Any, model_type: str) -> None:
    """Hook ``model``'s state-keeping modules (see the module docstring); idempotent."""
    found = MODULE_STATE.get(model_type)
    if found is None:
        return
    class_name, attrs = found
    for name, module in model.named_modules():
        if type(module).__name__ != class_name or getattr(module, _HOOKED, False):
            continue
        match = _LAYER.search(name + ".")
        if match is None:
            raise ShapeError("module name", name, "a module under a decoder layer (layers.<i>.)")
        _hook(module, int(match.group(1)), attrs)
        setattr(module, _HOOKED, True)


def _store(kwargs: dict[str, Any], layer: int) -> StateStore | None:
    # transformers 5.24 names the cache argument ``cache``; 5.17 ``past_key_values``
    cache = kwargs.get("cache", kwargs.get("past_key_values"))
    store = getattr(cache, "state", None)
    return store if isinstance(store, StateStore) and layer in store.specs else None


def _hook(module: torch.nn.Module, layer: int, attrs: dict[str, str]) -> None:
    def before(mod: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        store = _store(kwargs, layer)
        if store is None:
            return
        if store.rows is None:  # generate: rows 0..batch-1 from the first forward
            store.bind_batch(int(args[0].shape[0]))
        for j, state in enumerate(store.specs[layer]):
            _set(mod, attrs[state.name], store.tensor(layer, j))

    def after(mod: Any, args: tuple[Any, ...], kwargs: dict[str, Any], out: Any) -> None:
        store = _store(kwargs, layer)
        if store is None:
            return
        for j, state in enumerate(store.specs[layer]):
            path = attrs[state.name]
            new: Tensor | None = _get(mod, path)
            held = store.tensor(layer, j)
            if new is not None and new is not held:
                if new.shape != held.shape:
                    raise ShapeError(
                        f"layer {layer} state {state.name!r}", tuple(new.shape),
                        f"{tuple(held.shape)} as the schema's layers.state declares",
                    )  # fmt: skip
                held.copy_(new)
            _set(mod, path, None)

    module.register_forward_pre_hook(before, with_kwargs=True)
    module.register_forward_hook(after, with_kwargs=True)


def _get(module: Any, path: str) -> Any:
    for part in path.split("."):
        module = getattr(module, part)
    return module


def _set(module: Any, path: str, value: Tensor | None) -> None:
    *owners, last = path.split(".")
    for part in owners:
        module = getattr(module, part)
    setattr(module, last, value)
