"""Triton fast paths (kvarch.runtime.triton_ops) against the torch reference (kvarch.runtime.ops).

Unmarked tests use tiny shapes and run anywhere: without CUDA under ``TRITON_INTERPRET=1``.
Tests marked ``gpu`` use serving-sized shapes and need CUDA (run by benchmarks/gpu_suite.py).
Every case draws fresh random data, leaves unused block-table entries at -1 and poisons outputs.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import torch

if not torch.cuda.is_available():
    os.environ.setdefault("TRITON_INTERPRET", "1")

from kvarch.runtime import cuda_fp8, ops, triton_ops
from kvarch.runtime.errors import ShapeError

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")
FP8 = torch.float8_e4m3fn
E5M2 = torch.float8_e5m2
gpu = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


def _rel_err(got: torch.Tensor, want: torch.Tensor) -> float:
    """‖got − want‖ / ‖want‖ in float64 (NaN if got has NaN)."""
    g, w = got.double(), want.double()
    return float((g - w).norm() / w.norm())


class Paged:
    """A random paged K/V cache with scattered pages and one block-table row per sequence."""

    def __init__(
        self,
        seq_lens: list[int],
        *,
        page: int,
        n_kv: int,
        dim: int,
        dtype: torch.dtype = torch.bfloat16,
        latent: bool = False,
        window: int | None = None,
        spare_blocks: int = 3,
        per_head_scales: bool = False,
    ) -> None:
        width = max(-(-n // page) for n in seq_lens) + 1
        needed = sum(-(-n // page) for n in seq_lens)
        blocks = needed + spare_blocks
        shape = (blocks, page, n_kv, dim)
        self.k_scale: float | torch.Tensor | None = None
        self.v_scale: torch.Tensor | None = None
        self.per_head_scales = per_head_scales
        self.k_cache = self._random(shape, dtype)
        self.v_cache = None if latent else self._random(shape, dtype)
        order = torch.randperm(blocks)[:needed].tolist()
        table = torch.full((len(seq_lens), width), -1, dtype=torch.int32)
        for row, n in enumerate(seq_lens):
            first_live = 0 if window is None else max(0, n - window - page) // page
            for j in range(-(-n // page)):
                block = order.pop()
                table[row, j] = block if j >= first_live else -1
        self.block_tables = table.to(DEVICE)
        self.seq_lens = torch.tensor(seq_lens, dtype=torch.int32, device=DEVICE)

    def _random(self, shape: tuple[int, ...], dtype: torch.dtype) -> torch.Tensor:
        x = torch.randn(shape, device=DEVICE)
        if dtype.itemsize == 1:
            if self.per_head_scales:  # spread over a decade, so a wrong head's scale shows
                heads = shape[2]
                self.k_scale = torch.logspace(-1, 0, heads, device=DEVICE)
                self.v_scale = torch.logspace(0, -1, heads, device=DEVICE)
                x = x * torch.logspace(0, 1, heads, device=DEVICE)[:, None]
            else:
                self.k_scale, self.v_scale = 0.37, torch.tensor(1.6, device=DEVICE)
            return x.to(dtype)
        return x.to(dtype)

    def args(self) -> tuple[torch.Tensor, torch.Tensor | None, torch.Tensor, torch.Tensor]:
        """(k_cache, v_cache, block_tables, seq_lens)."""
        return self.k_cache, self.v_cache, self.block_tables, self.seq_lens

    def scales(self) -> dict[str, Any]:
        """The fp8 scale keywords (empty for bf16/fp16 caches)."""
        if self.k_scale is None:
            return {}
        return {"k_scale": self.k_scale, "v_scale": self.v_scale}


def _sinks(heads: int, level: float) -> torch.Tensor:
    """gpt-oss-like sink logits (bf16, one per q head) around ``level``."""
    return (torch.randn(heads, device=DEVICE) + level).to(torch.bfloat16)


def _without(opts: dict[str, Any], options: dict[str, Any] | None) -> dict[str, Any]:
    """``opts`` less the keys of ``options``."""
    return {k: v for k, v in opts.items() if k not in (options or {})}


def _options_matter(want: torch.Tensor, plain: torch.Tensor, options: dict[str, Any]) -> None:
    """The options change the reference's output (else a test of them proves nothing)."""
    if options:
        assert _rel_err(plain, want) > 0.05, f"{sorted(options)} barely change these inputs"


