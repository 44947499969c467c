"""Block manager: ownership, copy-on-write, prefix cache, windows, swap, typed errors."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.errors import BlockTableError, OutOfBlocksError, SequenceStateError
from kvarch.runtime.prefix import block_hash, chain_hashes, root_hash
from kvarch.runtime.tensors import PagedKVCache


def group(
    layers: list[int], page: int, window: int | None = None, kind: str = "sliding"
) -> KVCacheGroup:
    params = KVCacheParams(
        dtype=DType.float32,
        n_kv_heads=1,
        head_dim=2,
        num_layers=len(layers),
        page_size=page,
        devices=[DeviceRef.CPU()],
    )
    kind = "full" if window is None else kind
    return KVCacheGroup(params=params, layer_indices=layers, attention=kind, window=window)


def make(
    *,
    page: int = 4,
    blocks: int = 8,
    window: int | None = None,
    prefix: bool = False,
    host: int = 0,
    max_seqs: int = 4,
    max_len: int = 64,
    kind: str = "sliding",
    shared: bool = False,
) -> tuple[BlockManager, PagedKVCache]:
    """A full group (and a windowed one); ``shared``: both draw on one pool of ``blocks``."""
    groups = [group([0], page)]
    if window is not None:
        groups.append(group([1], page, window, kind))
    n = [blocks] * len(groups)
    pool_of = [0] * len(groups) if shared else None
    cache = PagedKVCache(groups, n, host_blocks=[host] * len(groups), pool_of=pool_of)
    manager = BlockManager(
        page_size=page,
        num_blocks=n,
        max_seqs=max_seqs,
        max_seq_len=max_len,
        windows=[g.window for g in groups],
        enable_prefix_caching=prefix,
        host_blocks=[host] * len(groups),
        storage=cache,
        attention=[g.attention for g in groups],
    )
    return manager, cache


def snapshot(m: BlockManager) -> Any:
    """Everything the manager owns, for 'state unchanged' checks."""
    return (
        [t.copy() for t in m.tables],
        [x.copy() for x in m.live_from],
        m.seq_lens.copy(),
        [(p.ref.copy(), list(p.free), dict(p.cached), list(p.hash_of)) for p in m.pools],
        [None if h is None else (dict(h.slots), list(h.free_slots)) for h in m.hosts],
        {k: (s.row, list(s.hashes)) for k, s in m.seqs.items()},
        sorted(m._free_rows),
    )


def assert_same(a: Any, b: Any) -> None:
    assert repr(a) == repr(b)


def audit(m: BlockManager) -> None:
    """No leaked or doubly-owned block; ref counts and the cache index are consistent."""
    live_rows = [s.row for s in m.seqs.values()]
    assert len(set(live_rows)) == len(live_rows)
    for pool in {id(p): p for p in m.pools}.values():
        owners = np.zeros(pool.num_blocks, dtype=np.int64)
        for g in [g for g, p in enumerate(m.pools) if p is pool]:  # every group drawing on it
            for row in live_rows:
                held = m.tables[g][row]
                held = held[held >= 0]
                assert len(set(held.tolist())) == len(held), "a block twice in one table"
                np.add.at(owners, held, 1)
        assert owners.tolist() == pool.ref.tolist()
        assert sorted(pool.free) == [b for b in range(pool.num_blocks) if pool.ref[b] == 0]
        for h, b in pool.cached.items():
            assert pool.hash_of[b] == h
        assert sum(h is not None for h in pool.hash_of) == len(pool.cached)
    for host in {id(h): h for h in m.hosts if h is not None}.values():
        held = sorted([*host.slots.values(), *host.free_slots])
        assert held == list(range(host.num_slots)), "host slot leaked or doubly used"
    free_rows = set(range(len(m.seq_lens))) - set(live_rows)
    assert all(m.seq_lens[r] == 0 for r in free_rows)
    assert all((t[list(free_rows)] == -1).all() for t in m.tables) if free_rows else True


def kv_of(tokens: list[int], pos: int) -> torch.Tensor:
    """A K (and V = -K) value that depends on the whole prefix, exact in float32."""
    return torch.tensor([float(hash(tuple(tokens[: pos + 1])) % 65521), float(pos)])


def write(
    m: BlockManager, c: PagedKVCache, tokens: list[int], slots: list[np.ndarray], start: int
) -> None:
    k = torch.stack([kv_of(tokens, p) for p in range(start, len(tokens))]).view(-1, 1, 2)
    for g, s in enumerate(slots):
        layer = c.layer(c.groups[g].layer_indices[0])
        ops.write_kv(layer.k, layer.v, k, -k, torch.from_numpy(s))


def add(m: BlockManager, c: PagedKVCache, seq_id: Any, tokens: list[int]) -> int:
    """Add a sequence and write the K/V of its uncached positions."""
    hit = m.add(seq_id, tokens)
    if hit < len(tokens):
        write(m, c, tokens, m.slots(seq_id, hit, len(tokens)), hit)
    return hit


def first_seen(grp: KVCacheGroup, n: int) -> int:
    """First position the last of ``n`` tokens attends to in ``grp``."""
    if grp.window is None:
        return 0
    if grp.attention == "chunked":
        return (n - 1) - (n - 1) % grp.window
    return max(0, n - grp.window)


def read_back(m: BlockManager, c: PagedKVCache, seq_id: Any, tokens: list[int]) -> None:
    """Every visible position of every group holds exactly what was written for it."""
    row = m.row(seq_id)
    n = len(tokens)
    assert m.seq_lens[row] == n
    for g, grp in enumerate(c.groups):
        start = first_seen(grp, n)
        layer = c.layer(grp.layer_indices[0])
        table = torch.from_numpy(m.tables[g][row])
        got_k = ops.gather_kv(layer.k, table, n, start=start)
        got_v = ops.gather_kv(layer.v, table, n, start=start)
        want = torch.stack([kv_of(tokens, p) for p in range(start, n)]).view(-1, 1, 2)
        assert torch.equal(got_k, want)
        assert torch.equal(got_v, -want)


def test_add_append_free_and_lifecycle_errors() -> None:
    m, _ = make()
    assert m.add("a", list(range(10))) == 0
    assert (m.tables[0][m.row("a")] >= 0).sum() == 3
    slots = m.append("a", 3)[0]
    assert len(slots) == 3 and m.num_free_blocks() == 4
    m.free("a")
    assert m.num_free_blocks() == 8
    audit(m)
    with pytest.raises(SequenceStateError, match="freed"):
        m.free("a")
    with pytest.raises(SequenceStateError, match="not live"):
        m.append("a", 1)
    with pytest.raises(SequenceStateError, match="length 65"):
        m.add("b", [0] * 65)


def test_out_of_blocks_leaves_state_unchanged() -> None:
    m, _ = make(blocks=4)
    m.add("a", list(range(12)))
    before = snapshot(m)
    with pytest.raises(OutOfBlocksError, match="needed 2, free 1"):
        m.add("b", list(range(5)))
    assert_same(snapshot(m), before)
    m.append("a", 1)  # 13 tokens: the 4th block
    before = snapshot(m)
    with pytest.raises(OutOfBlocksError):
        m.append("a", 4)
    assert_same(snapshot(m), before)
    with pytest.raises(OutOfBlocksError, match="free 0"):
        m.add("c", [1])
    audit(m)


def test_out_of_blocks_in_decode_step_is_atomic() -> None:
    m, _ = make(blocks=3)
    m.add("a", [1, 2, 3, 4])
    m.add("b", [5, 6, 7, 8])
    m.add("c", [9])
    rows = m.rows_of(["a", "b"])
    before = snapshot(m)
    with pytest.raises(OutOfBlocksError):
        m.decode_step(rows)
    assert_same(snapshot(m), before)


def test_fork_copies_a_shared_partial_tail_on_write() -> None:
    m, c = make()
    tokens = [3, 1, 4, 1, 5, 9]
    add(m, c, "p", tokens)
    m.fork("p", "q")
    assert (m.tables[0][m.row("p")] == m.tables[0][m.row("q")]).all()
    tail = int(m.tables[0][m.row("p"), 1])
    assert m.pools[0].ref[tail] == 2
    p_tokens, q_tokens = [*tokens, 2], [*tokens, 7]
    write(m, c, p_tokens, m.append("p", 1), 6)
    assert int(m.tables[0][m.row("p"), 1]) != tail  # the parent got a copy
    assert int(m.tables[0][m.row("q"), 1]) == tail and m.pools[0].ref[tail] == 1
    write(m, c, q_tokens, m.append("q", 1), 6)
    read_back(m, c, "p", p_tokens)
    read_back(m, c, "q", q_tokens)
    assert m.pools[0].ref[int(m.tables[0][m.row("p"), 0])] == 2  # full blocks stay shared
    audit(m)


def test_prefix_hit_reuses_full_blocks_but_never_the_last_token() -> None:
    m, c = make(prefix=True)
    tokens = list(range(9))
    add(m, c, "a", tokens)
    first_blocks = m.tables[0][m.row("a"), :2].tolist()
    m.free("a")
    assert m.add("b", tokens) == 8
    assert m.tables[0][m.row("b"), :2].tolist() == first_blocks
    read_back(m, c, "b", tokens)
    assert m.add("c", tokens[:8]) == 4  # 8 tokens: the last one's block is recomputed
    assert m.add("d", [0, 1, 2, 3, 99]) == 4
    assert m.add("e", [7, 1, 2, 3, 4]) == 0
    audit(m)


def test_different_cache_salts_never_share_blocks() -> None:
    m, c = make(prefix=True, blocks=16, max_seqs=8)
    tokens = list(range(9))
    add(m, c, "a", tokens)
    m.free("a")
    assert m.cached_prefix(tokens) == 8
    assert m.cached_prefix(tokens, cache_salt="tenant-1") == 0
    assert m.add("b", tokens, cache_salt="tenant-1") == 0  # same tokens, other salt: no hit
    write(m, c, tokens, m.slots("b", 0, 9), 0)
    assert not set(m.tables[0][m.row("b"), :2].tolist()) & {
        b for h, b in m.pools[0].cached.items() if h in chain_hashes(tokens, 4)
    }
    m.free("b")
    assert m.add("c", tokens, cache_salt=b"tenant-1") == 8  # str and its utf-8 bytes agree
    assert m.add("d", tokens, cache_salt="tenant-2") == 0
    assert m.add("e", tokens) == 8  # unsalted blocks are still there
    assert m.add("f", tokens, cache_salt=b"") == 0  # an empty salt is not "no salt"
    m.fork("c", "g")
    assert m.append("g", [1, 2, 3])  # a fork keeps its parent's salt
    assert m.cached_prefix([*tokens, 1, 2, 3, 0], cache_salt="tenant-1") == 12
    audit(m)


HASH_SCRIPT = """
from kvarch.runtime.prefix import chain_hashes, root_hash
print(chain_hashes(list(range(40)), 16)[-1].hex())
print(chain_hashes([7] * 16, 16, root_hash("s"))[0].hex())
"""


def test_prefix_hashes_are_identical_across_processes() -> None:
    """sha256 over a fixed encoding: no dependence on PYTHONHASHSEED (TP ranks must agree)."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", HASH_SCRIPT],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    digests = runs[0].split()
    assert len(digests) == 2 and all(len(d) == 64 for d in digests)
    assert digests[0] == chain_hashes(list(range(40)), 16)[-1].hex()
    manual = block_hash(block_hash(root_hash(), np.arange(16)), np.arange(16, 32))
    assert chain_hashes(list(range(40)), 16)[:2] == [block_hash(root_hash(), np.arange(16)), manual]


