"""Config fuzzing: mutated config.json dicts of every family through resolve / from_hf_config /
inspect / get_kv_params. Allowed outcomes: success, or a typed config error naming its field."""

from __future__ import annotations

import copy
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generated
import kvarch
from kvarch.errors import ConfigError
from tests.oracle.variants import VARIANTS
from tests.reliability.timeout import time_limit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "configs"
CASE_SECONDS = 5.0
#: A config field path: ``text_config.layer_types[3]`` (not a placeholder such as
#: ``(schema expression)``).
FIELD_PATH = re.compile(r"^[A-Za-z_]\w*(\.\w+|\[\d+\])*")

Path_ = tuple[str | int, ...]


def seeds() -> list[dict[str, Any]]:
    """Every fixture config.json and oracle catalogue variant that a schema serves, as dicts
    (plus a bare ``{"model_type": ...}`` for a family that has neither)."""
    found = [json.loads(p.read_text()) for p in sorted(FIXTURES.parent.glob("configs*/*.json"))]
    found += [{"model_type": v.model_type, **copy.deepcopy(v.kwargs)} for v in VARIANTS]
    out = [c for c in found if run_case(c) == "accepted"]
    served = {generated.resolve(c).__name__ for c in out}
    # a family with no fixture or variant: its model_type alone, where its defaults suffice
    # (with an empty sub-config where the class reads one: a full MusicgenConfig's decoder)
    bare = [
        {"model_type": t, **{r: {} for r in generated.resolve({"model_type": t}).ROOTS[:1]}}
        for t, cls in generated.MODEL_TYPES.items()
        if cls not in served
    ]
    return out + [c for c in bare if run_case(c) == "accepted"]


GARBAGE: list[Any] = [
    None,
    0,
    -1,
    -(2**63),
    2**63,
    10**30,
    1.5,
    4.0,
    -0.0,
    float("nan"),
    float("inf"),
    True,
    False,
    "",
    "8",
    "full_attention",
    "sliding_attention",
    "\x00\n'\"",
    "a" * 1000,
    [],
    [None],
    [1, "x", None],
    {},
    {"a": {"b": [1, {}]}},
    {"num_hidden_layers": -3},
]


def _paths(node: Any, prefix: Path_ = (), depth: int = 0) -> list[Path_]:
    """Every key / index path inside ``node`` (dicts and lists, a few levels deep)."""
    if depth > 3:
        return []
    out: list[Path_] = []
    items: list[tuple[str | int, Any]]
    if isinstance(node, dict):
        items = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))[:8]
    else:
        return []
    for key, value in items:
        out.append((*prefix, key))
        out += _paths(value, (*prefix, key), depth + 1)
    return out


def _parent(root: dict[str, Any], path: Path_) -> Any:
    node: Any = root
    for key in path[:-1]:
        node = node[key]
    return node


def _value_mutation(rng: random.Random, old: Any) -> Any:
    """A hostile replacement for ``old``: garbage, a sign flip, a near-miss type, a bad list."""
    choice = rng.randrange(6)
    if choice == 0 or not isinstance(old, int | float | list | str):
        return copy.deepcopy(rng.choice(GARBAGE))
    if isinstance(old, bool):
        return rng.choice([0, 1, "true", None])
    if isinstance(old, int | float):
        return rng.choice(
            [-old, 0, old * 10 ** rng.randrange(1, 25), old + 0.5, float(old), str(old), [old]]
        )
    if isinstance(old, str):
        return rng.choice([old.upper(), old + "x", old[:-1], [old], {old: old}])
    # a list: change its length, or one item's type
    if choice == 1 or not old:
        return old[: rng.randrange(len(old) + 1)]
    if choice == 2:
        return old + old[: rng.randrange(1, len(old) + 1)]
    i = rng.randrange(len(old))
    return [*old[:i], copy.deepcopy(rng.choice(GARBAGE)), *old[i + 1 :]]  # never GARBAGE itself


def mutate(rng: random.Random, config: dict[str, Any], count: int) -> tuple[dict[str, Any], str]:
    """``config`` with ``count`` random mutations (drop, replace, insert garbage); a log of them."""
    out = copy.deepcopy(config)
    log = []
    for _ in range(count):
        paths = _paths(out)
        if not paths or rng.random() < 0.1:
            key = rng.choice(["text_config", "llm_config", "layer_types", "head_dim", "dtype"])
            out[key] = copy.deepcopy(rng.choice(GARBAGE))
            log.append(f"set {key}")
            continue
        path = rng.choice(paths)
        parent = _parent(out, path)
        key = path[-1]
        if rng.random() < 0.3:
            del parent[key]
            log.append(f"drop {path}")
        else:
            parent[key] = _value_mutation(rng, parent[key])
            log.append(f"set {path}")
    return out, "; ".join(log)


@dataclass
class Failure:
    """A case that broke the contract, with what reproduces it."""

    config: Any
    mutations: str
    error: str


@dataclass
class Report:
    """Outcomes of a fuzz run."""

    cases: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)


def run_case(config: Any) -> str:
    """The outcome of one config; raises ``AssertionError`` if the contract is broken."""
    try:
        with time_limit(CASE_SECONDS):
            cls = generated.resolve(config)
            arch = cls.from_hf_config(config)
            arch.get_kv_params()
            layout = kvarch.inspect(config)
            assert layout.architecture == cls.__name__
        return "accepted"
    except generated.UnknownArchitectureError as exc:
        assert "closest known model types" in str(exc), str(exc)
        return "UnknownArchitectureError"
    except ConfigError as exc:
        assert isinstance(exc.field, str) and FIELD_PATH.match(exc.field), f"no path: {exc!r}"
        assert exc.field in str(exc), f"message does not name {exc.field!r}: {exc}"
        return "ConfigError"


def fuzz(cases: int, seed: int = 0, base: list[dict[str, Any]] | None = None) -> Report:
    """Run ``cases`` mutated configs (1-3 mutations of a random one of ``base``, or seeds())."""
    rng = random.Random(seed)
    base = seeds() if base is None else base
    report = Report()
    for _ in range(cases):
        config, log = mutate(rng, rng.choice(base), rng.randint(1, 3))
        if rng.random() < 0.01:  # not a mapping at all
            config, log = copy.deepcopy(rng.choice(GARBAGE)), "replace the whole config"
        report.cases += 1
        try:
            report.outcomes[run_case(config)] += 1
        except Exception as exc:  # the contract: nothing else escapes
            report.outcomes["FAILURE"] += 1
            report.failures.append(Failure(config, log, f"{type(exc).__name__}: {exc}"[:500]))
    return report
