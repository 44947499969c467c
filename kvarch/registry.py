"""Where ``kvarch`` finds the generated configs — the one place it reaches ``generated``.

Imports run one way: ``generated`` (compiler output) imports ``kvarch`` (the runtime base class
and helpers in ``kvarch.schema_runtime``); ``kvarch`` never imports ``generated`` at module
level, so importing ``kvarch`` or running the compiler never depends on the compiler's output.
The registry module is imported here, lazily, on the first lookup.
"""

from __future__ import annotations

import importlib
from typing import Any

from kvarch.schema_runtime import SchemaArchConfig

__all__ = ["PACKAGE", "from_hf_config", "model_types", "resolve"]

#: The package ``make generate`` writes (``python -m generator generate --out``).
PACKAGE = "generated"


def _registry() -> Any:
    return importlib.import_module(PACKAGE)


def resolve(config: object) -> type[SchemaArchConfig]:
    """The generated class serving ``config`` (raises ``UnknownArchitectureError`` if none)."""
    cls: type[SchemaArchConfig] = _registry().resolve(config)
    return cls


def from_hf_config(config: object, **kwargs: Any) -> SchemaArchConfig:
    """``resolve(config).from_hf_config(config, **kwargs)``: the validated config."""
    return resolve(config).from_hf_config(config, **kwargs)


def model_types() -> dict[str, str]:
    """HF ``model_type`` -> generated class name, for every schema."""
    found: dict[str, str] = _registry().MODEL_TYPES
    return found