def test_lru_evicts_chain_tails_first() -> None:
    m, c = make(prefix=True, blocks=6)
    tokens = list(range(13))  # 3 full blocks + 1 partial
    add(m, c, "a", tokens)
    tail = int(m.tables[0][m.row("a"), 2])
    m.free("a")
    m.add("x", list(range(100, 109)))  # takes the 3 blocks holding no prefix first
    assert tail not in m.tables[0][m.row("x")]
    m.add("y", [101])  # evicts a's chain tail (its third block), not its head
    assert int(m.tables[0][m.row("y"), 0]) == tail
    m.free("x")
    assert add(m, c, "b", tokens) == 8
    read_back(m, c, "b", tokens)
    audit(m)


def test_decode_appends_to_tail_and_registers_completed_blocks() -> None:
    m, c = make(prefix=True)
    tokens = [5, 6, 7]
    add(m, c, "a", tokens)
    rows = m.rows_of(["a"])
    for t in [8, 9, 10]:
        slots = m.decode_step(rows, np.array([t]))
        tokens.append(t)
        write(m, c, tokens, slots, len(tokens) - 1)
    read_back(m, c, "a", tokens)
    assert len(m.pools[0].cached) == 1  # [5, 6, 7, 8] is now a cached block
    assert m.add("b", [5, 6, 7, 8, 1]) == 4


