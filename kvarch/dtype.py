"""Element types of weights and caches, with sizes and torch / HuggingFace conversions."""

from __future__ import annotations

import builtins
import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kvarch.errors import ConfigError

if TYPE_CHECKING:
    import torch

__all__ = ["DType"]


class DType(enum.Enum):
    """An element type. Values are the canonical lower-case names."""

    float64 = "float64"
    float32 = "float32"
    bfloat16 = "bfloat16"
    float16 = "float16"
    float8_e4m3fn = "float8_e4m3fn"
    float8_e4m3fnuz = "float8_e4m3fnuz"
    float8_e5m2 = "float8_e5m2"
    float8_e5m2fnuz = "float8_e5m2fnuz"
    float8_e8m0fnu = "float8_e8m0fnu"
    float4_e2m1fn = "float4_e2m1fn"
    int64 = "int64"
    int32 = "int32"
    int16 = "int16"
    int8 = "int8"
    uint8 = "uint8"
    int4 = "int4"
    uint4 = "uint4"
    bool = "bool"

    @property
    def size_in_bits(self) -> int:
        """Bits per element (4 for the sub-byte kinds)."""
        return _BITS[self]

    @property
    def size_in_bytes(self) -> int:
        """Bytes per element; sub-byte kinds raise (use ``nbytes(count)`` for them)."""
        bits = _BITS[self]
        if bits % 8:
            raise ConfigError(
                "dtype", self.value, "a whole-byte dtype for size_in_bytes; use nbytes(count)"
            )
        return bits // 8

    def nbytes(self, count: int) -> int:
        """Bytes taken by ``count`` packed elements (rounded up to a whole byte)."""
        return -(-count * _BITS[self] // 8)

    @property
    def is_float8(self) -> builtins.bool:
        """True for the 8-bit floating-point kinds."""
        return self.value.startswith("float8")

    @property
    def is_float(self) -> builtins.bool:
        """True for every floating-point kind."""
        return self.value.startswith("float") or self is DType.bfloat16

    @classmethod
    def parse(cls, name: str) -> DType:
        """A dtype from its name or a common alias (``bf16``, ``torch.float16``, ``half``, ...)."""
        if not isinstance(name, str):
            raise ConfigError("dtype", name, "a dtype name string")
        key = name.strip().lower().removeprefix("torch.")
        try:
            return cls(_ALIASES.get(key, key))
        except ValueError:
            raise ConfigError("dtype", name, f"one of {', '.join(m.value for m in cls)}") from None

    @classmethod
    def from_hf(cls, torch_dtype: object) -> DType:
        """A dtype from a HF config's ``torch_dtype``/``dtype`` (string or torch.dtype)."""
        if isinstance(torch_dtype, str):
            return cls.parse(torch_dtype)
        return cls.parse(str(torch_dtype))

    @classmethod
    def from_hf_config(cls, config: Mapping[str, Any], *, default: DType) -> DType:
        """The dtype a config.json declares (``torch_dtype``/``dtype``, at the top level, then
        under ``text_config``/``llm_config``; null and ``"auto"`` skipped), else ``default``."""
        for sub in (config, config.get("text_config"), config.get("llm_config")):
            if isinstance(sub, Mapping):
                for key in ("torch_dtype", "dtype"):
                    value = sub.get(key)
                    if value is not None and value != "auto":
                        return cls.from_hf(value)
        return default

    def to_hf(self) -> str:
        """The name a HF config.json uses for ``torch_dtype``."""
        return self.value

    @classmethod
    def from_torch(cls, dtype: torch.dtype) -> DType:
        """The DType of a ``torch.dtype``."""
        name = str(dtype).removeprefix("torch.")
        if name == "float4_e2m1fn_x2":
            return cls.float4_e2m1fn
        return cls.parse(name)

    def to_torch(self) -> torch.dtype:
        """The matching ``torch.dtype`` (packed ``float4_e2m1fn_x2`` for fp4)."""
        import torch

        name = "float4_e2m1fn_x2" if self is DType.float4_e2m1fn else self.value
        found = getattr(torch, name, None)
        if not isinstance(found, torch.dtype):
            raise ConfigError("dtype", self.value, "a dtype this torch build supports")
        return found


_BITS: dict[DType, int] = {
    DType.float64: 64,
    DType.float32: 32,
    DType.bfloat16: 16,
    DType.float16: 16,
    DType.float8_e4m3fn: 8,
    DType.float8_e4m3fnuz: 8,
    DType.float8_e5m2: 8,
    DType.float8_e5m2fnuz: 8,
    DType.float8_e8m0fnu: 8,
    DType.float4_e2m1fn: 4,
    DType.int64: 64,
    DType.int32: 32,
    DType.int16: 16,
    DType.int8: 8,
    DType.uint8: 8,
    DType.int4: 4,
    DType.uint4: 4,
    DType.bool: 8,
}

_ALIASES: dict[str, str] = {
    "bf16": "bfloat16",
    "fp16": "float16",
    "half": "float16",
    "f16": "float16",
    "fp32": "float32",
    "float": "float32",
    "f32": "float32",
    "fp64": "float64",
    "double": "float64",
    "fp8": "float8_e4m3fn",
    "fp8_e4m3": "float8_e4m3fn",
    "float8_e4m3": "float8_e4m3fn",
    "fp8_e5m2": "float8_e5m2",
    "fp4": "float4_e2m1fn",
    "float4_e2m1fn_x2": "float4_e2m1fn",
    "long": "int64",
    "int": "int32",
    "short": "int16",
}