def _check_decode(
    cache: Paged,
    group: int,
    *,
    window: int | None = None,
    v_head_dim: int | None = None,
    launch: triton_ops.DecodeLaunch | None = None,
    options: dict[str, Any] | None = None,
    q_dtype: torch.dtype = torch.bfloat16,
) -> None:
    batch, n_kv, dim = cache.block_tables.shape[0], cache.k_cache.shape[2], cache.k_cache.shape[3]
    q = torch.randn(batch, n_kv * group, dim, device=DEVICE).to(q_dtype)
    opts: dict[str, Any] = {"scale": dim**-0.5, "window": window, **cache.scales()}
    if v_head_dim is not None:
        opts["v_head_dim"] = v_head_dim
    opts.update(options or {})
    want = ops.ref_paged_decode(q, *cache.args(), **opts)
    plain = ops.ref_paged_decode(q, *cache.args(), **_without(opts, options))
    _options_matter(want, plain, options or {})
    out = torch.full_like(want, float("nan"))
    got = triton_ops.paged_decode(q, *cache.args(), out=out, launch=launch, **opts)
    assert got is out
    assert not out.isnan().any(), "some outputs were never written"
    assert _rel_err(out, want) < 2e-2


def _check_prefill(
    cache: Paged,
    q_lens: list[int],
    group: int,
    *,
    window: int | None = None,
    launch: triton_ops.PrefillLaunch | None = None,
    options: dict[str, Any] | None = None,
) -> None:
    n_kv, dim = cache.k_cache.shape[2], cache.k_cache.shape[3]
    starts = [0]
    for n in q_lens:
        starts.append(starts[-1] + n)
    qsl = torch.tensor(starts, dtype=torch.int32, device=DEVICE)
    q = torch.randn(starts[-1], n_kv * group, dim, device=DEVICE).to(torch.bfloat16)
    opts: dict[str, Any] = {"scale": dim**-0.5, "window": window, **cache.scales()}
    opts.update(options or {})
    want = ops.ref_paged_prefill(q, *cache.args(), qsl, **opts)
    plain = ops.ref_paged_prefill(q, *cache.args(), qsl, **_without(opts, options))
    _options_matter(want, plain, options or {})
    out = torch.full_like(want, float("nan"))
    triton_ops.paged_prefill(q, *cache.args(), qsl, out=out, launch=launch, **opts)
    assert not out.isnan().any(), "some outputs were never written"
    assert _rel_err(out, want) < 2e-2