def decode_vs_append(steps: int, *, every_step: bool, **kw: Any) -> tuple[Any, Any]:
    """Grow three sequences (one forked) with ``decode_step`` on one manager and ``append``
    on a twin; both caches must read back every token (each step when ``every_step``)."""
    fast, fc = make(page=2, **kw)
    slow, sc = make(page=2, **kw)
    ids = ["a", "b", "c"]
    tokens = {"a": [1, 2, 3], "b": [4], "c": [1, 2, 3]}
    for m, c in ((fast, fc), (slow, sc)):
        add(m, c, "a", tokens["a"])
        add(m, c, "b", tokens["b"])
        m.fork("a", "c")
    rows = fast.rows_of(ids)
    for step in range(steps):
        got = fast.decode_step(rows)
        for i, s in enumerate(ids):
            tokens[s] = [*tokens[s], 10 * step + i]
            write(fast, fc, tokens[s], [g[i : i + 1] for g in got], len(tokens[s]) - 1)
            write(slow, sc, tokens[s], slow.append(s, 1), len(tokens[s]) - 1)
        if every_step:
            for s in ids:
                read_back(fast, fc, s, tokens[s])
    for s in ids:
        read_back(fast, fc, s, tokens[s])
        read_back(slow, sc, s, tokens[s])
    return fast, slow


