"""Data moves: what the block manager asks the cache tensors to copy, and who executes it.

The manager decides (bookkeeping only) and returns its copies as a ``Moves`` list, in the
order they must run: copy-on-write copies of shared tails, swap-outs of evicted prefix blocks
to host slots, swap-ins of host-cached blocks. A ``BlockStorage`` (``tensors.PagedKVCache``)
executes them; a failed copy becomes ``CacheCopyError`` after marking its destination as
possibly written, so the manager can undo the operation.
"""

from __future__ import annotations

from typing import Literal, Protocol

from kvarch.runtime.errors import CacheCopyError

__all__ = ["BlockStorage", "Move", "Moves", "execute"]

MoveOp = Literal["copy_block", "swap_out", "swap_in"]
Move = tuple[MoveOp, int, int, int]
"""(operation, group, source, destination): blocks on the device, slots on the host."""
Moves = list[Move]


class BlockStorage(Protocol):
    """Where block data lives: executes the manager's moves."""

    def copy_block(self, group: int, src: int, dst: int) -> None:
        """Copy device block ``src`` to ``dst`` (copy-on-write)."""

    def swap_out(self, group: int, block: int, slot: int) -> None:
        """Copy device block ``block`` to host slot ``slot``."""

    def swap_in(self, group: int, slot: int, block: int) -> None:
        """Copy host slot ``slot`` to device block ``block``."""


def execute(
    storage: BlockStorage,
    moves: Moves,
    written: set[tuple[bool, int, int]] | None,
    pool_of: list[int],
) -> None:
    """Run ``moves`` in order; each destination is added to ``written`` as (on host, pool,
    block or slot) before its copy starts (a failed copy may have written part of it)."""
    for op, group, src, dst in moves:
        if written is not None:
            written.add((op == "swap_out", pool_of[group], dst))
        try:
            getattr(storage, op)(group, src, dst)
        except Exception as exc:
            raise CacheCopyError(op, group, src, dst, exc) from exc
