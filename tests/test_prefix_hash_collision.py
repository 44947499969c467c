"""A collision built against a 64-bit non-cryptographic prefix hash no longer shares a block.

The victim scheme is a polynomial (FNV-prime base) rolling hash of a block's token ids mod
2**64, chained through the parent's hash: the kind of fast 64-bit hash a prefix cache might
use (Python's ``hash()`` was another). Its collisions are built algebraically, without any
search: for an odd base ``P``, ``prod_{j<10} (1 - P**(2**j))`` is divisible by 2**64 and its
coefficients are the Thue-Morse signs, so the Thue-Morse block of 1024 tokens over two token
ids and its complement hash the same. Under that hash a block manager would hand the second
prompt the first prompt's K/V; under kvarch's default (sha256 over a domain tag, the parent
digest and the token ids, ``kvarch.runtime.prefix``) the digests differ and
``cached_prefix`` finds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from kvarch.runtime import blocks
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.prefix import ROOT_HASH, block_hash, chain_hashes

PAGE = 1024
MASK = (1 << 64) - 1
BASE = 0x100000001B3  # the 64-bit FNV prime, used as the base of a rolling hash


def poly64(parent: int, tokens: Sequence[int]) -> int:
    """A chained 64-bit polynomial rolling hash of one block (the non-cryptographic scheme)."""
    h = parent
    for t in tokens:
        h = (h * BASE + int(t)) & MASK
    return h


def thue_morse(n: int) -> list[int]:
    return [bin(i).count("1") & 1 for i in range(n)]


def colliding_blocks() -> tuple[list[int], list[int]]:
    """Two different blocks of PAGE token ids with the same ``poly64`` (any parent)."""
    signs = thue_morse(PAGE)
    return [7 + s for s in signs], [8 - s for s in signs]


def poly64_chain(
    tokens: Sequence[int] | np.ndarray, page_size: int, parent: bytes = ROOT_HASH
) -> list[bytes]:
    """``chain_hashes`` under ``poly64``: the 64-bit value padded to the 32-byte digest width
    (the salt's root is folded in as a 64-bit parent)."""
    h = int.from_bytes(parent[:8], "little")
    out = []
    ids = [int(t) for t in tokens]
    for start in range(0, len(ids) - page_size + 1, page_size):
        h = poly64(h, ids[start : start + page_size])
        out.append(h.to_bytes(8, "little") + bytes(24))
    return out


def manager() -> BlockManager:
    return BlockManager(
        page_size=PAGE, num_blocks=[4], max_seqs=2, max_seq_len=4 * PAGE, enable_prefix_caching=True
    )


def test_the_constructed_blocks_collide_under_the_64_bit_hash() -> None:
    a, b = colliding_blocks()
    assert a != b and sum(x != y for x, y in zip(a, b, strict=True)) == PAGE
    assert set(a) | set(b) == {7, 8}
    for parent in (0, 1, 0xDEADBEEF, MASK):
        assert poly64(parent, a) == poly64(parent, b)


def test_a_64_bit_keyed_cache_would_serve_one_prompt_anothers_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = colliding_blocks()
    monkeypatch.setattr(blocks, "chain_hashes", poly64_chain)
    m = manager()
    assert m.add("victim", [*a, 1]) == 0
    # The attacker's prompt shares no token position with the victim's first block, yet the
    # 64-bit-keyed cache reports its whole first block cached: it would read a's K/V.
    assert m.cached_prefix([*b, 2]) == PAGE
    assert m.add("attacker", [*b, 2]) == PAGE
    assert m.tables[0][m.row("attacker"), 0] == m.tables[0][m.row("victim"), 0]


def test_the_default_sha256_chain_keeps_them_apart() -> None:
    a, b = colliding_blocks()
    assert block_hash(ROOT_HASH, a) != block_hash(ROOT_HASH, b)
    assert chain_hashes([*a, 1], PAGE) != chain_hashes([*b, 2], PAGE)
    assert len(block_hash(ROOT_HASH, a)) == 32  # the full digest: no 64-bit truncation
    m = manager()
    assert m.add("victim", [*a, 1]) == 0
    assert m.cached_prefix([*a, 2]) == PAGE  # the same block is still shared
    assert m.cached_prefix([*b, 2]) == 0  # the colliding one is not
    assert m.add("other", [*b, 2]) == 0
    assert m.tables[0][m.row("other"), 0] != m.tables[0][m.row("victim"), 0]
