"""The start-up step ``adapt``: one match of a model against its schema for both
``PagedCache.from_model`` and the ``Engine``."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from kvarch.runtime import hf_layers
from kvarch.runtime.adapt import adapt
from kvarch.runtime.engine import Engine
from kvarch.runtime.hf import PagedCache, arch_for_model
from tests.test_runtime_engine_families import tiny_model

pytestmark = pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning")


def count_default_caches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    built: list[int] = []
    real = hf_layers.DynamicCache

    def counting(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hf_layers, "DynamicCache", counting)
    return built


@pytest.mark.parametrize("variant_id", ["qwen3-next-layer-types", "deepseek-v32", "gpt-neo"])
def test_transformers_default_cache_is_built_once_per_construction(
    variant_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = tiny_model(variant_id)
    built = count_default_caches(monkeypatch)
    PagedCache.from_model(model, max_batch_size=2, max_seq_len=32, page_size=4,
                          free_bytes=1 << 30)  # fmt: skip
    assert len(built) == 1
    Engine(model, max_batch_size=2, max_seq_len=32, page_size=4, num_blocks=16)
    assert len(built) == 2


@pytest.mark.parametrize(
    ("variant_id", "why"),
    [
        ("dots3-note-text", "top-k selection reaches attention on layers that are not latent"),
        ("qwen4-exp-text-interval", "top-k selection reaches attention on layers that are not"),
        ("deepseek-v32", None),  # indexer keys beside an MLA latent: attention reads the pages
        ("gpt-neo-local-first", "keeps its window layers whole"),
    ],
)
def test_why_attention_cannot_read_the_pages_follows_the_layout(
    variant_id: str, why: str | None
) -> None:
    model = tiny_model(variant_id)
    adapted = adapt(model, arch_for_model(model, page_size=4))
    if why is None:
        assert adapted.gathered is None
    else:
        assert adapted.gathered is not None and why in adapted.gathered


def test_state_kept_on_modules_is_declared_state_kvarch_holds() -> None:
    model = tiny_model("recurrent-gemma")
    adapted = adapt(model, arch_for_model(model, page_size=4))
    recurrent = {i for i, kind in adapted.kinds.items() if kind == "none"}
    assert recurrent and adapted.stateful == recurrent and not adapted.delegated
    store = adapted.state_store(model, max_seqs=3)
    assert store is not None and set(store.specs) == recurrent
    assert all(p.shape[0] == 3 for ps in store.pools.values() for p in ps)
    assert {p.dtype for ps in store.pools.values() for p in ps} == {torch.float32}