def _check_write(
    page: int, n_kv: int, dim: int, dtype: torch.dtype, tokens: int, *, strided: bool = False
) -> None:
    blocks = -(-tokens // page) + 2
    layers = 3 if strided else 1
    # A layer-major [layers, 2, blocks, page, heads, dim] pool: per-layer views are strided.
    pool = torch.randn(blocks, layers, 2, page, n_kv, dim, device=DEVICE).to(dtype)
    k_cache, v_cache = pool[:, layers // 2, 0], pool[:, layers // 2, 1]
    slots = torch.randperm(blocks * page, device=DEVICE)[:tokens]
    slots[torch.rand(tokens, device=DEVICE) < 0.2] = -1
    scale = {"k_scale": 0.5, "v_scale": torch.tensor(2.0, device=DEVICE)} if dtype == FP8 else {}
    if dtype == FP8:  # values exact after scaling, so the cast itself cannot round differently
        k = torch.randn(tokens, n_kv, dim, device=DEVICE).to(FP8).float() * 0.5
        v = torch.randn(tokens, n_kv, dim, device=DEVICE).to(FP8).float() * 2.0
    else:
        k = torch.randn(tokens, n_kv, dim, device=DEVICE).to(dtype)
        v = torch.randn(tokens, n_kv, dim, device=DEVICE).to(dtype)
    want = pool.clone()
    ops.ref_write_kv(want[:, layers // 2, 0], want[:, layers // 2, 1], k, v, slots, **scale)
    triton_ops.write_kv(k_cache, v_cache, k, v, slots, **scale)
    assert torch.equal(pool.view(torch.uint8), want.view(torch.uint8)), "bit-exact, others intact"


# --- tiny shapes: interpreter on CPU, compiled on CUDA ---------------------------------------


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16, FP8])
def test_write_kv_matches_reference_and_skips_padding(dtype: torch.dtype) -> None:
    _check_write(page=4, n_kv=2, dim=16, dtype=dtype, tokens=13, strided=True)


@pytest.mark.parametrize("dtype", [FP8, E5M2])
def test_write_kv_fp8_per_head_scales_saturate_at_the_dtype_limit(dtype: torch.dtype) -> None:
    cache = torch.zeros(2, 4, 2, 16, device=DEVICE, dtype=dtype)
    k_scale = torch.tensor([0.5, 4.0], device=DEVICE)
    # Exact after scaling (so rounding modes cannot differ), a third far past the dtype's max.
    k = torch.randn(6, 2, 16, device=DEVICE).to(dtype).float() * k_scale[:, None]
    far = torch.rand(6, 2, 16, device=DEVICE) < 0.3  # past any fp8 max whatever k's magnitude
    k[far] = torch.where(k[far] < 0, -1e9, 1e9)
    slots = torch.tensor([0, 1, 2, -1, 5, 7], device=DEVICE)
    want = cache.clone()
    ops.ref_write_kv(want, None, k, None, slots, k_scale=k_scale)
    triton_ops.write_kv(cache, None, k, None, slots, k_scale=k_scale)
    assert torch.equal(cache.view(torch.uint8), want.view(torch.uint8))
    assert float(cache.float().abs().max()) == torch.finfo(dtype).max


def test_write_kv_latent_only() -> None:
    latent = torch.randn(4, 4, 1, 24, device=DEVICE).to(torch.bfloat16)
    want = latent.clone()
    k = torch.randn(5, 1, 24, device=DEVICE).to(torch.bfloat16)
    slots = torch.tensor([3, 7, -1, 15, 0], device=DEVICE)
    ops.ref_write_kv(want, None, k, None, slots)
    triton_ops.write_kv(latent, None, k, None, slots)
    assert torch.equal(latent, want)


@pytest.mark.parametrize("group", [1, 4, 8])
@pytest.mark.parametrize("splits", [1, 4])
def test_decode_gqa_ragged_lengths(group: int, splits: int) -> None:
    cache = Paged([1, 7, 22], page=4, n_kv=2, dim=32)
    launch = triton_ops.DecodeLaunch(splits=splits, block_n=16)
    _check_decode(cache, group, launch=launch)


def test_decode_sliding_window_ignores_recycled_pages() -> None:
    cache = Paged([3, 17, 30], page=4, n_kv=2, dim=16, window=6)
    _check_decode(cache, 4, window=6, launch=triton_ops.DecodeLaunch(splits=2, block_n=16))


@pytest.mark.parametrize("window", [None, 6])
def test_tiles_inside_one_page_read_one_table_entry(window: int | None) -> None:
    """Pages of 32 and 16-key tiles: each tile takes its page from one block-table entry; a
    window's recycled pages (-1) are still never read, in decode and in prefill."""
    cache = Paged([3, 17, 45], page=32, n_kv=2, dim=16, window=window)
    _check_decode(cache, 4, window=window, launch=triton_ops.DecodeLaunch(splits=2, block_n=16))
    launch = triton_ops.PrefillLaunch(block_q=4, block_n=16)
    _check_prefill(cache, [3, 5, 20], 2, window=window, launch=launch)


@pytest.mark.parametrize("fp8_dot", ["cvt", "shift", "fp16", "q_dtype"])
@pytest.mark.parametrize("dtype", [FP8, E5M2])
def test_decode_fp8_cache_with_scales(dtype: torch.dtype, fp8_dot: triton_ops.Fp8Dot) -> None:
    cache = Paged([5, 19], page=8, n_kv=1, dim=32, dtype=dtype)
    _check_decode(cache, 4, launch=triton_ops.DecodeLaunch(splits=2, block_n=16, fp8_dot=fp8_dot))


def test_fp8_per_head_scales_decode_and_prefill() -> None:
    cache = Paged([5, 19], page=8, n_kv=2, dim=32, dtype=FP8, per_head_scales=True)
    _check_decode(cache, 2, launch=triton_ops.DecodeLaunch(splits=2, block_n=16))
    _check_prefill(cache, [5, 7], 2, launch=triton_ops.PrefillLaunch(block_q=4, block_n=16))


def _decodes_every_code(dtype: torch.dtype, fp8_dot: triton_ops.Fp8Dot) -> None:
    """Every finite code of ``dtype``, 16 different ones per token (each sequence is one token,
    so the output is its V row): the fp16 decode (times its scales) equals torch's cast, in
    column order."""
    codes = torch.arange(256, dtype=torch.uint8).view(dtype)
    finite = codes[codes.float().isfinite()]  # e5m2's infinities would meet 0 x inf in masked keys
    rows = -(-finite.numel() // 16)
    picked = finite[torch.randperm(finite.numel())].repeat(2)[: rows * 16]
    cache = picked.view(rows, 1, 1, 16).to(DEVICE)  # one token per page
    q = torch.randn(rows, 1, 16, device=DEVICE)
    tables = torch.arange(rows, dtype=torch.int32).view(-1, 1).to(DEVICE)
    lens = torch.ones(rows, dtype=torch.int32, device=DEVICE)
    launch = triton_ops.DecodeLaunch(fp8_dot=fp8_dot, block_n=16, splits=1)
    opts: dict[str, Any] = {"scale": 1.0, "v_scale": 1.0, "launch": launch}
    out = triton_ops.paged_decode(q, cache, cache, tables, lens, **opts)
    assert torch.equal(out[:, 0].float(), picked.view(rows, 16).float().to(DEVICE))


def test_e4m3_shift_decodes_every_code_exactly() -> None:
    """The integer e4m3 -> fp16 decode (times 2**8) equals torch's cast for all 254 finite codes."""
    _decodes_every_code(FP8, "shift")


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("dtype", [FP8, E5M2])
def test_gpu_cvt_decodes_every_code_exactly(dtype: torch.dtype) -> None:
    """The packed converts (four codes a word) give every finite code, in column order."""
    _decodes_every_code(dtype, "cvt")


def test_fp8_default_modes() -> None:
    """Decode converts e4m3 tiles to fp16 where Triton can (sm_89+), else decodes them by
    integer shifts (the interpreter too); prefill uses packed converts where it can."""
    k8 = torch.zeros(4, 16, 2, 32, device=DEVICE).to(FP8)
    native = triton_ops._packed_cvt(k8.device)
    decode = triton_ops._fp8_flags(k8, k8, triton_ops.DecodeLaunch(), default="fp16")
    prefill = triton_ops._fp8_flags(k8, k8, triton_ops.PrefillLaunch())
    assert decode == {"DOT_F16": True, "FP8_DECODE": 0 if native else 1}
    assert prefill == {"DOT_F16": True, "FP8_DECODE": 2 if native else 1}
    explicit = triton_ops._fp8_flags(k8, k8, triton_ops.DecodeLaunch(fp8_dot="fp16"))
    assert explicit == {"DOT_F16": True, "FP8_DECODE": 0}


def test_decode_64_bit_offsets_and_when_32_fit() -> None:
    """32-bit gather offsets are the default where they fit; False keeps 64-bit offsets."""
    launch = triton_ops.DecodeLaunch(offsets32=False, splits=2, block_n=16)
    _check_decode(Paged([5, 40, 17, 70], page=16, n_kv=2, dim=32), 4, launch=launch)
    fp8 = Paged([5, 40, 70], page=16, n_kv=2, dim=32, dtype=FP8, per_head_scales=True)
    _check_decode(fp8, 2, launch=launch)
    small = torch.empty(1000, 16, 8, 128, device="meta")
    huge = torch.empty(2**18, 16, 8, 128, device="meta")  # 2**32 elements
    bf16 = {"FP8_DECODE": 0}
    assert triton_ops._fits_32_bits(small, small, bf16)
    assert not triton_ops._fits_32_bits(small, huge, bf16)
    assert triton_ops._fits_32_bits(huge, huge, {"FP8_DECODE": 2})  # counted in 4-code words


def test_decode_mla_latent_more_heads_than_a_block() -> None:
    cache = Paged([6, 21], page=4, n_kv=1, dim=40, latent=True)
    _check_decode(cache, 32, v_head_dim=32, launch=triton_ops.DecodeLaunch(splits=2, block_n=16))


@pytest.mark.parametrize("group", [1, 4])
def test_prefill_varlen_with_cached_prefix(group: int) -> None:
    # Sequence lengths 5, 13, 26 with 5, 3 and 20 new queries: prefixes of 0, 10 and 6.
    cache = Paged([5, 13, 26], page=4, n_kv=2, dim=16)
    launch = triton_ops.PrefillLaunch(block_q=4, block_n=16)
    _check_prefill(cache, [5, 3, 20], group, launch=launch)


def test_prefill_sliding_window_and_empty_query_row() -> None:
    cache = Paged([9, 4, 23], page=8, n_kv=1, dim=16, window=5)
    _check_prefill(cache, [9, 0, 11], 2, window=5, launch=triton_ops.PrefillLaunch(block_q=8))


def test_prefill_mla_latent_values_are_the_whole_latent() -> None:
    cache = Paged([7, 12], page=4, n_kv=1, dim=40, latent=True)
    _check_prefill(cache, [7, 5], 8, launch=triton_ops.PrefillLaunch(block_q=2, block_n=16))


def test_the_cuda_fp8_kernel_is_refused_where_it_cannot_run() -> None:
    """``DecodeLaunch(cuda=True)`` off a CUDA GPU (or on a shape it does not serve) is a typed
    error naming the option, not a silent fallback."""
    cache = Paged([5, 19], page=16, n_kv=1, dim=128 if DEVICE.type == "cuda" else 32, dtype=FP8)
    with pytest.raises(ShapeError, match="launch.cuda"):
        _check_decode(cache, 12, launch=triton_ops.DecodeLaunch(cuda=True))


def test_bad_input_is_a_typed_error_naming_the_argument() -> None:
    cache = Paged([4], page=4, n_kv=2, dim=16)
    q = torch.randn(1, 4, 16, device=DEVICE).to(torch.bfloat16)
    with pytest.raises(ShapeError, match="out"):
        out = torch.empty(1, 4, 8, device=DEVICE, dtype=torch.bfloat16)
        triton_ops.paged_decode(q, *cache.args(), scale=0.25, out=out)
    with pytest.raises(ShapeError, match="slot_mapping"):
        k = torch.randn(2, 2, 16, device=DEVICE)
        triton_ops.write_kv(cache.k_cache, cache.v_cache, k, k, torch.zeros(2, device=DEVICE))
    with pytest.raises(ShapeError, match=r"launch\.splits"):
        launch = triton_ops.DecodeLaunch(splits=3)
        triton_ops.paged_decode(q, *cache.args(), scale=0.25, launch=launch)
    transposed = cache.k_cache.transpose(2, 3)
    with pytest.raises(ShapeError, match="k_cache"):
        triton_ops.write_kv(transposed, None, torch.randn(1, 16, 2), None, torch.zeros(1).long())


# --- serving-sized shapes on CUDA ------------------------------------------------------------


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("dtype", [torch.bfloat16, FP8])
@pytest.mark.parametrize("page", [16, 128])
def test_gpu_write_kv_bit_exact(dtype: torch.dtype, page: int) -> None:
    _check_write(page=page, n_kv=8, dim=128, dtype=dtype, tokens=5000, strided=True)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("page", [16, 64, 128])
@pytest.mark.parametrize("group", [1, 4, 8])
def test_gpu_decode_llama_geometry(page: int, group: int) -> None:
    lens = [*torch.randint(1, 3000, (24,)).tolist(), 1, page, page + 1, 4095]
    _check_decode(Paged(lens, page=page, n_kv=8, dim=128), group)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("splits", [1, 2, 16])
def test_gpu_decode_forced_splits_and_fp16(splits: int) -> None:
    cache = Paged([77, 1000, 2049], page=16, dtype=torch.float16, n_kv=8, dim=128)
    _check_decode(cache, 4, launch=triton_ops.DecodeLaunch(splits=splits))


@pytest.mark.gpu
@gpu
def test_gpu_decode_window_fp8_and_mla() -> None:
    _check_decode(Paged([100, 4096, 5000], page=16, window=1024, n_kv=8, dim=128), 4, window=1024)
    _check_decode(Paged([300, 2500], page=64, dtype=FP8, n_kv=8, dim=128), 4)
    per_head = Paged([3000, 9], page=16, dtype=FP8, n_kv=8, dim=128, per_head_scales=True)
    _check_decode(per_head, 4)
    _check_decode(Paged([1200, 77], page=16, dtype=E5M2, n_kv=8, dim=128), 8)
    for fp8_dot in ("cvt", "shift", "fp16", "q_dtype"):  # "fp16" is decode's default on GPUs
        launch = triton_ops.DecodeLaunch(fp8_dot=fp8_dot)
        _check_decode(Paged([2000, 5], page=16, dtype=FP8, n_kv=8, dim=128), 4, launch=launch)
    _check_decode(Paged([700, 2000], page=64, n_kv=1, dim=576, latent=True), 16, v_head_dim=512)


@pytest.mark.gpu
@gpu
def test_gpu_decode_64_bit_offsets() -> None:
    """Gathers with 64-bit row offsets (``offsets32=False``) on every page size and path."""
    lens = [*torch.randint(1, 3000, (12,)).tolist(), 1, 16, 17, 64, 65, 4095]
    for page, block_n, splits in ((16, 64, None), (64, 64, 4), (128, 64, 1)):
        launch = triton_ops.DecodeLaunch(block_n=block_n, splits=splits, offsets32=False)
        _check_decode(Paged(lens, page=page, n_kv=8, dim=128), 4, launch=launch)
        fp8 = Paged(lens, page=page, dtype=FP8, n_kv=8, dim=128, per_head_scales=True)
        _check_decode(fp8, 4, launch=launch)
    launch = triton_ops.DecodeLaunch(offsets32=False)
    _check_decode(Paged([1200, 77], page=16, dtype=E5M2, n_kv=8, dim=128), 8, launch=launch)
    windowed = Paged([100, 4096, 5000], page=16, window=1024, n_kv=8, dim=128)
    _check_decode(windowed, 4, window=1024, launch=launch)
    for name in ("sinks_window", "softcap_sinks_chunk"):
        opts = _gpu_options(name, 8 * 4, level=8.0)
        local = opts.get("window", opts.get("chunk"))
        cache = Paged(lens, page=16, n_kv=8, dim=128, window=local)
        _check_decode(cache, 4, launch=launch, options=opts)
    latent = Paged([700, 2000, 5], page=64, n_kv=1, dim=576, latent=True)
    _check_decode(latent, 16, v_head_dim=512, launch=launch)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("group", [1, 4, 8])
def test_gpu_prefill_varlen(group: int) -> None:
    cache = Paged([1000, 515, 64, 2048], page=16, n_kv=8, dim=128)
    _check_prefill(cache, [1000, 3, 64, 777], group)


@pytest.mark.gpu
@gpu
def test_gpu_prefill_window_fp8_and_mla() -> None:
    _check_prefill(Paged([1500, 900], page=64, n_kv=8, dim=128), [1500, 100], 4, window=256)
    _check_prefill(Paged([600, 200], page=16, dtype=FP8, n_kv=8, dim=128), [600, 17], 4)
    per_head = Paged([700, 64], page=16, dtype=FP8, n_kv=8, dim=128, per_head_scales=True)
    _check_prefill(per_head, [300, 64], 4)
    _check_prefill(Paged([300, 90], page=64, n_kv=1, dim=576, latent=True), [300, 5], 16)


def _gpu_options(name: str, heads: int, level: float) -> dict[str, Any]:
    """Gemma-2 soft-cap (1.0: low enough to bite on random data), gpt-oss sinks (+ its
    128-token window), Llama-4 chunks (1000: several per sequence), or all but the window."""
    return {
        "softcap": {"softcap": 1.0},
        "sinks": {"sinks": _sinks(heads, level)},
        "sinks_window": {"sinks": _sinks(heads, level), "window": 128},
        "chunk": {"chunk": 1000},
        "softcap_sinks_chunk": {"softcap": 1.0, "sinks": _sinks(heads, level), "chunk": 1000},
    }[name]


GPU_OPTIONS = ["softcap", "sinks", "sinks_window", "chunk", "softcap_sinks_chunk"]
CUDA = triton_ops.DecodeLaunch(cuda=True)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("page", [16, 32, 128])
@pytest.mark.parametrize("group", [1, 3, 4, 8])
def test_gpu_fp8_cuda_kernel_matches_reference(page: int, group: int) -> None:
    """The CUDA e4m3 kernel (cuda_fp8): ragged lengths (1, a page, a page + 1, not a multiple
    of its 64-key rounds), per-tensor and per-KV-head scales, bf16 and fp16 q."""
    lens = [*torch.randint(1, 3000, (10,)).tolist(), 1, page, page + 1, 63, 65, 4095]
    cache = Paged(lens, page=page, n_kv=4, dim=128, dtype=FP8)
    _check_decode(cache, group, launch=CUDA)
    # one split: the kernel writes the output itself (no partials, no reduce launch)
    _check_decode(cache, group, launch=triton_ops.DecodeLaunch(cuda=True, splits=1))
    per_head = Paged(lens, page=page, n_kv=4, dim=128, dtype=FP8, per_head_scales=True)
    _check_decode(per_head, group, launch=CUDA, q_dtype=torch.float16)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("splits", [None, 1, 4, 16])
@pytest.mark.parametrize("name", ["sinks", "sinks_window"])
def test_gpu_fp8_cuda_kernel_splits_sinks_and_windows(name: str, splits: int | None) -> None:
    """Forced splits (a partition of 64 keys, partitions past a short row), gpt-oss sinks
    (added by the split reduce) and windows over recycled (-1) pages."""
    opts = _gpu_options(name, 8 * 4, level=8.0)
    lens = [*torch.randint(1, 5000, (12,)).tolist(), 1, 16, 17, 127, 128, 129, 4096]
    cache = Paged(lens, page=16, n_kv=8, dim=128, dtype=FP8, window=opts.get("window"))
    launch = triton_ops.DecodeLaunch(cuda=True, splits=splits)
    _check_decode(cache, 4, launch=launch, options=opts)


def _poison_unowned_rows(cache: Paged) -> None:
    """Every cache row no sequence owns (its last page's tail, spare pages) holds e4m3 NaN
    codes, as a pool from ``torch.empty`` or a recycled allocation may."""
    page = cache.k_cache.shape[1]
    owned = torch.zeros(cache.k_cache.shape[:2], dtype=torch.bool, device=DEVICE)
    for row, n in enumerate(cache.seq_lens.tolist()):
        pos = torch.arange(n, device=DEVICE)
        blocks = cache.block_tables[row, pos // page].long()
        live = blocks >= 0
        owned[blocks[live], (pos % page)[live]] = True
    for c in (cache.k_cache, cache.v_cache):
        assert c is not None
        c.view(torch.uint8)[~owned] = 0x7F


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("splits", [None, 1, 4])
@pytest.mark.parametrize("window", [None, 40])
def test_gpu_fp8_cuda_kernel_reads_nothing_a_sequence_does_not_own(
    splits: int | None, window: int | None
) -> None:
    """NaN codes in every row past a sequence's length and in unowned pages leave the output
    the reference's: a masked key's probability is 0, and 0 x NaN would still poison the sum,
    so its V row must not reach the product."""
    lens = [1, 5, 16, 17, 33, 100, 129, 2047]
    cache = Paged(lens, page=16, n_kv=8, dim=128, dtype=FP8, window=window)
    _poison_unowned_rows(cache)
    launch = triton_ops.DecodeLaunch(cuda=True, splits=splits)
    _check_decode(cache, 4, window=window, launch=launch)


@pytest.mark.gpu
@gpu
def test_gpu_fp8_decode_runs_the_cuda_kernel_where_it_applies(monkeypatch: Any) -> None:
    """e4m3 decode goes to the CUDA kernel by default; e5m2, > 8 q heads per KV head, a
    soft-cap, a chunk or a Triton tile choice go to Triton; ``cuda=True`` where the kernel does
    not apply is a typed error."""
    calls: list[int] = []
    real = cuda_fp8.paged_decode

    def spy(*args: Any, **kw: Any) -> torch.Tensor:
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(cuda_fp8, "paged_decode", spy)

    def runs_cuda(cache: Paged, group: int, **kw: Any) -> bool:
        calls.clear()
        _check_decode(cache, group, **kw)
        return bool(calls)

    e4m3 = Paged([300, 2500], page=16, n_kv=8, dim=128, dtype=FP8)
    assert runs_cuda(e4m3, 4)
    assert not runs_cuda(e4m3, 16)
    assert not runs_cuda(Paged([300, 2500], page=16, n_kv=8, dim=128, dtype=E5M2), 4)
    assert not runs_cuda(Paged([300, 99], page=8, n_kv=8, dim=128, dtype=FP8), 4)
    assert not runs_cuda(e4m3, 4, options={"softcap": 1.0})
    assert not runs_cuda(e4m3, 4, launch=triton_ops.DecodeLaunch(fp8_dot="cvt"))
    assert not runs_cuda(e4m3, 4, launch=triton_ops.DecodeLaunch(cuda=False))
    with pytest.raises(ShapeError, match="launch.cuda"):
        _check_decode(e4m3, 4, launch=CUDA, options={"chunk": 1000})


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("splits", [None, 1, 16])
@pytest.mark.parametrize("name", GPU_OPTIONS)
def test_gpu_decode_options(name: str, splits: int | None) -> None:
    opts = _gpu_options(name, 8 * 4, level=8.0)
    local = opts.get("window", opts.get("chunk"))
    lens = [*torch.randint(1, 5000, (12,)).tolist(), 1, 16, 17, 999, 1000, 1001, 4096]
    cache = Paged(lens, page=16, n_kv=8, dim=128, window=local)
    launch = triton_ops.DecodeLaunch(splits=splits)
    _check_decode(cache, 4, launch=launch, options=opts)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("name", GPU_OPTIONS)
def test_gpu_prefill_options(name: str) -> None:
    opts = _gpu_options(name, 8 * 4, level=5.0)
    cache = Paged([1000, 515, 64, 2048, 3001], page=16, n_kv=8, dim=128)
    _check_prefill(cache, [1000, 3, 64, 777, 1500], 4, options=opts)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize(
    "name",
    ["plain", "fp8", "fp8_one_split", "sinks_window", "softcap_sinks_chunk"],
)
def test_gpu_decode_padding_rows_in_a_cuda_graph(name: str) -> None:
    """A bucket captured once, replayed with padding rows (length 0, table -1, q NaN) and
    shorter rows (entries past their pages -1): padding rows give 0, others the reference."""
    dtype = FP8 if name.startswith("fp8") else torch.bfloat16
    launch = triton_ops.DecodeLaunch(splits=1 if name.endswith("one_split") else None)
    cache = Paged([3000] * 8, page=16, n_kv=8, dim=128, dtype=dtype)
    opts: dict[str, Any] = cache.scales()
    if name not in ("plain", "fp8", "fp8_one_split"):
        opts.update(_gpu_options(name, 32, level=8.0))
    q = torch.randn(8, 32, 128, device=DEVICE).to(torch.bfloat16)
    tables, seq_lens = cache.block_tables.clone(), cache.seq_lens.clone()
    out = torch.full_like(q, float("nan"))

    def step() -> None:
        triton_ops.paged_decode(
            q, cache.k_cache, cache.v_cache, tables, seq_lens, scale=0.1, out=out,
            launch=launch, **opts,
        )  # fmt: skip

    torch.cuda.set_sync_debug_mode("error")  # no host sync anywhere in the launch
    try:
        step()
    finally:
        torch.cuda.set_sync_debug_mode(0)
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):
        step()
    torch.cuda.current_stream().wait_stream(side)
    graph = torch.cuda.CUDAGraph()
    with torch.cuda.graph(graph):
        step()
    new_lens = torch.tensor([2999, 0, 17, 1, 0, 1500, 16, 0], device=DEVICE, dtype=torch.int32)
    seq_lens.copy_(new_lens)
    pages = (new_lens + 15) // 16
    beyond = torch.arange(tables.shape[1], device=DEVICE)[None, :] >= pages[:, None]
    tables.masked_fill_(beyond, -1)
    live = (new_lens > 0).nonzero().flatten()
    q.copy_(torch.randn_like(q))
    q[new_lens == 0] = float("nan")
    out.fill_(float("nan"))
    graph.replay()
    torch.cuda.synchronize()
    assert bool((out[new_lens == 0] == 0).all()), "padding rows must be finite zeros"
    want = ops.ref_paged_decode(
        q[live], cache.k_cache, cache.v_cache, tables[live], seq_lens[live], scale=0.1, **opts
    )
    assert _rel_err(out[live], want) < 2e-2


@pytest.mark.gpu
@gpu
def test_gpu_ops_dispatch_uses_triton_on_cuda() -> None:
    cache = Paged([500, 1200], page=16, n_kv=8, dim=128)
    q = torch.randn(2, 32, 128, device=DEVICE).to(torch.bfloat16)
    fast = triton_ops.paged_decode(q, *cache.args(), scale=0.1)
    assert torch.equal(ops.paged_decode(q, *cache.args(), scale=0.1), fast)
