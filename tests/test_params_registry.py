"""The registry behind ``kvarch.params``: each group module fills it, once per model_type."""

from __future__ import annotations

import pytest

from kvarch.params import count_params
from kvarch.params.core import FORMULAS, formula


def test_each_group_registers_its_formulas() -> None:
    for model_type, module in (
        ("llama", "decoders"),
        ("zamba2", "hybrids"),
        ("whisper", "encoders"),
        ("bert", "encoders"),
    ):
        assert FORMULAS[model_type].__module__ == f"kvarch.params.{module}"
    assert count_params({"model_type": "llama"}).family == "llama"
    unknown = count_params({"model_type": "no_such_model", "hidden_size": 8})
    assert unknown.family == "generic" and "no formula for 'no_such_model'" in unknown.notes[0]


def test_a_second_formula_for_a_model_type_is_refused() -> None:
    with pytest.raises(ValueError, match="model_type 'bart': counted by _encoder_decoder"):
        formula("bart")(lambda c, n: None)
    assert FORMULAS["bart"].__name__ == "_encoder_decoder"
