"""Manager + cache tensors + ops together: prefill after a prefix hit, then batched decode."""

from __future__ import annotations

import numpy as np
import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.tensors import PagedKVCache

PAGE, N_KV, N_Q, DIM, WINDOW = 4, 2, 4, 8, 6
SCALE = DIM**-0.5


def kv(tokens: list[int], pos: int) -> tuple[torch.Tensor, torch.Tensor]:
    """K and V of a position: a function of the whole prefix (as in a real model)."""
    gen = torch.Generator().manual_seed(hash(tuple(tokens[: pos + 1])) % (1 << 31))
    return torch.randn(N_KV, DIM, generator=gen), torch.randn(N_KV, DIM, generator=gen)


def dense(q: torch.Tensor, tokens: list[int], first: int, window: int | None) -> torch.Tensor:
    """Attention of queries at positions first.. over every position's K/V, float64."""
    keys = torch.stack([kv(tokens, p)[0] for p in range(len(tokens))]).double()
    vals = torch.stack([kv(tokens, p)[1] for p in range(len(tokens))]).double()
    group = N_Q // N_KV
    k = keys.repeat_interleave(group, 1).transpose(0, 1)
    v = vals.repeat_interleave(group, 1).transpose(0, 1)
    q_pos = torch.arange(first, len(tokens))[:, None]
    key_pos = torch.arange(len(tokens))[None, :]
    allowed = key_pos <= q_pos
    if window is not None:
        allowed &= key_pos > q_pos - window
    out = torch.nn.functional.scaled_dot_product_attention(
        q.double().transpose(0, 1), k, v, attn_mask=allowed, scale=SCALE
    )
    return out.transpose(0, 1).float()


def setup() -> tuple[BlockManager, PagedKVCache]:
    params = KVCacheParams(
        dtype=DType.float32,
        n_kv_heads=N_KV,
        head_dim=DIM,
        num_layers=1,
        page_size=PAGE,
        devices=[DeviceRef.CPU()],
    )
    groups = [
        KVCacheGroup(params=params, layer_indices=[0]),
        KVCacheGroup(params=params, layer_indices=[1], attention="sliding", window=WINDOW),
    ]
    cache = PagedKVCache(groups, [24, 24])
    manager = BlockManager(
        page_size=PAGE,
        num_blocks=[24, 24],
        max_seqs=4,
        max_seq_len=40,
        windows=[None, WINDOW],
        enable_prefix_caching=True,
        storage=cache,
    )
    return manager, cache


def write(cache: PagedKVCache, slots: list[np.ndarray], tokens: list[int], first: int) -> None:
    k = torch.stack([kv(tokens, p)[0] for p in range(first, len(tokens))])
    v = torch.stack([kv(tokens, p)[1] for p in range(first, len(tokens))])
    for g, s in enumerate(slots):
        layer = cache.layer(g)
        ops.write_kv(layer.k, layer.v, k, v, torch.from_numpy(s))


def test_prefill_after_prefix_hit_then_decode_equal_dense_attention() -> None:
    m, cache = setup()
    prompts = {"a": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "b": [1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23]}
    firsts = {}
    for sid, tokens in prompts.items():
        firsts[sid] = m.add(sid, tokens)
        write(cache, m.slots(sid, firsts[sid], len(tokens)), tokens, firsts[sid])
    assert firsts == {"a": 0, "b": 8}  # b reuses a's two full blocks in both groups

    ids = list(prompts)
    rows = m.rows_of(ids)
    counts = [len(prompts[s]) - firsts[s] for s in ids]
    qsl = torch.tensor(np.concatenate([[0], np.cumsum(counts)]), dtype=torch.int32)
    q = torch.randn(int(qsl[-1]), N_Q, DIM)
    seq_lens = torch.from_numpy(m.seq_lens[rows])
    for g, window in enumerate((None, WINDOW)):
        layer = cache.layer(g)
        tables = torch.from_numpy(m.block_tables(g, rows))
        out = ops.paged_prefill(
            q, layer.k, layer.v, tables, seq_lens, qsl, scale=SCALE, window=window
        )
        for i, sid in enumerate(ids):
            rows_i = slice(int(qsl[i]), int(qsl[i + 1]))
            want = dense(q[rows_i], prompts[sid], firsts[sid], window)
            torch.testing.assert_close(out[rows_i], want, atol=1e-5, rtol=1e-5)

    tokens = {s: list(t) for s, t in prompts.items()}
    for step in range(9):
        new = np.array([100 + step, 200 + step])
        slots = m.decode_step(rows, new)
        for i, sid in enumerate(ids):
            tokens[sid].append(int(new[i]))
            write(cache, [s[i : i + 1] for s in slots], tokens[sid], len(tokens[sid]) - 1)
        q = torch.randn(len(ids), N_Q, DIM)
        seq_lens = torch.from_numpy(m.seq_lens[rows])
        for g, window in enumerate((None, WINDOW)):
            layer = cache.layer(g)
            tables = torch.from_numpy(m.block_tables(g, rows))
            out = ops.paged_decode(
                q, layer.k, layer.v, tables, seq_lens, scale=SCALE, window=window
            )
            for i, sid in enumerate(ids):
                want = dense(q[i : i + 1], tokens[sid], len(tokens[sid]) - 1, window)
                torch.testing.assert_close(out[i : i + 1], want, atol=1e-5, rtol=1e-5)
    sliding_held = (m.tables[1][rows] >= 0).sum(axis=1)
    assert (sliding_held <= -(-(WINDOW - 1) // PAGE) + 1).all()
