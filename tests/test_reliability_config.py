"""Config fuzzing (CI size; `python -m benchmarks.bench_soak` runs >= 10,000 cases): mutated
config.json dicts of every family give a validated config or a typed error naming the field."""

from __future__ import annotations

import random

import pytest

import generated
from kvarch.errors import ConfigError
from tests.reliability.config_fuzz import fuzz, mutate, run_case, seeds
from tests.reliability.timeout import CaseTimeout, time_limit


def test_seeds_cover_every_generated_family() -> None:
    served = {generated.resolve(c).__name__ for c in seeds()}
    missing = sorted(set(generated.CLASSES) - served)
    assert not missing, f"no fixture or oracle variant to fuzz from for {missing}"


def test_mutated_configs_only_raise_typed_errors_naming_the_field() -> None:
    report = fuzz(2000, seed=8)
    assert report.failures == []
    assert report.cases == 2000
    # every outcome is exercised: the mutations are neither all harmless nor all fatal
    assert (
        min(report.outcomes[k] for k in ("accepted", "ConfigError", "UnknownArchitectureError"))
        > 100
    )


def test_a_config_error_names_the_mutated_nested_field() -> None:
    gemma3 = next(c for c in seeds() if "text_config" in c)
    broken = {**gemma3, "text_config": {**gemma3["text_config"], "num_hidden_layers": -2}}
    with pytest.raises(ConfigError, match=r"text_config\.num_hidden_layers.*-2"):
        generated.from_hf_config(broken)
    assert run_case(broken) == "ConfigError"


def test_run_case_refuses_untyped_errors_and_hangs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness can fail: an escaping KeyError or a hang is reported, not swallowed."""
    base = seeds()
    config = base[0]

    def broken(config: object) -> type:
        raise KeyError("x")

    monkeypatch.setattr(generated, "resolve", broken)
    with pytest.raises(KeyError):
        run_case(config)
    report = fuzz(3, seed=1, base=base)
    assert report.outcomes["FAILURE"] == 3 and "KeyError" in report.failures[0].error
    with pytest.raises(CaseTimeout), time_limit(0.05):
        while True:
            pass


def test_mutate_changes_the_config_and_keeps_the_seed() -> None:
    seed = seeds()[0]
    before = repr(seed)
    changed = [mutate(random.Random(i), seed, 2)[0] != seed for i in range(20)]
    assert sum(changed) >= 18
    assert repr(seed) == before
