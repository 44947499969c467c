"""The runtime sizes its cache as ``kvarch plan`` does: the Engine, on one device and on a
tensor-parallel group of two (``_cache_devices``, the hook ``TPEngine`` fills), makes the plan
``plan_model`` makes for the same budget, length, batch and page size, for a family of each
kind of memory kept per sequence beside the blocks: none, recurrent state (split over the TP
ranks), cross-attention K/V, and DeepSeek-V4's compressed caches (whole on every rank)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.planning import plan_model
from kvarch.runtime import sizing
from kvarch.runtime.engine import Engine
from kvarch.runtime.planner import CachePlan
from tests.oracle.truth import build_model
from tests.oracle.variants import available_variants, make_config

GIB = 1 << 30
LENGTH, BATCH, PAGE = 32, 2, 4


def engine_plan(model: Any, tp: int, monkeypatch: pytest.MonkeyPatch) -> CachePlan:
    """The Engine's plan for ``model`` with ``GIB`` free on each of ``tp`` devices (named as
    ``kvarch plan`` names them; the model stays on CPU, the plan is all that is read)."""

    class Group(Engine):
        def _cache_devices(self, model: Any) -> list[DeviceRef]:
            return [DeviceRef.GPU(i) for i in range(tp)]

    monkeypatch.setattr(sizing, "device_free_bytes", lambda devices: GIB)
    engine = Group(model, max_batch_size=BATCH, max_seq_len=LENGTH, page_size=PAGE)
    return engine.plan


def cli_plan(config: Any, tp: int) -> CachePlan:
    return plan_model(
        config.to_dict(), gpu_memory=GIB, tp=tp, dtype=DType.float32, page_size=PAGE,
        max_length=LENGTH, max_batch=BATCH, weights=0,
    ).plan  # fmt: skip


def causal(variant_id: str) -> tuple[Any, Any]:
    config = make_config(next(v for v in available_variants() if v.id == variant_id))
    return config, build_model(config)


def seq2seq(variant_id: str) -> tuple[Any, Any]:
    from transformers import AutoModelForSeq2SeqLM

    config = make_config(next(v for v in available_variants() if v.id == variant_id))
    return config, AutoModelForSeq2SeqLM.from_config(config).eval()


MODELS: dict[str, Callable[[], tuple[Any, Any]]] = {
    "kv-only": lambda: causal("gemma2"),
    "ssm-state": lambda: causal("jamba"),
    "linear-state": lambda: causal("qwen3-next"),
    "cross-kv": lambda: seq2seq("bart"),
    "compressed": lambda: causal("deepseek-v4-layer-types"),
}
"""Per kind of per-sequence memory: a tiny model and its config."""


@pytest.mark.parametrize("tp", [1, 2])
@pytest.mark.parametrize("kind", list(MODELS))
def test_the_engine_plans_what_kvarch_plan_plans(
    kind: str, tp: int, monkeypatch: pytest.MonkeyPatch, one_thread: None
) -> None:
    config, model = MODELS[kind]()
    mine, theirs = engine_plan(model, tp, monkeypatch), cli_plan(config, tp)
    assert mine.tp_degree == tp
    held = {
        "ssm-state": mine.state_bytes_per_device,
        "linear-state": mine.state_bytes_per_device,
        "cross-kv": mine.cross_bytes_per_device,
        "compressed": mine.compressed_bytes_per_device,
    }
    assert held.get(kind, 1) > 0  # the kind is there to be compared
    assert mine == theirs
