"""Prefix hashes of full blocks: sha256 chains, stable across processes and machines.

A block's hash is ``sha256(BLOCK_TAG || parent digest || the block's token ids as
little-endian int64)``; the chain starts at ``root_hash(cache_salt)``, so sequences with
different salts (tenants, LoRA adapters, multimodal inputs: any extra key folded into the salt)
never share a block. Every field has a fixed width for a given page size and the tags keep
roots and blocks apart, so the encoding is unambiguous. Digests are 32 ``bytes`` (the full
sha256): no process-salted ``hash()`` (tensor-parallel ranks agree), no 64-bit truncation.
"""

from __future__ import annotations

from collections.abc import Sequence
from hashlib import sha256

import numpy as np

__all__ = ["ROOT_HASH", "TOKEN_DTYPE", "block_hash", "chain_hashes", "root_hash"]

TOKEN_DTYPE = np.dtype("<i8")
"""How token ids are hashed: little-endian int64, whatever the host's byte order."""
BLOCK_TAG = b"kvarch/block/v1\x00"
ROOT_TAG = b"kvarch/root/v1\x00"


def root_hash(cache_salt: bytes | str | None = None) -> bytes:
    """The parent digest of a sequence's first block (``None`` and ``b""`` differ)."""
    if cache_salt is None:
        return sha256(ROOT_TAG + b"\x00").digest()
    salt = cache_salt.encode() if isinstance(cache_salt, str) else bytes(cache_salt)
    return sha256(ROOT_TAG + b"\x01" + len(salt).to_bytes(8, "little") + salt).digest()


ROOT_HASH = root_hash()
"""The chain root of unsalted sequences."""


def block_hash(parent: bytes, tokens: np.ndarray | Sequence[int]) -> bytes:
    """Digest of a full block: its parent's digest and its token ids."""
    if len(parent) != 32:
        raise ValueError(f"parent digest must be 32 bytes, got {len(parent)}")
    return sha256(BLOCK_TAG + parent + np.asarray(tokens, dtype=TOKEN_DTYPE).tobytes()).digest()


def chain_hashes(
    tokens: Sequence[int] | np.ndarray, page_size: int, parent: bytes = ROOT_HASH
) -> list[bytes]:
    """Digest of every full block of ``tokens`` (a partial last block has none)."""
    data = np.asarray(tokens, dtype=TOKEN_DTYPE).tobytes()
    width = page_size * TOKEN_DTYPE.itemsize
    out: list[bytes] = []
    for start in range(0, len(data) - width + 1, width):
        parent = sha256(BLOCK_TAG + parent + data[start : start + width]).digest()
        out.append(parent)
    return out
