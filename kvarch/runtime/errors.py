"""Typed errors of the runtime: planning, block management, kernels and allocation."""

from __future__ import annotations

from kvarch.errors import KvarchError

__all__ = [
    "BlockTableError",
    "CacheAllocationError",
    "CacheCopyError",
    "CollectiveError",
    "KernelBackendError",
    "OutOfBlocksError",
    "PlanError",
    "RankMismatchError",
    "RequestError",
    "SequenceStateError",
    "ShapeError",
    "ShardingError",
    "UnsupportedCacheError",
]


class PlanError(KvarchError, ValueError):
    """The cache does not fit: names the knob to move and what would fit."""

    def __init__(self, knob: str, message: str) -> None:
        self.knob = knob
        super().__init__(f"{knob}: {message}")


class RequestError(KvarchError, ValueError):
    """A request the engine refuses before queueing it: names the prompt and what was wrong."""

    def __init__(self, index: int, problem: str) -> None:
        self.index = index
        super().__init__(f"prompt {index}: {problem}")


class ShapeError(KvarchError, ValueError):
    """A tensor passed to a runtime op has the wrong shape, dtype or device."""

    def __init__(self, name: str, got: object, expected: str) -> None:
        self.name = name
        super().__init__(f"{name}: got {got}; expected {expected}")


class BlockTableError(ShapeError):
    """A block table or its sequence lengths do not match the cache."""


class OutOfBlocksError(KvarchError, ValueError):
    """Not enough free blocks for a request; nothing was changed."""

    def __init__(self, group: int, needed: int, free: int) -> None:
        self.group = group
        self.needed = needed
        self.free = free
        super().__init__(
            f"out of KV blocks in group {group}: needed {needed}, free {free}; "
            "free sequences, lower max_batch_size or give the cache more memory"
        )


class SequenceStateError(KvarchError, ValueError):
    """A sequence id is unknown, freed twice, or already exists."""

    def __init__(self, seq_id: object, problem: str) -> None:
        self.seq_id = seq_id
        super().__init__(f"sequence {seq_id!r}: {problem}")


class CacheAllocationError(KvarchError, MemoryError):
    """The device could not allocate the cache tensors."""

    def __init__(self, device: str, asked: int, free: int | None) -> None:
        self.asked = asked
        self.free = free
        free_text = "unknown" if free is None else f"{free} bytes ({free / 2**30:.2f} GiB)"
        super().__init__(
            f"cannot allocate the KV cache on {device}: asked {asked} bytes "
            f"({asked / 2**30:.2f} GiB), free {free_text}; plan with a smaller budget"
        )


class UnsupportedCacheError(KvarchError, ValueError):
    """A model's cache holds state the paged cache cannot (names the model type and layer kind)."""

    def __init__(self, model_type: str, kind: str, layers: list[int], why: str) -> None:
        self.model_type = model_type
        self.kind = kind
        self.layers = layers
        super().__init__(
            f"model_type {model_type!r}: layers {layers} are {kind!r} layers; {why}. "
            "Use the model's own cache for this family"
        )


class CacheCopyError(KvarchError, RuntimeError):
    """A block copy (copy-on-write, swap to or from host) failed; the operation was undone."""

    def __init__(self, op: str, group: int, src: int, dst: int, cause: BaseException) -> None:
        self.op = op
        self.dropped: list[object] = []
        """Sequences freed because a block they held was overwritten before the failure."""
        super().__init__(
            f"{op} of group {group} ({src} -> {dst}) failed: {cause}; the operation was undone"
        )


class CollectiveError(KvarchError, RuntimeError):
    """A collective across tensor-parallel ranks failed: a peer died or timed out."""

    def __init__(self, op: str, rank: int, world: int, cause: BaseException) -> None:
        self.op = op
        self.rank = rank
        super().__init__(
            f"{op} on rank {rank} of {world} failed: a peer rank died or did not join within "
            f"the process group's timeout (init_process_group(timeout=...)); cause: {cause}"
        )


class RankMismatchError(KvarchError, RuntimeError):
    """Tensor-parallel ranks disagree on something that must be identical on every rank."""

    def __init__(self, what: str, rank: int, digests: list[str]) -> None:
        self.what = what
        self.rank = rank
        super().__init__(
            f"{what}: ranks disagree (digest per rank: {digests}); every rank must get the same "
            "requests, sampling seeds and plan, in the same order"
        )


class ShardingError(KvarchError, ValueError):
    """A model the tensor-parallel split cannot shard: names the module and what it expected."""

    def __init__(self, module: str, problem: str) -> None:
        self.module = module
        super().__init__(f"{module}: {problem}")


class KernelBackendError(KvarchError, RuntimeError):
    """CUDA tensors reached the ops but the Triton kernels could not be imported."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(
            f"the Triton kernels (kvarch.runtime.triton_ops) failed to import: "
            f"{type(cause).__name__}: {cause}; fix the Triton install, or set "
            "KVARCH_REFERENCE_OPS=1 to run the torch reference on CUDA"
        )
