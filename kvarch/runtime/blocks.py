"""Block manager: the coordinator of the cache groups' managers (vLLM's scheduler side).

Bookkeeping only (numpy, no torch). ``BlockManager`` owns the sequences (rows, lengths, the
token ids of partial blocks, prefix digests) and asks one manager per cache group
(``group_managers``: full attention, sliding window, chunked local) which blocks each
sequence holds, frees and needs. The data moves they decide (copy-on-write copies, swap out /
in) are collected per operation and executed, in order, by a ``BlockStorage`` (the cache
tensors, the worker side) once the bookkeeping is done.

Block tables are int32 arrays ``[max_seqs, width]`` per group (``-1`` = no block), ready for
``torch.from_numpy``; row ``r`` of every table and of ``seq_lens`` is one live sequence. Every
method either completes or raises with the state unchanged; when a data copy fails
(``CacheCopyError``) the operation is undone, except that prefix-cache entries evicted on the
way stay evicted.
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

from kvarch.kv_cache import KVCacheGroup
from kvarch.runtime.errors import (
    BlockTableError,
    CacheCopyError,
    OutOfBlocksError,
    SequenceStateError,
    ShapeError,
)
from kvarch.runtime.group_managers import GroupManager, Growth, make_manager
from kvarch.runtime.moves import BlockStorage, Moves, execute
from kvarch.runtime.pool import BlockPool, HostPool, Journal, undo
from kvarch.runtime.prefix import BLOCK_TAG, TOKEN_DTYPE, block_hash, chain_hashes, root_hash

__all__ = ["BlockManager", "BlockStorage", "block_hash", "chain_hashes"]

_NO_SEQ: Hashable = object()


class LaidOutStorage(BlockStorage, Protocol):
    """Cache tensors that know their groups and pools (``tensors.PagedKVCache``)."""

    page_size: int
    groups: list[KVCacheGroup]
    num_blocks: list[int]
    host_blocks: list[int]
    pool_of: list[int]
    source_of: list[int]


@dataclass(slots=True)
class _Seq:
    row: int
    root: bytes
    """Parent digest of the first block (``prefix.root_hash`` of the sequence's salt)."""
    hashes: list[bytes] = field(default_factory=list)


class BlockManager:
    """Owns the sequences and, through one manager per cache group, their blocks."""

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
        attention: Sequence[str] | None = None,
        pool_of: Sequence[int] | None = None,
    ) -> None:
        """Lists are per cache group (or per model group when ``storage`` split the model's
        groups, see ``layout``). ``num_blocks`` / ``host_blocks``: blocks of the pool the
        group draws from; ``pool_of``: each group's pool (default: the storage's
        ``pool_of`` when it has one, else one pool per group). ``attention`` names each
        group's kind (``full``, ``sliding``, ``chunked``); by default a group with a window is
        sliding (a superset of a chunk's pages, what the transformers adapter reads)."""
        source_of = getattr(storage, "source_of", None)
        if source_of is not None and len(num_blocks) != len(source_of):
            # lists per model group (as_groups(params)): expand to the storage's split groups
            if len(num_blocks) != max(source_of) + 1:
                raise ShapeError("num_blocks", list(num_blocks), "one entry per cache group")
            num_blocks = [num_blocks[i] for i in source_of]
            windows = None if windows is None else [windows[i] for i in source_of]
            attention = None if attention is None else [attention[i] for i in source_of]
            host_blocks = None if host_blocks is None else [host_blocks[i] for i in source_of]
        n_groups = len(num_blocks)
        self.page = page_size
        self.max_seq_len = max_seq_len
        self.width = -(-max_seq_len // page_size)
        self.windows = list(windows) if windows is not None else [None] * n_groups
        kinds = list(attention) if attention is not None else [None] * n_groups
        self.prefix = enable_prefix_caching
        self.storage = storage
        hosts = list(host_blocks or [0] * n_groups)
        if pool_of is None:
            pool_of = getattr(storage, "pool_of", None) or range(n_groups)
        self.pool_of = list(pool_of)
        """Pool index of each group."""
        if len(self.pool_of) != n_groups or len(getattr(storage, "groups", self.pool_of)) != (
            n_groups
        ):
            raise ShapeError("num_blocks", list(num_blocks), "one entry per group of the storage")
        if set(self.pool_of) != set(range(max(self.pool_of, default=-1) + 1)):
            raise ShapeError("pool_of", self.pool_of, "pools numbered 0.. without gaps")
        members = [[g for g, q in enumerate(self.pool_of) if q == p] for p in sorted(set(pool_of))]
        for m in members:
            if len({num_blocks[g] for g in m}) > 1 or len({hosts[g] for g in m}) > 1:
                raise ShapeError("num_blocks", list(num_blocks), "one size per shared pool")
        self._pools = [BlockPool(num_blocks[m[0]]) for m in members]
        self._hosts = [HostPool(hosts[m[0]]) if hosts[m[0]] else None for m in members]
        shared = [len(m) > 1 for m in members]
        self.managers: list[GroupManager] = [
            make_manager(
                kind or ("full" if w is None else "sliding"),
                w,
                g,
                self._pools[self.pool_of[g]],
                self._hosts[self.pool_of[g]],
                page=page_size,
                max_seqs=max_seqs,
                width=self.width,
                tagged=shared[self.pool_of[g]],
            )
            for g, (w, kind) in enumerate(zip(self.windows, kinds, strict=True))
        ]
        self.pools = [m.pool for m in self.managers]
        """Per group: the block pool it draws from."""
        self.hosts = [m.host for m in self.managers]
        """Per group: the host swap pool of its blocks (None: no swapping)."""
        self.tables = [m.table for m in self.managers]
        """Per group: block of every (row, logical block index); -1 where none."""
        self.live_from = [m.live_from for m in self.managers]
        """Per group: first block index a row still holds (windowed groups release before)."""
        self.seq_lens = np.zeros(max_seqs, dtype=np.int32)
        """Tokens of the sequence in each row (0 = free row)."""
        self.pending = np.zeros((max_seqs, page_size), dtype=TOKEN_DTYPE)
        """Token ids of each row's partial last block (for prefix hashes)."""
        self.seqs: dict[Hashable, _Seq] = {}
        self._by_row: list[_Seq | None] = [None] * max_seqs
        self._forked = False
        self._recycling = any(m.recycles for m in self.managers)
        self._swapping = any(h is not None for h in self._hosts) and storage is not None
        self._free_rows = list(range(max_seqs))
        self._written: set[tuple[bool, int, int]] | None = None
        """(on host, pool, block or slot) copies landed in during an undoable operation."""

    @classmethod
    def for_cache(
        cls,
        storage: LaidOutStorage,
        *,
        max_seqs: int,
        max_seq_len: int,
        enable_prefix_caching: bool = False,
        swap: bool = True,
    ) -> BlockManager:
        """The manager of cache tensors built from a plan (``PagedKVCache``): its groups,
        windows, pools and (with ``swap``) host swap blocks."""
        return cls(
            page_size=storage.page_size,
            num_blocks=storage.num_blocks,
            max_seqs=max_seqs,
            max_seq_len=max_seq_len,
            windows=[g.window for g in storage.groups],
            enable_prefix_caching=enable_prefix_caching,
            host_blocks=storage.host_blocks if swap and enable_prefix_caching else None,
            storage=storage,
            pool_of=storage.pool_of,
        )

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
        """Blocks ``group`` can be handed (free or evictable; shared with its pool's groups)."""
        return self.pools[group].num_free

    def slots(self, seq_id: Hashable, start: int, end: int) -> list[np.ndarray]:
        """Per group, int64 slots of positions ``[start, end)`` of a sequence (-1: released)."""
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
        total = -(-n // self.page)
        sources = [m.hit_sources(hashes, hit) for m in self.managers]
        need = [0] * len(self._pools)
        for m, src in zip(self.managers, sources, strict=True):
            from_free = sum(1 for b in src.device.values() if m.pool.ref[b] == 0)
            need[self.pool_of[m.index]] += from_free + total - src.first - len(src.device)
        self._check_need(need, [0] * len(need))
        row = self._take_row(seq_id, root, hashes).row
        with (
            self._undoable(np.array([row]), new=seq_id)
            if self.storage is not None
            else nullcontext()
        ):
            moves: Moves = []
            for m, src in zip(self.managers, sources, strict=True):
                m.take_hit(hashes, src)  # every group's, before any allocation evicts one
            for m, src in zip(self.managers, sources, strict=True):
                m.admit(row, hashes, src, total, moves)
            self.seq_lens[row] = n
            tail = n - n % self.page
            self.pending[row, : n - tail] = tokens[tail:]
            for i in range(hit, len(hashes)):
                self._register(row, i, hashes[i])
            self._run(moves)
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
        plan = [(seq.row, old, [m.growth(seq.row, old, old + count) for m in self.managers])]
        self._check_room(plan)
        with self._undoable(np.array([seq.row])) if self.storage is not None else nullcontext():
            moves: Moves = []
            self._grow(plan, moves)
            self.seq_lens[seq.row] = old + count
            if self.prefix and not isinstance(tokens, int):
                self._record_tokens(seq, old, tokens)
            self._run(moves)
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
        plan: list[tuple[int, int, list[Growth]]] = []
        if self._forked or self._recycling:
            special = np.zeros(len(rows), dtype=bool)
            for m in self.managers:
                mask = m.special_rows(rows, old, idx, offset, self._forked)
                if mask is not None:
                    special |= mask
            if special.any():
                for r in rows[special].tolist():
                    length = int(self.seq_lens[self._seq_at(r).row])
                    plan.append(
                        (r, length, [m.growth(r, length, length + 1) for m in self.managers])
                    )
                fresh &= ~special
        # Fresh rows only start a new page in every group; planned rows copy and/or release.
        simple_rows = rows[fresh]
        self._check_room(plan, extra=simple_rows.size)
        # Only copies can fail after the room check: undo support costs nothing without them.
        copies = (bool(plan) and self.storage is not None) or self._swapping
        with self._undoable(rows) if copies else nullcontext():
            moves: Moves = []
            self._grow(plan, moves)
            if simple_rows.size:
                simple_idx = idx[fresh]
                for m in self.managers:
                    m.table[simple_rows, simple_idx] = m.allocate(simple_idx.size, moves)
            if self.prefix and tokens is not None:
                self.pending[rows, offset] = tokens
            self.seq_lens[rows] = old + 1
            if self.prefix:
                self._complete_blocks(rows[offset == page - 1], idx[offset == page - 1])
            if moves:
                self._run(moves)
        return [
            np.add(np.multiply(table[rows, idx], page, dtype=np.int64), offset)
            for table in self.tables
        ]

    def fork(self, parent_id: Hashable, child_id: Hashable) -> None:
        """A new sequence sharing all of ``parent_id``'s blocks (copy-on-write on append)."""
        parent = self._live(parent_id)
        if child_id in self.seqs:
            raise SequenceStateError(child_id, "already live")
        if not self._free_rows:
            raise SequenceStateError(child_id, f"no free row: {len(self.seqs)} sequences live")
        row = self._take_row(child_id, parent.root, list(parent.hashes)).row
        self._forked = True
        for m in self.managers:
            m.fork(parent.row, row)
        self.seq_lens[row] = self.seq_lens[parent.row]
        self.pending[row] = self.pending[parent.row]

    def free(self, seq_id: Hashable, *, forget_from: int | None = None) -> None:
        """Release a sequence's blocks, tail first (so its tail is evicted first).

        ``forget_from``: the K/V of positions from there on were never written (the step
        writing them failed): blocks holding them leave the prefix cache first.
        """
        seq = self.seqs.get(seq_id)
        if seq is None:
            raise SequenceStateError(seq_id, "not live (never added, or freed already)")
        if forget_from is not None:
            first = forget_from // self.page
            for g, table in enumerate(self.tables):
                for block in table[seq.row, first:].tolist():
                    if block >= 0:
                        self.pools[g].forget(block)
        del self.seqs[seq_id]
        for m in self.managers:
            m.free(seq.row)
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

    def _take_row(self, seq_id: Hashable, root: bytes, hashes: list[bytes]) -> _Seq:
        row = heapq.heappop(self._free_rows)
        seq = self.seqs[seq_id] = self._by_row[row] = _Seq(row, root, hashes)
        return seq

    def _check_length(self, seq_id: Hashable, n: int) -> None:
        if not 1 <= n <= self.max_seq_len:
            raise SequenceStateError(seq_id, f"length {n} outside [1, {self.max_seq_len}]")

    def _longest_hit(self, hashes: list[bytes], n: int) -> int:
        """Cached full blocks usable by every group (never the block of the last token):
        each manager lowers the bound to its own longest usable hit until none moves it."""
        limit = min(len(hashes), (n - 1) // self.page)
        while True:
            bound = limit
            for m in self.managers:
                bound = m.longest_hit(hashes, bound)
            if bound == limit:
                return limit
            limit = bound

    def _check_room(self, plan: list[tuple[int, int, list[Growth]]], extra: int = 0) -> None:
        """Raise unless every pool can serve ``plan`` plus ``extra`` fresh blocks per group."""
        need = [0] * len(self._pools)
        freed = [0] * len(self._pools)
        for m in self.managers:
            p, pool = self.pool_of[m.index], m.pool
            need[p] += extra
            if not plan:
                continue
            growths = [g[m.index] for _, _, g in plan]
            sharers = Counter(gr.cow for gr in growths if gr.cow >= 0)
            # k rows sharing a tail owned r times copy it min(k, r - 1) times: the last keeps it.
            need[p] += sum(gr.new for gr in growths)
            need[p] += sum(min(k, int(pool.ref[b]) - 1) for b, k in sharers.items())
            freed[p] += sum(1 for gr in growths for b in gr.recycle if pool.ref[b] == 1)
        self._check_need(need, freed)

    def _check_need(self, need: list[int], freed: list[int]) -> None:
        for p, (n, pool) in enumerate(zip(need, self._pools, strict=True)):
            if n > pool.num_free + freed[p]:
                raise OutOfBlocksError(self.pool_of.index(p), n, pool.num_free + freed[p])

    def _grow(self, plan: list[tuple[int, int, list[Growth]]], moves: Moves) -> None:
        """Apply growths: every release first (a shared pool reuses them at once), then the
        copies and allocations."""
        for row, old, growths in plan:
            for m, growth in zip(self.managers, growths, strict=True):
                m.release(row, old, growth)
        for row, old, growths in plan:
            for m, growth in zip(self.managers, growths, strict=True):
                m.grow(row, old, growth, moves)

    def _run(self, moves: Moves) -> None:
        """Have the storage execute the operation's data moves (none without storage)."""
        if self.storage is not None and moves:
            execute(self.storage, moves, self._written, self.pool_of)

    @contextmanager
    def _undoable(self, rows: np.ndarray, new: Hashable = _NO_SEQ) -> Iterator[None]:
        """Run a change of ``rows`` (``new``: a sequence it adds); on failure undo it. A row
        whose restored blocks were overwritten meanwhile is freed (``CacheCopyError.dropped``)."""
        journal: Journal = []
        pools: list[BlockPool | HostPool] = [*self._pools, *(h for h in self._hosts if h)]
        saved = [(m.table[rows], m.live_from[rows]) for m in self.managers]
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
            for m, (table, live) in zip(self.managers, saved, strict=True):
                m.table[rows], m.live_from[rows] = table, live
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
        for on_host, p, slot in written:
            host = self._hosts[p]
            if on_host and host is not None:
                for key in [k for k, s in host.slots.items() if s == slot]:
                    host.give_back(host.take(key))

    def _drop_overwritten(
        self, rows: np.ndarray, written: set[tuple[bool, int, int]]
    ) -> list[Hashable]:
        """Free live sequences among ``rows`` that hold a block overwritten by a copy."""
        ids = {id(s): k for k, s in self.seqs.items()}
        dropped = []
        for r in rows.tolist():
            seq = self._by_row[r]
            if seq is not None and any(
                (False, self.pool_of[m.index], b) in written
                for m in self.managers
                for b in m.table[r].tolist()
            ):
                dropped.append(ids[id(seq)])
                self.free(ids[id(seq)])
        return dropped

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
        held = [(m, m.table[rows, index].tolist()) for m in self.managers]
        width = self.page * self.pending.itemsize
        tokens = self.pending[rows].tobytes()  # row j's ids: tokens[j * width : (j + 1) * width]
        by_row, sha = self._by_row, sha256
        for j, r in enumerate(rows.tolist()):
            seq = by_row[r]
            assert seq is not None
            hashes = seq.hashes
            parent = hashes[-1] if hashes else seq.root
            # == prefix.block_hash(parent, the row's pending ids), inlined for speed
            digest = sha(BLOCK_TAG + parent + tokens[j * width : (j + 1) * width]).digest()
            hashes.append(digest)
            for m, blocks in held:
                if blocks[j] >= 0:
                    m.register(blocks[j], digest)

    def _register(self, row: int, index: int, digest: bytes) -> None:
        for m in self.managers:
            block = int(m.table[row, index])
            if block >= 0:
                m.register(block, digest)
