"""An fp8 KV cache (``kv_cache_dtype="fp8"``): the Engine and ``PagedCache`` store e4m3 pages.

Truth is transformers' own ``generate`` with a cache that rounds every new K/V through
float8_e4m3fn before keeping it (what an fp8 cache with scale 1 holds), on a tiny float32
model on CPU. The engine's logits must equal that reference's up to float rounding, and be
measurably farther from the unrounded one's (the pages really hold fp8). No request is
preempted here: a recomputed prefill could round a K/V element the other way than the decode
step that first wrote it, which is fp8's error, not the engine's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import torch
from transformers.cache_utils import DynamicLayer, DynamicSlidingWindowLayer

from kvarch.errors import ConfigError
from kvarch.runtime.engine import Engine, SamplingParams
from kvarch.runtime.hf import PagedCache
from tests.oracle.truth import text_config
from tests.test_runtime_engine_families import (
    BUDGET,
    MAX_LEN,
    NEW,
    PAGE,
    TIE,
    assert_same_or_tie,
    prompts,
    reference,
    spy_logits,
    tiny_model,
)

pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]


def rounded(x: torch.Tensor) -> torch.Tensor:
    return x.to(torch.float8_e4m3fn).to(x.dtype)


@contextmanager
def fp8_dynamic_cache() -> Iterator[None]:
    """transformers' dynamic layers keep every new K/V rounded through e4m3."""
    originals = {cls: cls.update for cls in (DynamicLayer, DynamicSlidingWindowLayer)}

    def rounding(original: Any) -> Any:
        def update(self: Any, k: torch.Tensor, v: torch.Tensor, *a: Any, **kw: Any) -> Any:
            return original(self, rounded(k), rounded(v), *a, **kw)

        return update

    try:
        for cls, original in originals.items():
            cls.update = rounding(original)  # type: ignore[method-assign]
        yield
    finally:
        for cls, original in originals.items():
            cls.update = original  # type: ignore[method-assign]


def serve(variant_id: str, monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> tuple[Any, ...]:
    """(engine, prompts, outputs, logits seen per request) of an unpreempted fp8 engine."""
    model = tiny_model(variant_id)
    batch = prompts(int(text_config(model.config).vocab_size))
    engine = Engine(
        model,
        max_batch_size=len(batch),
        max_seq_len=MAX_LEN,
        page_size=PAGE,
        num_blocks=64,
        max_num_batched_tokens=BUDGET,
        kv_cache_dtype="fp8",
        **kwargs,
    )
    params = [SamplingParams(max_tokens=NEW, ignore_eos=True) for _ in batch]
    seen = spy_logits(monkeypatch, params)
    outs = engine.generate(batch, params)
    assert engine.stats.preemptions == 0
    return engine, batch, outs, seen


@pytest.mark.parametrize(
    "variant_id",
    [
        pytest.param("llama-gqa", id="llama-gqa"),
        pytest.param("gemma3-text", id="gemma3-sliding-and-full"),
        pytest.param("gpt-oss", id="gpt-oss-sinks"),
    ],
)
def test_engine_fp8_equals_generate_over_an_fp8_rounded_cache(
    variant_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, batch, outs, seen = serve(variant_id, monkeypatch)
    data = engine.cache.storage.data
    assert data and all(d.dtype == torch.float8_e4m3fn for d in data)
    ref = tiny_model(variant_id)
    farther = 0.0
    for i, (prompt, out) in enumerate(zip(batch, outs, strict=True)):
        assert out.finish_reason == "length", out.error
        got = torch.stack(seen[i])
        with fp8_dynamic_cache():
            want, logits = reference(ref, prompt, NEW)
        what = f"request {i} ({len(prompt)} tokens)"
        assert_same_or_tie(out.token_ids, want, logits, got, what)
        _, exact = reference(ref, prompt, NEW)
        farther = max(farther, float((got[0] - exact[0]).abs().max()))
    # the first token's logits (prefill) already differ from an unrounded cache's
    assert farther > 10 * TIE  # 0.013-0.025 on these models


def test_fp8_pages_hold_twice_the_tokens_of_bf16_in_the_same_bytes() -> None:
    model = tiny_model("llama-gqa").to(torch.bfloat16)
    sizes = {}
    for dtype in (None, "fp8", torch.float8_e5m2):
        cache = PagedCache.from_model(
            model, max_batch_size=256, max_seq_len=64, page_size=PAGE, free_bytes=1 << 20,
            kv_cache_dtype=dtype,
        )  # fmt: skip
        assert cache.plan is not None
        plan = cache.plan
        sizes[str(dtype)] = (plan.bytes_per_block_per_device[0], plan.blocks_per_group[0])
        want = model.dtype if dtype is None else torch.float8_e4m3fn if dtype == "fp8" else dtype
        assert cache.storage.data[0].dtype == want
    (bf16_bytes, bf16_blocks), (fp8_bytes, fp8_blocks) = sizes["None"], sizes["fp8"]
    assert fp8_bytes * 2 == bf16_bytes
    assert fp8_blocks >= 2 * bf16_blocks - 1  # one page of rounding
    assert sizes["torch.float8_e5m2"] == sizes["fp8"]


def test_mla_latents_in_fp8_serve_and_stay_close_to_the_unrounded_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """transformers caches DeepSeek's expanded per-head K/V, not the latent kvarch pages, so
    no transformers cache rounds the same tensor: the fp8 latent is checked against ``generate``
    of the unrounded model, within fp8's error, and the pages are fp8."""
    engine, batch, outs, seen = serve("deepseek-v3", monkeypatch)
    assert engine.cache.storage.data[0].dtype == torch.float8_e4m3fn
    ref = tiny_model("deepseek-v3")
    for i, prompt in enumerate(batch):
        assert outs[i].finish_reason == "length", outs[i].error
        _, exact = reference(ref, prompt, NEW)
        first = torch.stack(seen[i])[0]
        scale = float(exact[0].abs().max())
        assert 0 < float((first - exact[0]).abs().max()) < 0.05 * scale


@pytest.mark.parametrize(
    ("value", "field"),
    [("int8", "kv_cache_dtype"), (torch.int8, "kv_cache_dtype"), ("fp7", "fp7"), (3, "3")],
)
def test_a_cache_dtype_kvarch_cannot_store_is_refused_by_name(value: Any, field: str) -> None:
    model = tiny_model("llama-gqa")
    with pytest.raises((ConfigError, ValueError), match=field):
        Engine(model, max_batch_size=2, max_seq_len=32, num_blocks=8, kv_cache_dtype=value)


@pytest.mark.parametrize(
    ("variant_id", "what"),
    [("deepseek-v32", "indexer keys"), ("deepseek-v4-layer-types", "compressed entries")],
)
def test_fp8_is_refused_where_keys_would_be_cast_without_a_scale(
    variant_id: str, what: str
) -> None:
    model = tiny_model(variant_id)
    with pytest.raises(ConfigError, match=f"kv_cache_dtype.*{what}"):
        PagedCache.from_model(model, max_batch_size=2, max_seq_len=32, kv_cache_dtype="fp8")
