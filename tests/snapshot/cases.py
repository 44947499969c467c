"""The cases a snapshot covers and what each one's outcome is."""

from __future__ import annotations

import bisect
import copy
import hashlib
import json
import math
import random
from pathlib import Path
from typing import Any

import generated
from kvarch.errors import KvarchError

__all__ = ["CORPUS", "FUZZ_CASES", "all_cases", "outcome"]

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
CORPUS = HERE / "corpus.json"
#: Deterministic fuzz mutations (seed 0) recorded on top of the plain cases.
FUZZ_CASES = 3000


def _plain(value: Any) -> Any:
    """``value`` as JSON can hold it (NaN and infinities as strings, keys as strings)."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)


def _variants() -> list[tuple[str, dict[str, Any]]]:
    from tests.oracle.variants import VARIANTS

    return [(v.id, {"model_type": v.model_type, **copy.deepcopy(v.kwargs)}) for v in VARIANTS]


def _transformers_dicts(
    variants: list[tuple[str, dict[str, Any]]],
) -> list[tuple[str, dict[str, Any]]]:
    """Each oracle variant as transformers' config class fills it in (what the oracle tests
    pass), for the model types this transformers knows."""
    from transformers import AutoConfig
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

    out = []
    for name, v in variants:
        if v["model_type"] in CONFIG_MAPPING_NAMES:
            kwargs = {k: val for k, val in v.items() if k != "model_type"}
            out.append((name, AutoConfig.for_model(v["model_type"], **kwargs).to_dict()))
    return out


def all_cases() -> list[tuple[str, Any]]:
    """``(name, config)`` pairs, in a fixed order."""
    cases: list[tuple[str, Any]] = []
    for path in sorted(FIXTURES.glob("configs*/*.json")):
        cases.append((f"fixture:{path.parent.name}/{path.name}", json.loads(path.read_text())))
    variants = _variants()
    cases += [(f"variant:{name}", c) for name, c in variants]
    cases += [(f"hf-variant:{name}", c) for name, c in _transformers_dicts(variants)]
    cases += [(f"defaults:{t}", {"model_type": t}) for t in sorted(generated.MODEL_TYPES)]
    if CORPUS.exists():
        corpus = json.loads(CORPUS.read_text())
        cases += [(f"corpus:{i}", c) for i, c in enumerate(corpus)]
    return cases + _fuzz(cases)


def _point(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _fuzz(plain: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Mutations of the plain cases, each drawn from its own seed and mutating the case next
    on a hash ring, so a case added or removed changes only the draws that land on it."""
    from tests.reliability.config_fuzz import GARBAGE, mutate

    ring = sorted((_point(name), i) for i, (name, _) in enumerate(plain))
    keys = [k for k, _ in ring]
    out = []
    for i in range(FUZZ_CASES):
        rng = random.Random(f"fuzz:{i}")
        _, source = ring[bisect.bisect_left(keys, _point(f"fuzz:{i}")) % len(ring)]
        config, _ = mutate(rng, plain[source][1], rng.randint(1, 3))
        if rng.random() < 0.01:
            config = copy.deepcopy(rng.choice(GARBAGE))
        out.append((f"fuzz:{i}", config))
    return out


def outcome(config: Any) -> dict[str, Any]:
    """What resolving ``config`` gives: the class, its geometry and KV params, or the error."""
    try:
        cls = generated.resolve(config)
        arch = cls.from_hf_config(config)
        return {
            "class": cls.__name__,
            "layers": [repr(s) for s in arch.layers()],
            "num_key_value_heads": arch.num_key_value_heads,
            "head_dim": arch.head_dim,
            "num_layers": arch.num_layers,
            "model_max_seq_len": arch.model_max_seq_len,
            "max_seq_len": arch.get_max_seq_len(),
            "kv_params": repr(arch.get_kv_params()),
        }
    except (KvarchError, ValueError, TypeError) as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
