"""Per-attention-type managers: which blocks the sequences of one cache group hold.

One manager per cache group (vLLM's single-type managers). Each owns its group's block table
(``int32 [max_seqs, width]``, ``-1`` = no block) and decides, for its attention type, which
blocks a sequence needs, may free, and must find cached for a prefix hit:

- ``FullAttentionManager``: every page of the sequence, for its whole life.
- ``SlidingWindowManager(window)``: a query at ``p`` sees ``(p - window, p]``; pages wholly
  before the next query's window are released before the sequence grows.
- ``ChunkedLocalManager(chunk)``: a query at ``p`` sees its own chunk ``[p - p % chunk, p]``;
  pages before the current chunk are released.

Managers change only their table and their pool's ownership (the pool may be shared with
other groups); data moves they need (copy-on-write, swap out / in) are appended to a
``Moves`` list that the coordinator (``blocks.BlockManager``) has the storage execute.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kvarch.runtime.moves import Moves
from kvarch.runtime.pool import BlockPool, CacheKey, HostPool

__all__ = [
    "ChunkedLocalManager",
    "FullAttentionManager",
    "GroupManager",
    "Growth",
    "HitSources",
    "SlidingWindowManager",
    "make_manager",
]


@dataclass(slots=True)
class Growth:
    """What one group must do for one sequence to grow (computed before any change)."""

    recycle: list[int]
    """Blocks the sequence releases first (fell out of its window or chunk)."""
    cow: int
    """The shared partial tail block to copy before writing, or -1."""
    new: int
    """Fresh blocks for the new pages."""


@dataclass(slots=True)
class HitSources:
    """Where the blocks of a prefix hit come from in one group."""

    first: int
    """First block index the sequence holds (earlier ones are outside every window)."""
    device: dict[int, int]
    """Block index -> cached device block."""
    host: list[int]
    """Block indices cached on the host (swapped in to fresh blocks)."""
    slots: dict[int, int]
    """Block index -> host slot, once taken (``take_host``)."""


class GroupManager:
    """Full attention (the base behaviour): a sequence keeps every page it wrote."""

    kind = "full"
    recycles = False
    """Whether sequences release pages while they live (windowed types)."""

    def __init__(
        self,
        index: int,
        pool: BlockPool,
        host: HostPool | None,
        *,
        page: int,
        max_seqs: int,
        width: int,
        tagged: bool = False,
    ) -> None:
        self.index = index
        """The group's position in the coordinator (moves and errors name it)."""
        self.pool = pool
        self.host = host
        self.page = page
        self.table = np.full((max_seqs, width), -1, dtype=np.int32)
        """Block of every (row, logical block index); -1 where none."""
        self.live_from = np.zeros(max_seqs, dtype=np.int64)
        """First block index each row still holds (windowed types release earlier ones)."""
        self.tagged = tagged
        """Index prefix hashes as (group, digest): the pool is shared with other groups."""

    @property
    def window(self) -> int | None:
        """Tokens one query sees (None: all)."""
        return None

    # --- attention span ----------------------------------------------------------------------
    def first_visible(self, pos: int) -> int:
        """First key position a query at ``pos`` sees."""
        return 0

    def first_visible_many(self, pos: np.ndarray) -> np.ndarray:
        """``first_visible`` of many positions (vectorised)."""
        return np.zeros_like(pos)

    def first_needed(self, length: int) -> int:
        """First block index a query at position ``length`` still sees."""
        return self.first_visible(length) // self.page

    # --- prefix cache ------------------------------------------------------------------------
    def key(self, digest: bytes) -> CacheKey:
        """The pool index key of a block digest."""
        return (self.index, digest) if self.tagged else digest

    def present(self, digest: bytes) -> bool:
        """Whether the block ``digest`` is cached on the device or the host."""
        key = self.key(digest)
        return key in self.pool.cached or (self.host is not None and key in self.host)

    def longest_hit(self, hashes: list[bytes], limit: int) -> int:
        """Largest ``k <= limit`` such that a hit of ``k`` blocks is usable by this group."""
        run = 0
        while run < limit and self.present(hashes[run]):
            run += 1
        return run

    def hit_sources(self, hashes: list[bytes], hit: int) -> HitSources:
        """Device blocks and host-cached indices of the blocks a ``hit``-block hit uses."""
        first = self.first_needed(hit * self.page)
        device: dict[int, int] = {}
        host: list[int] = []
        for i in range(first, hit):
            block = self.pool.lookup(self.key(hashes[i]))
            if block is None:
                host.append(i)
            else:
                device[i] = block
        return HitSources(first, device, host, {})

    def register(self, block: int, digest: bytes) -> None:
        """Index a just-filled full block under its digest."""
        self.pool.register(block, self.key(digest))

    # --- growth ------------------------------------------------------------------------------
    def growth(self, row: int, old: int, new: int) -> Growth:
        """What ``row`` needs to grow from ``old`` to ``new`` tokens."""
        table, page = self.table[row], self.page
        first = self.first_needed(old)
        start = int(self.live_from[row])
        recycle = [int(b) for b in table[start:first] if b >= 0] if first > start else []
        tail = int(table[(old - 1) // page]) if old % page else -1
        cow = tail if tail >= 0 and self.pool.ref[tail] > 1 else -1
        return Growth(recycle, cow, -(-new // page) - -(-old // page))

    def special_rows(
        self, rows: np.ndarray, old: np.ndarray, idx: np.ndarray, offset: np.ndarray, forked: bool
    ) -> np.ndarray | None:
        """Decode rows that do more than start a page: copy a shared tail or release pages."""
        special = None
        if forked:
            partial = offset != 0
            tail = self.table[rows, np.where(partial, idx, 0)]
            special = partial & (self.pool.ref[np.maximum(tail, 0)] > 1)
        if self.recycles:
            leaving = self.live_from[rows] < self.first_visible_many(old) // self.page
            special = leaving if special is None else special | leaving
        return special

    def release(self, row: int, old: int, growth: Growth) -> None:
        """Release the blocks ``row`` no longer sees (first step of growing)."""
        for b in reversed(growth.recycle):
            self.pool.release(b)
        first = self.first_needed(old)
        start = int(self.live_from[row])
        if first > start:
            self.table[row, start:first] = -1
            self.live_from[row] = first

    def grow(self, row: int, old: int, growth: Growth, moves: Moves) -> None:
        """Copy a shared tail and take the new pages' blocks (after every ``release``)."""
        table, page = self.table[row], self.page
        if growth.cow >= 0 and self.pool.ref[growth.cow] > 1:
            idx = (old - 1) // page
            fresh = self.allocate(1, moves)[0]
            moves.append(("copy_block", self.index, int(table[idx]), fresh))
            self.pool.release(int(table[idx]))
            table[idx] = fresh
        if growth.new:
            start = -(-old // page)
            table[start : start + growth.new] = self.allocate(growth.new, moves)

    def allocate(self, count: int, moves: Moves) -> list[int]:
        """``count`` fresh blocks; evicted cached blocks are first copied to the host."""
        blocks, evicted = self.pool.allocate_many(count)
        host = self.host
        if host is not None:
            for block, key in evicted:
                slot = host.store(key)
                if slot is not None:
                    moves.append(("swap_out", self.index, block, slot))
        return blocks

    # --- sequence lifecycle ------------------------------------------------------------------
    def take_hit(self, hashes: list[bytes], src: HitSources) -> None:
        """Own the hit's device blocks and reserve its host slots (before any allocation, so
        no allocation of this operation evicts them)."""
        for b in src.device.values():
            self.pool.touch(b)
        if src.host:
            host = self.host
            assert host is not None  # present() found them there
            src.slots = {i: host.take(self.key(hashes[i])) for i in src.host}

    def admit(
        self, row: int, hashes: list[bytes], src: HitSources, total: int, moves: Moves
    ) -> None:
        """Fill ``row``'s table for a new sequence of ``total`` pages (after ``take_hit``)."""
        table = self.table[row]
        for i, block in src.device.items():
            table[i] = block
        todo = [i for i in range(src.first, total) if i not in src.device]
        if not src.slots:
            table[todo] = self.allocate(len(todo), moves)
        for i in todo if src.slots else ():
            # One at a time: a slot given back after its swap-in can take the next eviction.
            block = table[i] = self.allocate(1, moves)[0]
            if i in src.slots:
                moves.append(("swap_in", self.index, src.slots[i], block))
                host = self.host
                assert host is not None
                host.give_back(src.slots[i])
                self.pool.register(block, self.key(hashes[i]))
        self.live_from[row] = src.first

    def fork(self, parent: int, child: int) -> None:
        """``child`` shares every block of ``parent``."""
        self.table[child] = self.table[parent]
        held = self.table[child][self.table[child] >= 0]
        np.add.at(self.pool.ref, held, 1)
        self.live_from[child] = self.live_from[parent]

    def free(self, row: int) -> None:
        """Release ``row``'s blocks, tail first (so chain tails are evicted first)."""
        held = self.table[row]
        for b in held[held >= 0][::-1].tolist():
            self.pool.release(b)
        held.fill(-1)
        self.live_from[row] = 0


FullAttentionManager = GroupManager


class SlidingWindowManager(GroupManager):
    """Sliding window: a query at ``p`` sees keys ``(p - window, p]``."""

    kind = "sliding"
    recycles = True

    def __init__(
        self,
        index: int,
        pool: BlockPool,
        host: HostPool | None,
        *,
        window: int,
        page: int,
        max_seqs: int,
        width: int,
        tagged: bool = False,
    ) -> None:
        super().__init__(
            index, pool, host, page=page, max_seqs=max_seqs, width=width, tagged=tagged
        )
        self._window = window

    @property
    def window(self) -> int | None:
        return self._window

    def first_visible(self, pos: int) -> int:
        return max(0, pos - self._window + 1)

    def first_visible_many(self, pos: np.ndarray) -> np.ndarray:
        out: np.ndarray = np.maximum(pos - self._window + 1, 0)
        return out

    def longest_hit(self, hashes: list[bytes], limit: int) -> int:
        # Not monotone: a hit of k blocks needs only the blocks its first query sees.
        for k in range(limit, 0, -1):
            if all(self.present(hashes[i]) for i in range(self.first_needed(k * self.page), k)):
                return k
        return 0


class ChunkedLocalManager(SlidingWindowManager):
    """Chunked local attention: a query at ``p`` sees its chunk ``[p - p % chunk, p]``."""

    kind = "chunked"

    def first_visible(self, pos: int) -> int:
        return pos - pos % self._window

    def first_visible_many(self, pos: np.ndarray) -> np.ndarray:
        out: np.ndarray = pos - pos % self._window
        return out


def make_manager(
    kind: str,
    window: int | None,
    index: int,
    pool: BlockPool,
    host: HostPool | None,
    *,
    page: int,
    max_seqs: int,
    width: int,
    tagged: bool = False,
) -> GroupManager:
    """The manager of a group of attention ``kind`` (``full``, ``sliding``, ``chunked``)."""
    if kind == "full" or window is None:
        return GroupManager(
            index, pool, host, page=page, max_seqs=max_seqs, width=width, tagged=tagged
        )
    cls = ChunkedLocalManager if kind == "chunked" else SlidingWindowManager
    return cls(
        index, pool, host, window=window, page=page, max_seqs=max_seqs, width=width, tagged=tagged
    )
