"""Where ``kvarch`` finds the generated configs — the one place it reaches ``generated`` — and
the lookup logic the generated registry runs (``Registry``).

Imports run one way: ``generated`` (compiler output) imports ``kvarch`` (the runtime base class
and helpers in ``kvarch.schema_runtime``); ``kvarch`` never imports ``generated`` at module
level, so importing ``kvarch`` or running the compiler never depends on the compiler's output.
The registry module is imported here, lazily, on the first lookup.
"""

from __future__ import annotations

import importlib
from typing import Any

from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheConfig
from kvarch.schema_inputs import config_mapping
from kvarch.schema_runtime import SERVED, SchemaArchConfig, UnknownArchitectureError, closest

__all__ = ["PACKAGE", "Registry", "from_hf_config", "model_types", "resolve"]

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


class Registry:
    """The lookup behind a generated package's ``resolve`` and ``from_hf_config``: the package
    holds only its two tables, HF ``model_type`` -> ``"module:Class"`` and HF architecture ->
    the model type whose class serves it."""

    def __init__(
        self, package: str, model_types: dict[str, str], architectures: dict[str, str]
    ) -> None:
        self.package = package
        where = {t: target.partition(":") for t, target in model_types.items()}
        modules = sorted((m, c) for m, _, c in where.values())
        self.classes: dict[str, str] = {c: m for m, c in modules}
        """Generated class name -> module (in module order)."""
        self.model_types: dict[str, str] = dict(sorted((t, c) for t, (_, _, c) in where.items()))
        """HF ``model_type`` -> generated class name."""
        self.architectures: dict[str, str] = dict(
            sorted((a, self.model_types[t]) for a, t in architectures.items())
        )
        """HF ``architectures`` entry -> generated class name."""
        self.served: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
            c: (
                tuple(t for t, (_, _, of) in where.items() if of == c),
                tuple(a for a, t in architectures.items() if where[t][2] == c),
            )
            for c in self.classes
        }
        """Generated class name -> (its model types, its architectures), in table order."""
        SERVED.update({f"{package}.{m}:{c}": self.served[c] for c, m in self.classes.items()})

    def load(self, class_name: str) -> type[SchemaArchConfig]:
        """The generated class named ``class_name`` (its module is imported on first use)."""
        module = importlib.import_module(f"{self.package}.{self.classes[class_name]}")
        cls: type[SchemaArchConfig] = getattr(module, class_name)
        return cls

    def resolve(self, config: object) -> type[SchemaArchConfig]:
        """The generated class serving ``config`` (a config.json mapping or a PretrainedConfig)."""
        data = config_mapping(config, "resolve")
        model_type = data.get("model_type")
        if isinstance(model_type, str) and model_type in self.model_types:
            return self.load(self.model_types[model_type])
        architectures = data.get("architectures") or []
        for arch in architectures if isinstance(architectures, list) else []:
            if isinstance(arch, str) and arch in self.architectures:
                return self.load(self.architectures[arch])
        known = list(self.model_types)
        near = closest(str(model_type), known) or sorted(known)[:5]
        raise UnknownArchitectureError(
            f"no kvarch schema serves model_type {model_type!r} "
            f"(architectures {architectures!r}); closest known model types: {', '.join(near)}"
        )

    def from_hf_config(
        self,
        config: object,
        *,
        dtype: DType | None = None,
        devices: list[DeviceRef] | None = None,
        cache_dtype: DType | None = None,
        kv_cache: KVCacheConfig | None = None,
        data_parallel_degree: int = 1,
        user_provided_max_length: int | None = None,
    ) -> SchemaArchConfig:
        """``resolve(config).from_hf_config(config, ...)``: the validated config."""
        return self.resolve(config).from_hf_config(
            config,
            dtype=dtype,
            devices=devices,
            cache_dtype=cache_dtype,
            kv_cache=kv_cache,
            data_parallel_degree=data_parallel_degree,
            user_provided_max_length=user_provided_max_length,
        )
