"""Attention options of the paged ops: softcap, sinks, chunk (and window); zero-length decode rows.

The torch reference (``ops.ref_*``) is checked against a float64 dense computation written here
after transformers' eager attention (Gemma-2's soft-cap, gpt-oss's sinks, masking_utils' chunked
and sliding-window masks; one test checks that dense copy against transformers itself). The
Triton path (``triton_ops``; under ``TRITON_INTERPRET=1`` on CPU, compiled on CUDA) is checked
against the reference on float32 caches. Pages no query can see are unmapped (-1) and every page
no row owns, the one before the cache included, holds NaN, so a stray read shows up in the output.
"""

from __future__ import annotations

import os
from types import SimpleNamespace
from typing import Any

import pytest
import torch

if not torch.cuda.is_available():
    os.environ.setdefault("TRITON_INTERPRET", "1")

from kvarch.runtime import ops, triton_ops
from kvarch.runtime.errors import BlockTableError, ShapeError

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
PAGE = 4
N_KV = 2
DIM = 16
# The interpreter computes in float32 exactly; compiled fp32 dots on CUDA use TF32.
TRITON_TOL = 2e-2 if DEVICE.type == "cuda" else 1e-4

# Option sets (sinks drawn per test as the named dtype); each one changes the output.
OPTIONS: dict[str, dict[str, Any]] = {
    "softcap": {"softcap": 2.0},
    "sinks_fp32": {"sinks": torch.float32},
    "sinks_bf16": {"sinks": torch.bfloat16},
    "chunk6": {"chunk": 6},
    "chunk8": {"chunk": 8},
    "window5": {"window": 5},
    "softcap_sinks_chunk7": {"softcap": 1.5, "sinks": torch.float32, "chunk": 7},
    "softcap_sinks_window9": {"softcap": 3.0, "sinks": torch.bfloat16, "window": 9},
}


def _rel_err(got: torch.Tensor, want: torch.Tensor) -> float:
    g, w = got.double(), want.double()
    return float((g - w).norm() / w.norm())


def _options(name: str, n_heads: int, gen: torch.Generator) -> dict[str, Any]:
    """The named option set with its sinks drawn (around +2, so they take a visible share)."""
    opts = dict(OPTIONS[name])
    if "sinks" in opts:
        sinks = torch.randn(n_heads, generator=gen) * 2 + 2
        opts["sinks"] = sinks.to(opts["sinks"]).to(DEVICE)
    return opts


def dense(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    q_pos: torch.Tensor,
    *,
    scale: float,
    window: int | None = None,
    chunk: int | None = None,
    softcap: float | None = None,
    sinks: torch.Tensor | None = None,
) -> torch.Tensor:
    """float64 eager attention: q ``[n, Hq, D]`` at ``q_pos`` over k/v ``[L, Hk, D]`` at 0..L-1.

    Gemma-2's order (scale, soft-cap, additive mask, softmax) and gpt-oss's sinks (one more
    logit per head in the softmax, dropped before the values); masks as masking_utils builds
    them (causal, and ``kv > q - window`` or ``kv // chunk == q // chunk``).
    """
    group = q.shape[1] // k.shape[1]
    qq = q.double().transpose(0, 1)
    kk = k.double().repeat_interleave(group, dim=1).transpose(0, 1)
    vv = v.double().repeat_interleave(group, dim=1).transpose(0, 1)
    weights = qq @ kk.transpose(1, 2) * scale
    if softcap is not None:
        weights = torch.tanh(weights / softcap) * softcap
    key_pos, pos = torch.arange(k.shape[0])[None, :], q_pos.cpu()[:, None]
    allowed = key_pos <= pos
    if window is not None:
        allowed &= key_pos > pos - window
    if chunk is not None:
        allowed &= key_pos // chunk == pos // chunk
    weights = weights + torch.zeros(allowed.shape, dtype=torch.float64).masked_fill(
        ~allowed, float("-inf")
    )
    if sinks is not None:
        sink = sinks.double().cpu().view(-1, 1, 1).expand(-1, q.shape[0], 1)
        logits = torch.cat([weights, sink], dim=-1)
        logits = logits - logits.max(dim=-1, keepdim=True).values
        probs = logits.softmax(dim=-1)[..., :-1]
    else:
        probs = weights.softmax(dim=-1)
    return (probs @ vv).transpose(0, 1)


