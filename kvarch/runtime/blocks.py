"""Block manager: sequences, block tables, copy-on-write, prefix caching, windows, host swap.

Bookkeeping only (numpy, no torch): block tables are int32 arrays ``[max_seqs, width]`` per
group (``-1`` = no block), ready for ``torch.from_numpy``; data moves through a
``BlockStorage`` (the cache tensors). Row ``r`` of every table and of ``seq_lens`` belongs to
one live sequence. Every method either completes or raises with the state unchanged; when a
data copy fails (``CacheCopyError``) the operation is undone, except that prefix-cache
entries evicted on the way stay evicted.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from hashlib import sha256
from typing import Protocol

import numpy as np

from kvarch.runtime.errors import (
    BlockTableError,
    CacheCopyError,
    OutOfBlocksError,
    SequenceStateError,
)
from kvarch.runtime.pool import BlockPool, HostPool, Journal, undo
from kvarch.runtime.prefix import BLOCK_TAG, TOKEN_DTYPE, block_hash, chain_hashes, root_hash

__all__ = ["BlockManager", "BlockStorage", "block_hash", "chain_hashes"]

_NO_SEQ: Hashable = object()


class BlockStorage(Protocol):
    """Where block data lives: copies requested by the manager."""

    def copy_block(self, group: int, src: int, dst: int) -> None:
        """Copy device block ``src`` to ``dst`` (copy-on-write)."""

    def swap_out(self, group: int, block: int, slot: int) -> None:
        """Copy device block ``block`` to host slot ``slot``."""

    def swap_in(self, group: int, slot: int, block: int) -> None:
        """Copy host slot ``slot`` to device block ``block``."""


@dataclass(slots=True)
class _Seq:
    row: int
    root: bytes
    """Parent digest of the first block (``prefix.root_hash`` of the sequence's salt)."""
    hashes: list[bytes] = field(default_factory=list)


@dataclass(slots=True)
class _Growth:
    """What one group must do for one sequence to grow (computed before any change)."""

    recycle: list[int]
    cow: int
    """The shared partial tail block to copy before writing, or -1."""
    new: int


class BlockManager:
    """Owns the block pools of every cache group and the sequences that use them."""

    def __init__(
        self,
        *,
        page_size: int,
        num_blocks: Sequence[int],
        max_seqs: int,
        max_seq_len: int,
        windows: Sequence[int | None] | None = None,
        enable_prefix_caching: bool = False,
        host_blocks: Sequence[int] | None = None,
        storage: BlockStorage | None = None,
    ) -> None:
        n_groups = len(num_blocks)
        self.page = page_size
        self.max_seq_len = max_seq_len
        self.width = -(-max_seq_len // page_size)
        self.windows = list(windows) if windows is not None else [None] * n_groups
        self.prefix = enable_prefix_caching
        self.storage = storage
        self.pools = [BlockPool(n) for n in num_blocks]
        hosts = host_blocks or [0] * n_groups
        self.hosts = [HostPool(n) if n else None for n in hosts]
        self.tables = [np.full((max_seqs, self.width), -1, dtype=np.int32) for _ in num_blocks]
        """Per group: block of every (row, logical block index); -1 where none."""
        self.live_from = [np.zeros(max_seqs, dtype=np.int64) for _ in num_blocks]
        """Per group: first block index a row still holds (sliding windows recycle before)."""
        self.seq_lens = np.zeros(max_seqs, dtype=np.int32)
        """Tokens of the sequence in each row (0 = free row)."""
        self.pending = np.zeros((max_seqs, page_size), dtype=TOKEN_DTYPE)
        """Token ids of each row's partial last block (for prefix hashes)."""
        self.seqs: dict[Hashable, _Seq] = {}
        self._by_row: list[_Seq | None] = [None] * max_seqs
        self._forked = False
        self._windowed = any(w is not None for w in self.windows)
        self._swapping = any(h is not None for h in self.hosts) and storage is not None
        self._free_rows = list(range(max_seqs))
        self._written: set[tuple[bool, int, int]] | None = None
        """(on host, group, block or slot) copies landed in during an undoable operation."""

    # --- queries -------------------------------------------------------------------------
    def row(self, seq_id: Hashable) -> int:
        """Table row of a live sequence."""
        return self._live(seq_id).row

    def rows_of(self, seq_ids: Sequence[Hashable]) -> np.ndarray:
        """Rows of live sequences, for ``decode_step`` and table slicing."""
        return np.fromiter((self._live(s).row for s in seq_ids), dtype=np.int64)

    def block_tables(self, group: int, rows: np.ndarray | slice) -> np.ndarray:
        """int32 ``[len(rows), width]`` block tables of ``rows`` (a view for a slice)."""
        return self.tables[group][rows]

    def num_free_blocks(self, group: int = 0) -> int:
        """Blocks of ``group`` that can be handed out (free or evictable)."""
        return self.pools[group].num_free

    def slots(self, seq_id: Hashable, start: int, end: int) -> list[np.ndarray]:
        """Per group, int64 slots of positions ``[start, end)`` of a sequence (-1: recycled)."""
        row = self._live(seq_id).row
        if not 0 <= start <= end <= self.seq_lens[row]:
            raise BlockTableError("positions", (start, end), f"within [0, {self.seq_lens[row]}]")
        pos = np.arange(start, end)
        out = []
        for table in self.tables:
            blocks = table[row, pos // self.page].astype(np.int64)
            out.append(np.where(blocks >= 0, blocks * self.page + pos % self.page, -1))
        return out

    def cached_prefix(self, tokens: Sequence[int], cache_salt: bytes | str | None = None) -> int:
        """Leading tokens that ``add`` would find cached (0 without prefix caching)."""
        if not self.prefix:
            return 0
        hashes = chain_hashes(tokens, self.page, root_hash(cache_salt))
        return self._longest_hit(hashes, len(tokens)) * self.page

    # --- sequence lifecycle --------------------------------------------------------------
    def add(
        self, seq_id: Hashable, tokens: Sequence[int], cache_salt: bytes | str | None = None
    ) -> int:
        """Start a sequence holding ``tokens``; returns how many leading tokens were cached.

        The caller writes K/V of positions ``[returned, len(tokens))`` through ``slots``.
        Sequences with different ``cache_salt`` never share cached blocks.
        """
        if seq_id in self.seqs:
            raise SequenceStateError(seq_id, "already live")
        n = len(tokens)
        self._check_length(seq_id, n)
        if not self._free_rows:
            raise SequenceStateError(seq_id, f"no free row: {len(self.seqs)} sequences live")
        root = root_hash(cache_salt)
        hashes = chain_hashes(tokens, self.page, root) if self.prefix else []
        hit = self._longest_hit(hashes, n)
        sources = [self._hit_sources(g, hashes, hit) for g in range(len(self.pools))]
        total = -(-n // self.page)
        for g, (device, host, _) in enumerate(sources):
            pool = self.pools[g]
            from_free = sum(1 for b in device.values() if pool.ref[b] == 0)
            need = from_free + len(host) + total - hit
            if need > pool.num_free:
                raise OutOfBlocksError(g, need, pool.num_free)
        row = self._take_row(seq_id, root, hashes).row
        undoable = self.storage is not None  # without storage nothing can fail mid-way
        with self._undoable(np.array([row]), new=seq_id) if undoable else nullcontext():
            for g, (device, host, first) in enumerate(sources):
                pool, table = self.pools[g], self.tables[g][row]
                for b in device.values():
                    pool.touch(b)
                slots = {i: self._host(g).take(hashes[i]) for i in host}
                for i in range(first, total):
                    if i in device:
                        table[i] = device[i]
                        continue
                    table[i] = self._allocate(g)
                    if i in slots:
                        self._swap_in(g, slots[i], int(table[i]), hashes[i])
                self.live_from[g][row] = first
            self.seq_lens[row] = n
            tail = n - n % self.page
            self.pending[row, : n - tail] = tokens[tail:]
            for i in range(hit, len(hashes)):
                self._register(row, i, hashes[i])
        return hit * self.page

    def append(self, seq_id: Hashable, tokens: Sequence[int] | int) -> list[np.ndarray]:
        """Grow a sequence by new tokens (ids, or a count without prefix caching).

        Returns per group the int64 slots of the new positions, for ``write_kv``.
        """
        seq = self._live(seq_id)
        count = tokens if isinstance(tokens, int) else len(tokens)
        if isinstance(tokens, int) and self.prefix:
            raise SequenceStateError(seq_id, "append needs token ids when prefix caching is on")
        old = int(self.seq_lens[seq.row])
        self._check_length(seq_id, old + count)
        growth = [self._growth(g, seq.row, old, old + count) for g in range(len(self.pools))]
        self._check_room([growth])
        undoable = self.storage is not None
        with self._undoable(np.array([seq.row])) if undoable else nullcontext():
            self._grow(seq, old, growth)
            self.seq_lens[seq.row] = old + count
            if self.prefix and not isinstance(tokens, int):
                self._record_tokens(seq, old, tokens)
        return self.slots(seq_id, old, old + count)

    def decode_step(self, rows: np.ndarray, tokens: np.ndarray | None = None) -> list[np.ndarray]:
        """Append one token to each of the distinct live ``rows`` (vectorised).

        Returns per group the int64 slots of the new tokens, for ``write_kv``.
        """
        if self.prefix and tokens is None:
            raise SequenceStateError(None, "decode_step needs token ids when prefix caching is on")
        page = self.page
        old = self.seq_lens[rows]
        if old.size and (old.min() < 1 or old.max() >= self.max_seq_len):
            raise BlockTableError("rows", rows.tolist(), f"live rows below {self.max_seq_len}")
        idx, offset = np.divmod(old, page)
        fresh = offset == 0
        picked: list[_Seq] = []
        if self._forked or self._windowed:
            special = self._special_rows(rows, old, idx, offset)
            picked = [self._seq_at(int(r)) for r in rows[special]]
            fresh &= ~special
        # Fresh rows only start a new page in every group; picked rows copy and/or recycle.
        simple_rows = rows[fresh]
        plans = [
            [
                self._growth(g, s.row, int(self.seq_lens[s.row]), int(self.seq_lens[s.row]) + 1)
                for g in range(len(self.pools))
            ]
            for s in picked
        ]
        self._check_room(plans, extra=simple_rows.size)
        # Only copies can fail after the room check: undo support costs nothing without them.
        copies = (bool(picked) and self.storage is not None) or self._swapping
        with self._undoable(rows) if copies else nullcontext():
            for seq, growth in zip(picked, plans, strict=True):
                self._grow(seq, int(self.seq_lens[seq.row]), growth)
            if simple_rows.size:
                simple_idx = idx[fresh]
                for g, table in enumerate(self.tables):
                    table[simple_rows, simple_idx] = self._allocate_many(g, simple_idx.size)
            if self.prefix and tokens is not None:
                self.pending[rows, offset] = tokens
            self.seq_lens[rows] = old + 1
            if self.prefix:
                self._complete_blocks(rows[offset == page - 1], idx[offset == page - 1])
        return [
            np.add(np.multiply(table[rows, idx], page, dtype=np.int64), offset)
            for table in self.tables
        ]

    def _special_rows(
        self, rows: np.ndarray, old: np.ndarray, idx: np.ndarray, offset: np.ndarray
    ) -> np.ndarray:
        """Rows whose step copies a shared tail (after a fork) or recycles window pages."""
        special = np.zeros(len(rows), dtype=bool)
        partial = offset != 0
        for g, table in enumerate(self.tables):
            if self._forked:
                tail = table[rows, np.where(partial, idx, 0)]
                special |= partial & (self.pools[g].ref[np.maximum(tail, 0)] > 1)
            window = self.windows[g]
            if window is not None:
                special |= self.live_from[g][rows] < np.maximum(old - window + 1, 0) // self.page
        return special

    def fork(self, parent_id: Hashable, child_id: Hashable) -> None:
        """A new sequence sharing all of ``parent_id``'s blocks (copy-on-write on append)."""
        parent = self._live(parent_id)
        if child_id in self.seqs:
            raise SequenceStateError(child_id, "already live")
        if not self._free_rows:
            raise SequenceStateError(child_id, f"no free row: {len(self.seqs)} sequences live")
        row = self._take_row(child_id, parent.root, list(parent.hashes)).row
        self._forked = True
        for g, table in enumerate(self.tables):
            table[row] = table[parent.row]
            held = table[row][table[row] >= 0]
            np.add.at(self.pools[g].ref, held, 1)
            self.live_from[g][row] = self.live_from[g][parent.row]
        self.seq_lens[row] = self.seq_lens[parent.row]
        self.pending[row] = self.pending[parent.row]

    def free(self, seq_id: Hashable) -> None:
        """Release a sequence's blocks, tail first (so its tail is evicted first)."""
        seq = self.seqs.pop(seq_id, None)
        if seq is None:
            raise SequenceStateError(seq_id, "not live (never added, or freed already)")
        for g, table in enumerate(self.tables):
            held = table[seq.row]
            for b in held[held >= 0][::-1].tolist():
                self.pools[g].release(b)
            held.fill(-1)
            self.live_from[g][seq.row] = 0
        self.seq_lens[seq.row] = 0
        self._by_row[seq.row] = None
        heapq.heappush(self._free_rows, seq.row)

    # --- internals -----------------------------------------------------------------------
    def _live(self, seq_id: Hashable) -> _Seq:
        seq = self.seqs.get(seq_id)
        if seq is None:
            raise SequenceStateError(seq_id, "not live (never added, or freed)")
        return seq

    def _seq_at(self, row: int) -> _Seq:
        seq = self._by_row[row]
        if seq is None:
            raise BlockTableError("rows", row, "rows of live sequences")
        return seq

    def _host(self, g: int) -> HostPool:
        host = self.hosts[g]
        if host is None:
            raise SequenceStateError(None, f"group {g} has no host swap space")
        return host

    def _take_row(self, seq_id: Hashable, root: bytes, hashes: list[bytes]) -> _Seq:
        row = heapq.heappop(self._free_rows)
        seq = self.seqs[seq_id] = self._by_row[row] = _Seq(row, root, hashes)
        return seq

    def _check_length(self, seq_id: Hashable, n: int) -> None:
        if not 1 <= n <= self.max_seq_len:
            raise SequenceStateError(seq_id, f"length {n} outside [1, {self.max_seq_len}]")

    def _first_needed(self, g: int, length: int) -> int:
        """First block a query at position ``length`` still sees in group ``g``."""
        window = self.windows[g]
        return 0 if window is None else max(0, length - window + 1) // self.page

    def _present(self, g: int, digest: bytes) -> bool:
        host = self.hosts[g]
        return digest in self.pools[g].cached or (host is not None and digest in host)

    def _longest_hit(self, hashes: list[bytes], n: int) -> int:
        """Cached full blocks usable by every group (never the block of the last token)."""
        limit = min(len(hashes), (n - 1) // self.page)
        for g, window in enumerate(self.windows):
            if window is None:
                run = 0
                while run < limit and self._present(g, hashes[run]):
                    run += 1
                limit = run
        for k in range(limit, 0, -1):
            if all(
                all(
                    self._present(g, hashes[i])
                    for i in range(self._first_needed(g, k * self.page), k)
                )
                for g, w in enumerate(self.windows)
                if w is not None
            ):
                return k
        return 0

    def _hit_sources(
        self, g: int, hashes: list[bytes], hit: int
    ) -> tuple[dict[int, int], list[int], int]:
        """Device blocks and host-swapped indices of a hit's blocks, and the first one kept."""
        first = self._first_needed(g, hit * self.page)
        device: dict[int, int] = {}
        host: list[int] = []
        for i in range(first, hit):
            block = self.pools[g].lookup(hashes[i])
            if block is None:
                host.append(i)
            else:
                device[i] = block
        return device, host, first

    def _allocate(self, g: int) -> int:
        """A fresh block; an evicted cached block is first copied to the host if swapping."""
        return self._allocate_many(g, 1)[0]

    def _allocate_many(self, g: int, count: int) -> list[int]:
        """``count`` fresh blocks; evicted cached blocks are first copied to the host."""
        blocks, evicted = self.pools[g].allocate_many(count)
        host = self.hosts[g]
        if host is None:
            return blocks
        for block, digest in evicted:
            slot = host.store(digest)
            if slot is not None:
                self._copy("swap_out", g, block, slot)
        return blocks

    def _swap_in(self, g: int, slot: int, block: int, digest: bytes) -> None:
        self._copy("swap_in", g, slot, block)
        self._host(g).give_back(slot)
        self.pools[g].register(block, digest)

    def _growth(self, g: int, row: int, old: int, new: int) -> _Growth:
        table, pool, page = self.tables[g][row], self.pools[g], self.page
        recycle = [
            int(b) for b in table[self.live_from[g][row] : self._first_needed(g, old)] if b >= 0
        ]
        tail = int(table[(old - 1) // page]) if old % page else -1
        cow = tail if tail >= 0 and pool.ref[tail] > 1 else -1
        return _Growth(recycle, cow, -(-new // page) - -(-old // page))

    def _check_room(self, plans: list[list[_Growth]], extra: int = 0) -> None:
        """Raise unless every group can serve ``plans`` plus ``extra`` fresh blocks."""
        if not plans:
            for g, pool in enumerate(self.pools):
                if extra > pool.num_free:
                    raise OutOfBlocksError(g, extra, pool.num_free)
            return
        for g, pool in enumerate(self.pools):
            sharers = Counter(p[g].cow for p in plans if p[g].cow >= 0)
            # k rows sharing a tail owned r times copy it min(k, r - 1) times: the last keeps it.
            need = extra + sum(p[g].new for p in plans)
            need += sum(min(k, int(pool.ref[b]) - 1) for b, k in sharers.items())
            freed = sum(1 for p in plans for b in p[g].recycle if pool.ref[b] == 1)
            if need > pool.num_free + freed:
                raise OutOfBlocksError(g, need, pool.num_free + freed)

    def _copy(self, op: str, g: int, src: int, dst: int) -> None:
        """Ask the storage for one block copy; a failure becomes ``CacheCopyError``."""
        if self.storage is None:
            return
        if self._written is not None:  # before the copy: a failed one may have written part
            self._written.add((op == "swap_out", g, dst))
        try:
            getattr(self.storage, op)(g, src, dst)
        except Exception as exc:
            raise CacheCopyError(op, g, src, dst, exc) from exc

    @contextmanager
    def _undoable(self, rows: np.ndarray, new: Hashable = _NO_SEQ) -> Iterator[None]:
        """Run a change of ``rows`` (``new``: a sequence it adds); on failure undo it. A row
        whose restored blocks were overwritten meanwhile is freed (``CacheCopyError.dropped``)."""
        journal: Journal = []
        pools: list[BlockPool | HostPool] = [*self.pools, *(h for h in self.hosts if h is not None)]
        saved = [(t[rows], lf[rows]) for t, lf in zip(self.tables, self.live_from, strict=True)]
        lens, pending = self.seq_lens[rows], self.pending[rows]
        n_hashes = [len(s.hashes) if (s := self._by_row[r]) else 0 for r in rows.tolist()]
        for p in pools:
            p.journal = journal
        written: set[tuple[bool, int, int]] = set()
        self._written = written
        try:
            yield
        except BaseException as exc:
            undo(journal)
            for g, (table, live) in enumerate(saved):
                self.tables[g][rows], self.live_from[g][rows] = table, live
            self.seq_lens[rows], self.pending[rows] = lens, pending
            for r, n in zip(rows.tolist(), n_hashes, strict=True):
                if (s := self._by_row[r]) is not None:
                    del s.hashes[n:]
            if new is not _NO_SEQ and self.seqs.get(new) is self._by_row[int(rows[0])]:
                self._drop_row(new)
            self._forget_overwritten_slots(written)
            if isinstance(exc, CacheCopyError):
                exc.dropped = self._drop_overwritten(rows, written)
            raise
        finally:
            for p in pools:
                p.journal = None
            self._written = None

    def _drop_row(self, seq_id: Hashable) -> None:
        seq = self.seqs.pop(seq_id)
        self._by_row[seq.row] = None
        heapq.heappush(self._free_rows, seq.row)

    def _forget_overwritten_slots(self, written: set[tuple[bool, int, int]]) -> None:
        """Unindex host copies that undo restored but a later swap-out overwrote."""
        for on_host, g, slot in written:
            host = self.hosts[g]
            if on_host and host is not None:
                for digest in [h for h, s in host.slots.items() if s == slot]:
                    host.give_back(host.take(digest))

    def _drop_overwritten(
        self, rows: np.ndarray, written: set[tuple[bool, int, int]]
    ) -> list[Hashable]:
        """Free live sequences among ``rows`` that hold a block overwritten by a copy."""
        ids = {id(s): k for k, s in self.seqs.items()}
        dropped = []
        for r in rows.tolist():
            seq = self._by_row[r]
            if seq is not None and any(
                (False, g, b) in written for g, t in enumerate(self.tables) for b in t[r].tolist()
            ):
                dropped.append(ids[id(seq)])
                self.free(ids[id(seq)])
        return dropped

    def _grow(self, seq: _Seq, old: int, growth: list[_Growth]) -> None:
        page, row = self.page, seq.row
        for g, plan in enumerate(growth):
            table, pool = self.tables[g][row], self.pools[g]
            for b in reversed(plan.recycle):
                pool.release(b)
            first = self._first_needed(g, old)
            table[self.live_from[g][row] : first] = -1
            self.live_from[g][row] = max(int(self.live_from[g][row]), first)
            if plan.cow >= 0 and pool.ref[plan.cow] > 1:
                idx = (old - 1) // page
                fresh = self._allocate(g)
                self._copy("copy_block", g, int(table[idx]), fresh)
                pool.release(int(table[idx]))
                table[idx] = fresh
            start = -(-old // page)
            for i in range(start, start + plan.new):
                table[i] = self._allocate(g)

    def _record_tokens(self, seq: _Seq, old: int, tokens: Sequence[int]) -> None:
        """Keep the tail block's token ids; hash and index every block the tokens complete."""
        page, pos, i = self.page, old, 0
        while i < len(tokens):
            off = pos % page
            take = min(page - off, len(tokens) - i)
            self.pending[seq.row, off : off + take] = tokens[i : i + take]
            pos, i = pos + take, i + take
            if pos % page == 0:
                self._complete_blocks(np.array([seq.row]), np.array([pos // page - 1]))

    def _complete_blocks(self, rows: np.ndarray, index: np.ndarray) -> None:
        """Hash and index block ``index[i]`` of row ``rows[i]``, just filled (vectorised)."""
        if not rows.size:
            return
        held = [table[rows, index].tolist() for table in self.tables]
        width = self.page * self.pending.itemsize
        tokens = self.pending[rows].tobytes()  # row j's ids: tokens[j * width : (j + 1) * width]
        by_row, pools, sha = self._by_row, self.pools, sha256
        for j, r in enumerate(rows.tolist()):
            seq = by_row[r]
            hashes = seq.hashes
            parent = hashes[-1] if hashes else seq.root
            # == prefix.block_hash(parent, the row's pending ids), inlined for speed
            digest = sha(BLOCK_TAG + parent + tokens[j * width : (j + 1) * width]).digest()
            hashes.append(digest)
            for g, blocks in enumerate(held):
                if blocks[j] >= 0:
                    pools[g].register(blocks[j], digest)

    def _register(self, row: int, index: int, digest: bytes) -> None:
        for g, table in enumerate(self.tables):
            block = int(table[row, index])
            if block >= 0:
                self.pools[g].register(block, digest)