def test_decode_step_matches_append() -> None:
    decode_vs_append(6, every_step=False, blocks=16, window=3)


def test_sliding_window_recycles_pages() -> None:
    window, page = 5, 2
    m, c = make(page=page, blocks=16, window=window)
    tokens = [1]
    add(m, c, "a", tokens)
    bound = -(-(window - 1) // page) + 1
    for t in range(2, 30):
        tokens.append(t)
        write(m, c, tokens, m.append("a", 1), len(tokens) - 1)
        held = m.tables[1][m.row("a")]
        assert (held >= 0).sum() <= bound
        read_back(m, c, "a", tokens)
    assert m.num_free_blocks(1) == 16 - bound
    q = torch.randn(1, 2, 2)
    layer = c.layer(1)
    table = torch.from_numpy(m.tables[1][[m.row("a")]])
    seq = torch.tensor([len(tokens)], dtype=torch.int32)
    out = ops.paged_decode(q, layer.k, layer.v, table, seq, scale=1.0, window=window)
    keys = torch.stack([kv_of(tokens, p) for p in range(len(tokens) - window, len(tokens))])
    probs = (q[0] @ keys.T).softmax(-1)
    torch.testing.assert_close(out[0], probs @ -keys, atol=1e-5, rtol=1e-5)


def test_chunked_local_attention_keeps_only_the_current_chunk() -> None:
    chunk, page = 4, 2
    m, c = make(page=page, blocks=16, window=chunk, kind="chunked", prefix=True)
    tokens = [1]
    add(m, c, "a", tokens)
    for t in range(2, 30):
        tokens.append(t % 3)
        write(m, c, tokens, m.append("a", [t % 3]), len(tokens) - 1)
        held = np.flatnonzero(m.tables[1][m.row("a")] >= 0)
        # the pages of the chunk of the last token, and the one the next token goes to
        first = ((len(tokens) - 1) // chunk * chunk) // page
        assert held.tolist() == list(range(first, (len(tokens) - 1) // page + 1))
        read_back(m, c, "a", tokens)
    # a hit needs only the blocks of the first new query's chunk in the chunked group
    m.free("a")
    assert m.add("b", tokens) == 28
    read_back(m, c, "b", tokens)
    audit(m)


def test_chunked_decode_step_matches_append() -> None:
    fast, slow = decode_vs_append(
        13, every_step=True, blocks=24, window=6, kind="chunked", max_seqs=4
    )
    for g in range(2):
        assert ((fast.tables[g] >= 0) == (slow.tables[g] >= 0)).all()
        assert fast.num_free_blocks(g) == slow.num_free_blocks(g)
    audit(fast)
    audit(slow)


def test_evicted_prefix_blocks_swap_to_host_and_back() -> None:
    m, c = make(prefix=True, blocks=3, host=2)
    tokens = list(range(9))
    add(m, c, "a", tokens)
    m.free("a")
    m.add("x", list(range(100, 112)))  # needs all 3 blocks: evicts both cached blocks
    assert len(m.hosts[0].slots) == 2  # a's two full blocks went to the host
    m.free("x")
    assert add(m, c, "b", tokens) == 8  # brought back from the host
    read_back(m, c, "b", tokens)
    audit(m)


def test_bad_rows_are_typed_errors() -> None:
    m, _ = make()
    m.add("a", [1])
    with pytest.raises(BlockTableError, match="rows"):
        m.decode_step(np.array([1]))
    with pytest.raises(BlockTableError, match="positions"):
        m.slots("a", 0, 5)
    with pytest.raises(SequenceStateError, match="already live"):
        m.add("a", [1])
    cached, _ = make(prefix=True)
    cached.add("a", [1])
    with pytest.raises(SequenceStateError, match="token ids"):
        cached.append("a", 1)


class BlockMachine(RuleBasedStateMachine):
    """Random alloc / append / decode / fork / prefix hits / evictions / swaps / frees."""

    kind = "sliding"
    shared = False

    def __init__(self) -> None:
        super().__init__()
        self.m, self.c = make(
            page=2,
            blocks=24 if self.shared else 12,
            window=5,
            prefix=True,
            host=6,
            max_seqs=5,
            max_len=20,
            kind=self.kind,
            shared=self.shared,
        )
        self.tokens: dict[int, list[int]] = {}
        self.next_id = 0
        self.swaps = 0
        swap_in = self.c.swap_in

        def counted(group: int, slot: int, block: int) -> None:
            self.swaps += 1
            swap_in(group, slot, block)

        self.c.swap_in = counted  # type: ignore[method-assign]

    def attempt(self, action: Any) -> bool:
        """Run ``action``; a typed refusal must leave the state unchanged."""
        before = snapshot(self.m)
        try:
            action()
        except (OutOfBlocksError, SequenceStateError) as exc:
            assert_same(snapshot(self.m), before)
            event(f"refused: {type(exc).__name__}")
            return False
        return True

    def pick(self, data: st.DataObject) -> int:
        return data.draw(st.sampled_from(sorted(self.tokens)))

    @rule(tokens=st.lists(st.integers(0, 2), min_size=1, max_size=9))
    def add_sequence(self, tokens: list[int]) -> None:
        sid = self.next_id
        self.next_id += 1
        swaps = self.swaps
        hits: list[int] = []
        if self.attempt(lambda: hits.append(add(self.m, self.c, sid, tokens))):
            self.tokens[sid] = tokens
            event("prefix hit" if hits[0] else "no prefix hit")
            if self.swaps > swaps:
                event("swapped in from host")

    @rule(tokens=st.lists(st.integers(3, 50), min_size=1, max_size=12))
    def churn(self, tokens: list[int]) -> None:
        """A short-lived request: forces evictions (and swaps) of cached prefixes."""
        sid = self.next_id
        self.next_id += 1
        if self.attempt(lambda: add(self.m, self.c, sid, tokens)):
            self.m.free(sid)

    @precondition(lambda self: self.tokens)
    @rule(data=st.data(), new=st.lists(st.integers(0, 2), min_size=1, max_size=4))
    def append(self, data: st.DataObject, new: list[int]) -> None:
        sid = self.pick(data)
        full = self.tokens[sid] + new

        def grow() -> None:
            write(self.m, self.c, full, self.m.append(sid, new), len(full) - len(new))

        if self.attempt(grow):
            self.tokens[sid] = full

    @precondition(lambda self: self.tokens)
    @rule(data=st.data())
    def decode(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(sorted(self.tokens)), min_size=1, unique=True))
        ids = [s for s in ids if len(self.tokens[s]) < self.m.max_seq_len]
        if not ids:
            return
        new = data.draw(st.lists(st.integers(0, 2), min_size=len(ids), max_size=len(ids)))
        rows = self.m.rows_of(ids)

        def step() -> None:
            slots = self.m.decode_step(rows, np.array(new))
            for i, sid in enumerate(ids):
                full = [*self.tokens[sid], new[i]]
                write(self.m, self.c, full, [s[i : i + 1] for s in slots], len(full) - 1)

        if self.attempt(step):
            for sid, t in zip(ids, new, strict=True):
                self.tokens[sid].append(t)

    @precondition(lambda self: self.tokens)
    @rule(data=st.data())
    def fork(self, data: st.DataObject) -> None:
        parent = self.pick(data)
        child = self.next_id
        self.next_id += 1
        if self.attempt(lambda: self.m.fork(parent, child)):
            self.tokens[child] = list(self.tokens[parent])

    @precondition(lambda self: self.tokens)
    @rule(data=st.data())
    def free(self, data: st.DataObject) -> None:
        sid = self.pick(data)
        self.m.free(sid)
        del self.tokens[sid]
        with pytest.raises(SequenceStateError):
            self.m.free(sid)

    @invariant()
    def consistent(self) -> None:
        audit(self.m)
        assert set(self.m.seqs) == set(self.tokens)
        for sid, tokens in self.tokens.items():
            read_back(self.m, self.c, sid, tokens)


BlockMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
test_block_manager_state_machine = BlockMachine.TestCase


class ChunkedBlockMachine(BlockMachine):
    """The same with a chunked-local group (chunk 5) beside the full one."""

    kind = "chunked"


ChunkedBlockMachine.TestCase.settings = settings(
    max_examples=50, stateful_step_count=30, deadline=None
)
test_chunked_block_manager_state_machine = ChunkedBlockMachine.TestCase


class SharedPoolBlockMachine(BlockMachine):
    """The same with both groups drawing on one pool (one tensor, tagged prefix keys)."""

    shared = True


SharedPoolBlockMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None
)
test_shared_pool_block_manager_state_machine = SharedPoolBlockMachine.TestCase


def test_a_shared_pool_serves_whichever_group_needs_blocks() -> None:
    m, c = make(page=2, blocks=10, window=3, shared=True, prefix=True)
    assert m.pools[0] is m.pools[1] and len(c.data) == 1
    tokens = list(range(8))  # 4 pages in the full group, 4 in the window group while prefilling
    add(m, c, "a", tokens)
    assert m.num_free_blocks(0) == m.num_free_blocks(1) == 2
    owned = set(m.tables[0][m.row("a")].tolist()) & set(m.tables[1][m.row("a")].tolist())
    assert owned == {-1}  # a block id belongs to one group at a time
    for t in range(8, 14):  # the window group gives pages back, the full group takes them
        tokens.append(t)
        write(m, c, tokens, m.append("a", [t]), len(tokens) - 1)
        read_back(m, c, "a", tokens)
    assert (m.tables[0][m.row("a")] >= 0).sum() == 7
    assert (m.tables[1][m.row("a")] >= 0).sum() == 2
    assert m.num_free_blocks(0) == 1
    # the same digests are cached once per group (keys tagged with the group)
    m.free("a")
    assert {k[0] for k in m.pools[0].cached} == {0, 1}  # type: ignore[index]
    assert add(m, c, "b", tokens) == 12
    read_back(m, c, "b", tokens)
    audit(m)


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_swap_round_trip_through_pinned_host_memory_on_cuda() -> None:
    grp = group([0], 4)
    cache = PagedKVCache([grp], [4], device="cuda", host_blocks=[2])
    host = cache.host[0]
    assert host is not None and host.is_pinned()
    cache.data[0].copy_(torch.randn_like(cache.data[0]))
    block = cache.data[0][3].clone()
    cache.swap_out(0, 3, 1)
    cache.data[0][3].zero_()
    cache.swap_in(0, 1, 2)
    torch.cuda.synchronize()
    assert torch.equal(cache.data[0][2], block)