class Cache:
    """Random float32 K/V of sequences ``lens`` in shuffled pages (on DEVICE), dense copies.

    ``first_seen[b]`` is the first position any query of row b may see: pages wholly before it
    are unmapped (-1), as sliding-window groups recycle them. Every page not mapped to a row,
    and a guard page just before the cache (block -1), holds NaN.
    """

    def __init__(
        self, lens: list[int], first_seen: list[int] | None = None, *, seed: int = 0,
        page: int = PAGE,
    ) -> None:  # fmt: skip
        gen = torch.Generator().manual_seed(seed)
        self.gen = gen
        first_seen = first_seen or [0] * len(lens)
        pages = [-(-n // page) for n in lens]
        blocks = sum(pages) + 3
        width = max(pages) + 1
        k_store = torch.full((blocks + 1, page, N_KV, DIM), float("nan"))
        v_store = torch.full_like(k_store, float("nan"))
        order = (torch.randperm(blocks, generator=gen) + 1).tolist()
        tables = torch.full((len(lens), width), -1, dtype=torch.int32)
        self.ks: list[torch.Tensor] = []
        self.vs: list[torch.Tensor] = []
        for row, n in enumerate(lens):
            k = torch.randn(n, N_KV, DIM, generator=gen)
            v = torch.randn(n, N_KV, DIM, generator=gen)
            for j in range(pages[row]):
                block = order.pop()
                if (j + 1) * page <= first_seen[row]:
                    continue  # recycled: NaN stays behind a -1 entry
                tables[row, j] = block - 1
                rows = slice(j * page, min(n, (j + 1) * page))
                k_store[block, : rows.stop - rows.start] = k[rows]
                v_store[block, : rows.stop - rows.start] = v[rows]
            self.ks.append(k)
            self.vs.append(v)
        self.k_cache = k_store.to(DEVICE)[1:]
        self.v_cache = v_store.to(DEVICE)[1:]
        self.tables = tables.to(DEVICE)
        self.seq_lens = torch.tensor(lens, dtype=torch.int32, device=DEVICE)

    def args(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.k_cache, self.v_cache, self.tables, self.seq_lens

    def q(self, tokens: int, heads: int) -> torch.Tensor:
        return (torch.randn(tokens, heads, DIM, generator=self.gen) * 2).to(DEVICE)


def _first_seen(q_first: int, window: int | None, chunk: int | None) -> int:
    """The first position a query at ``q_first`` (or later) may see."""
    if window is not None:
        return max(0, q_first - window + 1)
    if chunk is not None:
        return q_first // chunk * chunk
    return 0


# --- reference against float64 dense ---------------------------------------------------------


@pytest.mark.parametrize("group", [1, 3])
@pytest.mark.parametrize("name", list(OPTIONS))
def test_reference_decode_equals_dense(name: str, group: int) -> None:
    lens = [1, 5, 8, 13, 22]
    cache = Cache(lens, seed=1)
    opts = _options(name, N_KV * group, cache.gen)
    q = cache.q(len(lens), N_KV * group)
    out = torch.full((len(lens), N_KV * group, DIM), float("nan"), device=DEVICE)
    got = ops.ref_paged_decode(q, *cache.args(), scale=DIM**-0.5, out=out, **opts)
    assert got is out
    changed = 0.0
    for b, n in enumerate(lens):
        pos = torch.tensor([n - 1])
        want = dense(q[b : b + 1], cache.ks[b], cache.vs[b], pos, scale=DIM**-0.5, **opts)
        torch.testing.assert_close(out[b : b + 1].cpu().double(), want, atol=1e-5, rtol=1e-5)
        plain = dense(q[b : b + 1], cache.ks[b], cache.vs[b], pos, scale=DIM**-0.5)
        changed = max(changed, _rel_err(want, plain))
    assert changed > 0.05, "the options must change some row, or the test proves nothing"


@pytest.mark.parametrize("group", [1, 2])
@pytest.mark.parametrize("name", list(OPTIONS))
def test_reference_prefill_equals_dense(name: str, group: int) -> None:
    lens, n_queries = [5, 13, 9, 1, 22], [5, 4, 9, 1, 7]
    cache = Cache(lens, seed=2)
    opts = _options(name, N_KV * group, cache.gen)
    starts = [0, *torch.tensor(n_queries).cumsum(0).tolist()]
    qsl = torch.tensor(starts, dtype=torch.int32, device=DEVICE)
    q = cache.q(starts[-1], N_KV * group)
    out = ops.ref_paged_prefill(q, *cache.args(), qsl, scale=DIM**-0.5, **opts)
    for b, (n, nq) in enumerate(zip(lens, n_queries, strict=True)):
        rows = slice(starts[b], starts[b + 1])
        pos = torch.arange(n - nq, n)
        want = dense(q[rows], cache.ks[b], cache.vs[b], pos, scale=DIM**-0.5, **opts)
        torch.testing.assert_close(out[rows].cpu().double(), want, atol=1e-5, rtol=1e-5)


def test_dense_oracle_is_transformers_eager_attention() -> None:
    """The dense copy above against Gemma-2's and gpt-oss's eager attention and masking_utils."""
    from transformers.masking_utils import (
        chunked_causal_mask_function,
        sliding_window_causal_mask_function,
    )
    from transformers.models.gemma2.modeling_gemma2 import eager_attention_forward as gemma2
    from transformers.models.gpt_oss.modeling_gpt_oss import eager_attention_forward as gpt_oss

    gen = torch.Generator().manual_seed(3)
    n_kv, group, length, n = 2, 3, 19, 6
    q = torch.randn(n, n_kv * group, DIM, generator=gen, dtype=torch.float64) * 2
    k = torch.randn(length, n_kv, DIM, generator=gen, dtype=torch.float64)
    v = torch.randn(length, n_kv, DIM, generator=gen, dtype=torch.float64)
    sinks = torch.randn(n_kv * group, generator=gen, dtype=torch.float64) * 2 + 2
    q_pos = torch.arange(length - n, length)
    idx = torch.tensor(0)
    masks = {
        "window": sliding_window_causal_mask_function(5),
        "chunk": chunked_causal_mask_function(7, torch.zeros(1, dtype=torch.long)),
    }
    module = SimpleNamespace(num_key_value_groups=group, training=False, sinks=sinks)
    for kind, fn in masks.items():
        allowed = fn(idx, idx, q_pos[:, None], torch.arange(length)[None, :])
        mask = torch.zeros(1, 1, n, length, dtype=torch.float64)
        mask = mask.masked_fill(~allowed, torch.finfo(torch.float64).min)
        heads_first = (q.transpose(0, 1)[None], k.transpose(0, 1)[None], v.transpose(0, 1)[None])
        local = {kind: 5 if kind == "window" else 7}
        got, _ = gemma2(module, *heads_first, mask, scaling=0.3, softcap=1.5)
        want = dense(q, k, v, q_pos, scale=0.3, softcap=1.5, **local)
        torch.testing.assert_close(got[0], want, atol=1e-6, rtol=1e-6)  # its softmax is fp32
        got, _ = gpt_oss(module, *heads_first, mask, scaling=0.3)
        want = dense(q, k, v, q_pos, scale=0.3, sinks=sinks, **local)
        torch.testing.assert_close(got[0], want, atol=1e-10, rtol=1e-10)


def test_bad_options_raise_typed_errors() -> None:
    cache = Cache([5, 7])
    q = cache.q(2, 4)
    qsl = torch.tensor([0, 1, 2], dtype=torch.int32, device=DEVICE)
    bad: list[tuple[str, dict[str, Any]]] = [
        ("chunk", {"window": 4, "chunk": 4}),
        ("chunk", {"chunk": 0}),
        ("window", {"window": 0}),
        ("softcap", {"softcap": 0.0}),
        ("sinks", {"sinks": torch.zeros(2, device=DEVICE)}),
    ]
    for name, opts in bad:
        for fn in (ops.ref_paged_decode, triton_ops.paged_decode):
            with pytest.raises(ShapeError, match=name):
                fn(q, *cache.args(), scale=0.25, **opts)
        for fn in (ops.ref_paged_prefill, triton_ops.paged_prefill):
            with pytest.raises(ShapeError, match=name):
                fn(q, *cache.args(), qsl, scale=0.25, **opts)
    with pytest.raises(BlockTableError, match="seq_lens"):  # the reference validates on CPU
        zero = torch.tensor([0, 7], dtype=torch.int32)
        ops.ref_paged_decode(q.cpu(), cache.k_cache.cpu(), None, cache.tables.cpu(), zero, scale=1)


# --- Triton (interpreter on CPU) against the reference ---------------------------------------


@pytest.mark.parametrize("splits", [1, 4])
@pytest.mark.parametrize("group", [1, 4])
@pytest.mark.parametrize("name", list(OPTIONS))
def test_triton_decode_equals_reference(name: str, group: int, splits: int) -> None:
    lens = [1, 6, 13, 30, 45]
    local = OPTIONS[name].get("window"), OPTIONS[name].get("chunk")
    cache = Cache(lens, [_first_seen(n - 1, *local) for n in lens], seed=4)
    opts = _options(name, N_KV * group, cache.gen)
    q = cache.q(len(lens), N_KV * group)
    want = ops.ref_paged_decode(q, *cache.args(), scale=DIM**-0.5, **opts)
    out = torch.full_like(want, float("nan"))
    launch = triton_ops.DecodeLaunch(splits=splits, block_n=16)
    triton_ops.paged_decode(q, *cache.args(), scale=DIM**-0.5, out=out, launch=launch, **opts)
    assert not out.isnan().any(), "an output was never written, or a stray page was read"
    assert _rel_err(out, want) < TRITON_TOL


@pytest.mark.parametrize("group", [1, 2])
@pytest.mark.parametrize("name", list(OPTIONS))
def test_triton_prefill_equals_reference(name: str, group: int) -> None:
    lens, n_queries = [5, 14, 9, 1, 27], [5, 4, 9, 1, 19]
    local = OPTIONS[name].get("window"), OPTIONS[name].get("chunk")
    first_seen = [_first_seen(n - nq, *local) for n, nq in zip(lens, n_queries, strict=True)]
    cache = Cache(lens, first_seen, seed=5)
    opts = _options(name, N_KV * group, cache.gen)
    starts = [0, *torch.tensor(n_queries).cumsum(0).tolist()]
    qsl = torch.tensor(starts, dtype=torch.int32, device=DEVICE)
    q = cache.q(starts[-1], N_KV * group)
    want = ops.ref_paged_prefill(q, *cache.args(), qsl, scale=DIM**-0.5, **opts)
    out = torch.full_like(want, float("nan"))
    launch = triton_ops.PrefillLaunch(block_q=4, block_n=16)
    triton_ops.paged_prefill(q, *cache.args(), qsl, scale=DIM**-0.5, out=out, launch=launch, **opts)
    assert not out.isnan().any(), "an output was never written, or a stray page was read"
    assert _rel_err(out, want) < TRITON_TOL


@pytest.mark.parametrize("splits", [1, 4])
@pytest.mark.parametrize("name", ["plain", "softcap_sinks_chunk7", "softcap_sinks_window9"])
def test_triton_decode_zero_length_padding_rows(name: str, splits: int) -> None:
    """Rows of length 0 (table all -1, q NaN) read nothing and give 0; the others are right."""
    lens = [9, 0, 23, 0]
    live = [0, 2]
    local = OPTIONS.get(name, {}).get("window"), OPTIONS.get(name, {}).get("chunk")
    cache = Cache(lens, [_first_seen(max(n - 1, 0), *local) for n in lens], seed=6)
    assert bool((cache.tables[[1, 3]] == -1).all())
    opts = _options(name, N_KV * 4, cache.gen) if name in OPTIONS else {}
    q = cache.q(len(lens), N_KV * 4)
    q[[1, 3]] = float("nan")
    out = torch.full((len(lens), N_KV * 4, DIM), float("nan"), device=DEVICE)
    launch = triton_ops.DecodeLaunch(splits=splits, block_n=16)
    triton_ops.paged_decode(q, *cache.args(), scale=DIM**-0.5, out=out, launch=launch, **opts)
    assert bool((out[[1, 3]] == 0).all()), "padding rows must be finite zeros"
    k_cache, v_cache, tables, seq_lens = cache.args()
    want = ops.ref_paged_decode(
        q[live], k_cache, v_cache, tables[live], seq_lens[live], scale=DIM**-0.5, **opts
    )
    assert _rel_err(out[live], want) < TRITON_TOL


def test_triton_decode_allocates_no_constants_per_call() -> None:
    """Absent or float scales are tensors made once and reused (CUDA-graph friendly)."""
    q = torch.randn(2, 4, DIM, device=DEVICE)
    assert triton_ops._scales(None, None, 2, q)[:2] == (q, q)
    ones = triton_ops._scale_tensor("k_scale", None, 2, DEVICE)
    assert ones is triton_ops._scale_tensor("k_scale", None, 2, DEVICE) and float(ones) == 1.0
    k_scale, v_scale, quantized, per_head = triton_ops._scales(0.37, None, 2, q)
    assert quantized and not per_head and v_scale is ones
    again = triton_ops._scales(0.37, 2.0, 2, q)[0]
    assert k_scale is again and float(k_scale) == pytest.approx(0.37)
    device_scale = torch.tensor(1.6, device=DEVICE)
    found = triton_ops._scale_tensor("v_scale", device_scale, 2, DEVICE)
    assert found.data_ptr() == device_scale.data_ptr()
