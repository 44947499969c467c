"""Paged ops against dense attention (float32 on CPU within 1e-5)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
import torch

from kvarch.runtime import ops
from kvarch.runtime.errors import BlockTableError, KernelBackendError, ShapeError

PAGE = 4


def dense_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, q_pos: torch.Tensor, window: int | None
) -> torch.Tensor:
    """q [n, Hq, D] at positions q_pos; k/v [L, Hk, D] at positions 0..L-1 (SDPA, float64)."""
    group = q.shape[1] // k.shape[1]
    kk = k.double().repeat_interleave(group, dim=1).transpose(0, 1)
    vv = v.double().repeat_interleave(group, dim=1).transpose(0, 1)
    key_pos = torch.arange(k.shape[0])
    allowed = key_pos[None, :] <= q_pos[:, None]
    if window is not None:
        allowed &= key_pos[None, :] > q_pos[:, None] - window
    out = torch.nn.functional.scaled_dot_product_attention(
        q.double().transpose(0, 1), kk, vv, attn_mask=allowed, scale=q.shape[-1] ** -0.5
    )
    return out.transpose(0, 1).float()


def paged_setup(
    lens: list[int], n_kv: int, dim: int, *, seed: int = 0, dtype: torch.dtype = torch.float32
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, list[torch.Tensor], list[torch.Tensor]]:
    """A cache holding random K/V of sequences ``lens`` in shuffled blocks; returns dense copies."""
    gen = torch.Generator().manual_seed(seed)
    width = max(-(-n // PAGE) for n in lens)
    num_blocks = sum(-(-n // PAGE) for n in lens) + 3
    k_cache = torch.full((num_blocks, PAGE, n_kv, dim), float("nan"), dtype=dtype)
    v_cache = torch.full_like(k_cache, float("nan"))
    order = torch.randperm(num_blocks, generator=gen).tolist()
    tables = torch.full((len(lens), width), -1, dtype=torch.int32)
    ks, vs = [], []
    for b, n in enumerate(lens):
        blocks = [order.pop() for _ in range(-(-n // PAGE))]
        tables[b, : len(blocks)] = torch.tensor(blocks, dtype=torch.int32)
        pos = torch.arange(n)
        slots = torch.tensor(blocks)[pos // PAGE] * PAGE + pos % PAGE
        k = torch.randn(n, n_kv, dim, generator=gen)
        v = torch.randn(n, n_kv, dim, generator=gen)
        ops.write_kv(k_cache, v_cache, k, v, slots)
        ks.append(k)
        vs.append(v)
    return k_cache, v_cache, tables, ks, vs


@pytest.mark.parametrize("group", [1, 4])
@pytest.mark.parametrize("window", [None, 1, 5, 64])
def test_decode_equals_dense(group: int, window: int | None) -> None:
    lens = [1, 7, 8, 13, 30]
    k_cache, v_cache, tables, ks, vs = paged_setup(lens, n_kv=2, dim=16)
    q = torch.randn(len(lens), 2 * group, 16)
    seq_lens = torch.tensor(lens, dtype=torch.int32)
    out = ops.paged_decode(q, k_cache, v_cache, tables, seq_lens, scale=16**-0.5, window=window)
    assert out.shape == (len(lens), 2 * group, 16)
    for b, n in enumerate(lens):
        want = dense_attention(q[b : b + 1], ks[b], vs[b], torch.tensor([n - 1]), window)
        torch.testing.assert_close(out[b : b + 1], want, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("group", [1, 2])
@pytest.mark.parametrize("window", [None, 3, 9])
def test_prefill_equals_dense(group: int, window: int | None) -> None:
    lens, n_queries = [5, 12, 9, 1], [5, 4, 9, 1]
    k_cache, v_cache, tables, ks, vs = paged_setup(lens, n_kv=2, dim=8, seed=1)
    qsl = torch.tensor([0, *torch.tensor(n_queries).cumsum(0).tolist()], dtype=torch.int32)
    q = torch.randn(sum(n_queries), 2 * group, 8)
    out = torch.full((q.shape[0], 2 * group, 8), float("nan"))
    got = ops.paged_prefill(
        q,
        k_cache,
        v_cache,
        tables,
        torch.tensor(lens, dtype=torch.int32),
        qsl,
        scale=8**-0.5,
        window=window,
        out=out,
    )
    assert got is out
    for b, (n, nq) in enumerate(zip(lens, n_queries, strict=True)):
        rows = slice(int(qsl[b]), int(qsl[b + 1]))
        want = dense_attention(q[rows], ks[b], vs[b], torch.arange(n - nq, n), window)
        torch.testing.assert_close(out[rows], want, atol=1e-5, rtol=1e-5)


def test_write_skips_padding_and_gather_reads_back() -> None:
    cache = torch.zeros(3, PAGE, 1, 2)
    k = torch.arange(6.0).view(3, 1, 2) + 1
    ops.write_kv(cache, None, k, None, torch.tensor([5, -1, 0]))
    assert torch.equal(cache[1, 1, 0], k[0, 0])
    assert torch.equal(cache[0, 0, 0], k[2, 0])
    assert int((cache != 0).sum()) == 4  # the padding token wrote nothing
    table = torch.tensor([0, 1], dtype=torch.int32)
    assert torch.equal(ops.gather_kv(cache, table, 6)[5], k[0])


def test_mla_latent_values_are_leading_columns() -> None:
    k_cache, _, tables, ks, _ = paged_setup([6], n_kv=1, dim=12, seed=2)
    q = torch.randn(1, 4, 12)
    seq = torch.tensor([6], dtype=torch.int32)
    out = ops.paged_decode(q, k_cache, None, tables, seq, scale=0.3, v_head_dim=8)
    assert out.shape == (1, 4, 8)
    probs = torch.einsum("hd,ld->hl", q[0], ks[0][:, 0]).mul(0.3).softmax(-1)
    torch.testing.assert_close(out[0], probs @ ks[0][:, 0, :8], atol=1e-5, rtol=1e-5)


def test_fp8_cache_dequantizes_with_scale() -> None:
    cache = torch.zeros(2, PAGE, 1, 4, dtype=torch.float8_e4m3fn)
    k = torch.tensor([[[0.5, -1.0, 2.0, 600.0]]])
    ops.write_kv(cache, None, k, None, torch.tensor([3]), k_scale=0.5)
    table = torch.tensor([0], dtype=torch.int32)
    got = ops.gather_kv(cache, table, 4, scale=0.5)[3, 0]
    assert got[:3].tolist() == [0.5, -1.0, 2.0]
    assert got[3] == 448 * 0.5  # saturated at fp8 e4m3's max, not NaN


def test_bad_shapes_raise_typed_errors() -> None:
    k_cache, v_cache, tables, _, _ = paged_setup([5], n_kv=2, dim=8)
    q = torch.randn(1, 4, 8)
    seq = torch.tensor([5], dtype=torch.int32)
    with pytest.raises(BlockTableError, match="block_tables"):
        ops.paged_decode(q, k_cache, v_cache, tables.long(), seq, scale=1.0)
    with pytest.raises(BlockTableError, match="seq_lens"):
        too_long = torch.tensor([99], dtype=torch.int32)
        ops.paged_decode(q, k_cache, v_cache, tables, too_long, scale=1.0)
    with pytest.raises(ShapeError, match="q"):
        ops.paged_decode(torch.randn(1, 3, 8), k_cache, v_cache, tables, seq, scale=1.0)
    with pytest.raises(ShapeError, match="slot_mapping"):
        ops.write_kv(k_cache, v_cache, q[:, :2], q[:, :2], torch.tensor([0], dtype=torch.int32))
    assert issubclass(ShapeError, ValueError)


def test_write_with_a_bad_v_writes_nothing() -> None:
    """Every argument is checked before the first store: no half-written K."""
    k_cache = torch.zeros(2, 4, 1, 8)
    v_cache = torch.zeros(2, 4, 1, 8)
    k = torch.randn(3, 1, 8)
    bad_v = torch.randn(2, 1, 8)  # one token short
    slots = torch.tensor([0, 1, 5], dtype=torch.int64)
    with pytest.raises(ShapeError, match="v"):
        ops.ref_write_kv(k_cache, v_cache, k, bad_v, slots)
    assert not k_cache.any()


# --- backend choice --------------------------------------------------------------------------


@pytest.fixture
def fresh_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """A backend chosen anew inside the test (and again after it)."""
    ops.kernels.cache_clear()
    yield monkeypatch
    ops.kernels.cache_clear()


def test_broken_triton_import_fails_loudly_naming_the_cause(
    fresh_backend: pytest.MonkeyPatch,
) -> None:
    fresh_backend.delenv("KVARCH_REFERENCE_OPS", raising=False)
    fresh_backend.setitem(sys.modules, "kvarch.runtime.triton_ops", None)  # import fails
    with pytest.raises(KernelBackendError, match=r"triton_ops.*KVARCH_REFERENCE_OPS=1") as err:
        ops.kernels()
    assert isinstance(err.value.__cause__, ImportError)
    cpu = torch.zeros(1)
    assert ops._backend(cpu) is None  # CPU tensors never need the kernels


def test_reference_ops_env_picks_the_reference_once(fresh_backend: pytest.MonkeyPatch) -> None:
    fresh_backend.setenv("KVARCH_REFERENCE_OPS", "1")
    fresh_backend.setitem(sys.modules, "kvarch.runtime.triton_ops", None)
    assert ops.kernels() is None
    fresh_backend.delenv("KVARCH_REFERENCE_OPS")
    assert ops.kernels() is None, "chosen once: later changes of the environment are ignored"


def test_kernel_launchers_do_not_import_the_dispatching_ops_module() -> None:
    code = (
        "import sys, kvarch.runtime.triton_ops; "
        "assert 'kvarch.runtime.ops' not in sys.modules, 'triton_ops imported ops'"
    )
    env = {**os.environ, "TRITON_INTERPRET": "1"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-800:]
