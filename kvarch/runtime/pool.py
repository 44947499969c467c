"""Block pools: free lists, reference counts and the prefix-cache index. Knows nothing of models.

A device ``BlockPool`` keeps every block with no owner in one LRU queue: blocks without a
prefix hash at the front (reused first), cached blocks at the back in release order, so the
least recently released cached block is evicted first. All operations are O(1).

While a ``journal`` list is attached, every change is logged so that ``undo`` can reverse
it (the block manager rolls back an operation whose data copy failed). Undo keeps ownership
exact; cache entries evicted on the way stay evicted (their data may be overwritten).
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from kvarch.runtime.errors import SequenceStateError

__all__ = ["BlockPool", "CacheKey", "HostPool", "undo"]

CacheKey = bytes | tuple[int, bytes]
"""A prefix-cache index key: a block digest, or (group, digest) in a pool shared by groups."""
Journal = list[tuple["BlockPool | HostPool", str, int, CacheKey]]
"""(pool, operation, block or slot, cache key or b"")."""


def undo(journal: Journal) -> None:
    """Reverse every logged change, newest first, and empty ``journal``."""
    while journal:
        pool, op, a, b = journal.pop()
        pool.revert(op, a, b)


class BlockPool:
    """Blocks ``0..num_blocks-1`` of one cache group on one device."""

    def __init__(self, num_blocks: int) -> None:
        self.num_blocks = num_blocks
        self.ref = np.zeros(num_blocks, dtype=np.int32)
        """Owners of each block (sequences whose table holds it)."""
        self.free: OrderedDict[int, None] = OrderedDict.fromkeys(range(num_blocks))
        """Blocks with no owner, in eviction order (front first)."""
        self.hash_of: list[CacheKey | None] = [None] * num_blocks
        """Prefix hash of each cached block."""
        self.cached: dict[CacheKey, int] = {}
        """Prefix hash -> block holding that full block of tokens."""
        self.journal: Journal | None = None
        """Where changes are logged for ``undo`` (None: not logged)."""

    @property
    def num_free(self) -> int:
        """Blocks that ``allocate`` can hand out (free or evictable)."""
        return len(self.free)

    def allocate_many(self, count: int) -> tuple[list[int], list[tuple[int, CacheKey]]]:
        """``count`` blocks owned once, and (block, prefix hash) of cached ones it evicted."""
        pop = self.free.popitem
        blocks = [pop(last=False)[0] for _ in range(count)]
        hash_of = self.hash_of
        evicted: list[tuple[int, CacheKey]] = []
        for b in blocks:
            h = hash_of[b]
            if h is not None:
                del self.cached[h]
                hash_of[b] = None
                evicted.append((b, h))
        self.ref[blocks] = 1
        if self.journal is not None:
            self.journal += [(self, "alloc", b, b"") for b in blocks]
        return blocks, evicted

    def touch(self, block: int) -> None:
        """One more owner of ``block`` (taking it off the free queue if it had none)."""
        if self.ref[block] == 0:
            del self.free[block]
        self.ref[block] += 1
        if self.journal is not None:
            self.journal.append((self, "touch", block, b""))

    def release(self, block: int) -> None:
        """One owner fewer; an unowned block goes back to the queue."""
        if self.ref[block] <= 0:
            raise SequenceStateError(block, "block released more often than owned")
        self.ref[block] -= 1
        if self.ref[block] == 0:
            self._to_queue(block)
        if self.journal is not None:
            self.journal.append((self, "release", block, b""))

    def _to_queue(self, block: int) -> None:
        self.free[block] = None
        if self.hash_of[block] is None:
            self.free.move_to_end(block, last=False)

    def register(self, block: int, block_hash: CacheKey) -> None:
        """Index a full block under its prefix hash (the first block with a hash keeps it)."""
        if block_hash not in self.cached and self.hash_of[block] is None:
            self.cached[block_hash] = block
            self.hash_of[block] = block_hash
            if self.journal is not None:
                self.journal.append((self, "register", block, block_hash))

    def forget(self, block: int) -> None:
        """Drop ``block`` from the prefix index (its data cannot be trusted). Not journaled."""
        block_hash = self.hash_of[block]
        if block_hash is not None:
            del self.cached[block_hash]
            self.hash_of[block] = None

    def lookup(self, block_hash: CacheKey) -> int | None:
        """The block holding ``block_hash``, if cached on the device."""
        return self.cached.get(block_hash)

    def revert(self, op: str, block: int, block_hash: CacheKey) -> None:
        """Reverse one logged change (see ``undo``)."""
        if op == "alloc":  # back to the front of the queue, uncached
            self.ref[block] = 0
            self.free[block] = None
            self.free.move_to_end(block, last=False)
        elif op == "touch":
            self.ref[block] -= 1
            if self.ref[block] == 0:
                self._to_queue(block)
        elif op == "release":
            if self.ref[block] == 0:
                del self.free[block]
            self.ref[block] += 1
        else:  # register
            del self.cached[block_hash]
            self.hash_of[block] = None


class HostPool:
    """Host swap slots of one group, indexed by prefix hash with LRU eviction."""

    def __init__(self, num_slots: int) -> None:
        self.num_slots = num_slots
        self.slots: OrderedDict[CacheKey, int] = OrderedDict()
        """Prefix hash -> slot, least recently stored first."""
        self.free_slots = list(range(num_slots - 1, -1, -1))
        self.journal: Journal | None = None
        """Where changes are logged for ``undo`` (None: not logged)."""

    def __contains__(self, block_hash: CacheKey) -> bool:
        return block_hash in self.slots

    def store(self, block_hash: CacheKey) -> int | None:
        """A slot to copy ``block_hash``'s block into (evicting the oldest); None if no slots."""
        if block_hash in self.slots:
            self.slots.move_to_end(block_hash)
            return None
        if not self.free_slots:
            if not self.slots:
                return None
            old, slot = self.slots.popitem(last=False)
            self.free_slots.append(slot)
            if self.journal is not None:
                self.journal.append((self, "evict", slot, old))
        slot = self.free_slots.pop()
        self.slots[block_hash] = slot
        if self.journal is not None:
            self.journal.append((self, "store", slot, block_hash))
        return slot

    def take(self, block_hash: CacheKey) -> int:
        """Remove ``block_hash`` from the index; its slot stays reserved until ``give_back``."""
        slot = self.slots.pop(block_hash)
        if self.journal is not None:
            self.journal.append((self, "take", slot, block_hash))
        return slot

    def give_back(self, slot: int) -> None:
        """Return a slot taken with ``take``."""
        self.free_slots.append(slot)
        if self.journal is not None:
            self.journal.append((self, "give_back", slot, b""))

    def revert(self, op: str, slot: int, block_hash: CacheKey) -> None:
        """Reverse one logged change (see ``undo``): a stored copy that may be partial is
        dropped; an entry evicted for its slot is indexed again, oldest (the block manager
        then forgets it if a copy into that slot ran)."""
        if op == "store":
            del self.slots[block_hash]
            self.free_slots.append(slot)
        elif op == "evict":
            self.free_slots.remove(slot)
            self.slots[block_hash] = slot
            self.slots.move_to_end(block_hash, last=False)
        elif op == "take":  # the host copy is intact: index it again
            self.slots[block_hash] = slot
        else:  # give_back
            self.free_slots.remove(slot)
