"""Cache soak: a seeded random workload on the block manager and real CPU cache tensors
(add / append / decode / fork / prefix hit / eviction / host swap / free, full and sliding
groups), checking after every operation that no block leaked or is doubly owned, ref counts
match the tables, and every touched sequence's K/V reads back bit-exact."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.errors import CacheCopyError, OutOfBlocksError, SequenceStateError
from kvarch.runtime.tensors import PagedKVCache
from tests.test_runtime_blocks import audit, snapshot

#: Errors a refused operation may raise; the state must then be unchanged.
REFUSALS = (OutOfBlocksError, SequenceStateError)


def same(a: Any, b: Any) -> bool:
    """Deep equality of two ``snapshot``s (numpy arrays compared by value and dtype)."""
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return bool(a == b)


def groups(page: int, window: int) -> list[KVCacheGroup]:
    """A full-attention group and a sliding-window group, float32 (exact), 1 head of 2."""
    out = []
    for index, win in ((0, None), (1, window)):
        params = KVCacheParams(
            dtype=DType.float32,
            n_kv_heads=1,
            head_dim=2,
            num_layers=1,
            page_size=page,
            devices=[DeviceRef.CPU()],
        )
        kind = "full" if win is None else "sliding"
        out.append(KVCacheGroup(params=params, layer_indices=[index], attention=kind, window=win))
    return out


@dataclass
class Soak:
    """The system under test, a shadow of what every sequence holds, and counters."""

    page: int = 2
    window: int = 5
    blocks: int = 24
    host: int = 8
    max_seqs: int = 6
    max_len: int = 24
    seed: int = 0
    fault_rate: float = 0.0
    """Chance that a block copy fails (after copying, half of the time)."""
    shared: bool = False
    """Both groups draw on one pool of ``blocks`` blocks (one tensor)."""
    rng: random.Random = field(init=False)
    manager: BlockManager = field(init=False)
    cache: PagedKVCache = field(init=False)
    tokens: dict[Hashable, list[int]] = field(default_factory=dict)
    values: dict[Hashable, list[float]] = field(default_factory=dict)
    """Per sequence, the K value written at each position (V is its negation)."""
    counts: Counter[str] = field(default_factory=Counter)
    next_id: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        grps = groups(self.page, self.window)
        n = [self.blocks] * len(grps)
        pool_of = [0] * len(grps) if self.shared else None
        self.cache = PagedKVCache(grps, n, host_blocks=[self.host] * len(grps), pool_of=pool_of)
        self.manager = BlockManager(
            page_size=self.page,
            num_blocks=n,
            max_seqs=self.max_seqs,
            max_seq_len=self.max_len,
            windows=[g.window for g in grps],
            enable_prefix_caching=True,
            host_blocks=[self.host] * len(grps),
            storage=self.cache,
        )
        self._count_storage()

    def _count_storage(self) -> None:
        faults = random.Random(self.seed + 1)
        for name in ("copy_block", "swap_out", "swap_in"):
            inner = getattr(self.cache, name)

            def counted(*args: int, _inner: Callable[..., None] = inner, _name: str = name) -> None:
                if faults.random() < self.fault_rate:
                    if faults.random() < 0.5:
                        _inner(*args)  # the data landed, then the copy reported failure
                    self.counts[f"injected {_name} failure"] += 1
                    raise RuntimeError(f"injected {_name} failure")
                _inner(*args)
                self.counts[_name] += 1

            setattr(self.cache, name, counted)

    # --- K/V content ------------------------------------------------------------------------
    @staticmethod
    def _value(prefix_value: float, token: int, pos: int) -> float:
        """K at ``pos``: a function of the whole prefix, exact in float32 (integer < 2**24)."""
        return float(hash((prefix_value, token, pos)) % 65521)

    def _extend(self, sid: Hashable, new: list[int]) -> None:
        toks, vals = self.tokens.setdefault(sid, []), self.values.setdefault(sid, [])
        for t in new:
            vals.append(self._value(vals[-1] if vals else -1.0, t, len(toks)))
            toks.append(t)

    def _write(self, sid: Hashable, slots: list[np.ndarray], start: int, rows: Any = None) -> None:
        vals = self.values[sid][start:]
        pos = torch.arange(start, start + len(vals), dtype=torch.float32)
        k = torch.stack([torch.tensor(vals, dtype=torch.float32), pos], dim=-1).view(-1, 1, 2)
        for g, s in enumerate(slots):
            layer = self.cache.layer(self.cache.groups[g].layer_indices[0])
            idx = s if rows is None else s[rows]
            ops.write_kv(layer.k, layer.v, k, -k, torch.from_numpy(np.ascontiguousarray(idx)))

    def read_back(self, sid: Hashable) -> None:
        """Every position each group still sees holds what was written for it."""
        m, n = self.manager, len(self.tokens[sid])
        row = m.row(sid)
        assert m.seq_lens[row] == n
        for g, grp in enumerate(self.cache.groups):
            start = 0 if grp.window is None else max(0, n - grp.window)
            layer = self.cache.layer(grp.layer_indices[0])
            table = torch.from_numpy(m.tables[g][row])
            got = ops.gather_kv(layer.k, table, n, start=start)
            want_k = torch.tensor(self.values[sid][start:], dtype=torch.float32)
            assert torch.equal(got[:, 0, 0], want_k), f"K of {sid!r} group {g}"
            assert torch.equal(got[:, 0, 1], torch.arange(start, n, dtype=torch.float32))
            assert torch.equal(ops.gather_kv(layer.v, table, n, start=start), -got)

    # --- operations -------------------------------------------------------------------------
    def _prompt(self) -> list[int]:
        """Prompts from a small alphabet with shared starts, so prefix hits are common."""
        n = self.rng.randint(1, self.max_len // 2)
        stem = [1, 2, 3, 1, 2, 3, 4, 5, 6, 7][: self.rng.randint(0, 10)]
        return (stem + [self.rng.randint(0, 3) for _ in range(n)])[:n]

    def add(self, sid: Hashable, tokens: list[int]) -> int:
        """Add a sequence and write the K/V of its uncached positions; the cached count."""
        hit = self.manager.add(sid, tokens)
        self._extend(sid, tokens)
        if hit < len(tokens):
            self._write(sid, self.manager.slots(sid, hit, len(tokens)), hit)
        self.counts["prefix hit" if hit else "no prefix hit"] += 1
        self.counts["cached tokens"] += hit
        return hit

    def append(self, sid: Hashable, new: list[int]) -> None:
        """Append tokens to a sequence and write their K/V."""
        slots = self.manager.append(sid, new)
        start = len(self.tokens[sid])
        self._extend(sid, new)
        self._write(sid, slots, start)

    def op_add(self) -> list[Hashable]:
        sid = self.next_id
        self.next_id += 1
        self.add(sid, self._prompt())
        return [sid]

    def op_append(self) -> list[Hashable]:
        sid = self.rng.choice(list(self.tokens))
        self.append(sid, [self.rng.randint(0, 3) for _ in range(self.rng.randint(1, 5))])
        return [sid]

    def op_decode(self) -> list[Hashable]:
        live = [s for s in self.tokens if len(self.tokens[s]) < self.max_len]
        if not live:
            return []
        ids = self.rng.sample(live, self.rng.randint(1, len(live)))
        new = [self.rng.randint(0, 3) for _ in ids]
        slots = self.manager.decode_step(self.manager.rows_of(ids), np.array(new))
        for i, (sid, t) in enumerate(zip(ids, new, strict=True)):
            self._extend(sid, [t])
            self._write(sid, slots, len(self.tokens[sid]) - 1, rows=slice(i, i + 1))
        return ids

    def op_fork(self) -> list[Hashable]:
        parent, child = self.rng.choice(list(self.tokens)), self.next_id
        self.next_id += 1
        self.manager.fork(parent, child)
        self.tokens[child] = list(self.tokens[parent])
        self.values[child] = list(self.values[parent])
        return [child]

    def op_free(self) -> list[Hashable]:
        sid = self.rng.choice(list(self.tokens))
        self.manager.free(sid)
        del self.tokens[sid], self.values[sid]
        return []

    def step(self) -> str:
        """One random operation, checked; returns its name (with ':refused' if refused)."""
        ops_ = [self.op_add, self.op_add]
        if self.tokens:
            ops_ += [self.op_append, self.op_decode, self.op_decode, self.op_fork, self.op_free]
        if len(self.tokens) >= self.max_seqs - 1:  # mostly full: drain more often
            ops_ += [self.op_free] * 3
        op = self.rng.choice(ops_)
        name = op.__name__.removeprefix("op_")
        before = snapshot(self.manager)
        shadow = (dict(self.tokens), self.next_id)
        try:
            touched = op()
        except REFUSALS:
            assert same(snapshot(self.manager), before), f"{name} refused but changed the state"
            self.tokens = shadow[0]
            self.values = {s: self.values[s] for s in self.tokens}
            name += ":refused"
            touched = []
        except CacheCopyError as exc:  # undone: only dropped sequences are gone
            self.tokens = {s: t for s, t in shadow[0].items() if s not in exc.dropped}
            self.values = {s: self.values[s] for s in self.tokens}
            self.counts["dropped after a copy failure"] += len(exc.dropped)
            name += ":copy failed"
            touched = list(self.tokens)
        self.counts[name] += 1
        audit(self.manager)
        for sid in touched:
            self.read_back(sid)
        return name

    def check_all(self) -> None:
        """Every live sequence reads back exactly; the manager knows exactly these sequences."""
        assert set(self.manager.seqs) == set(self.tokens)
        for sid in self.tokens:
            self.read_back(sid)


def soak(
    operations: int,
    seed: int = 0,
    full_check_every: int = 50,
    fault_rate: float = 0.0,
    shared: bool = False,
) -> Counter[str]:
    """Run ``operations`` checked operations; counts of operations and events."""
    s = Soak(seed=seed, fault_rate=fault_rate, shared=shared, blocks=36 if shared else 24)
    for i in range(operations):
        s.step()
        if i % full_check_every == 0:
            s.check_all()
    s.check_all()
    return s.counts
