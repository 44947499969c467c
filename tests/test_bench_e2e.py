"""``benchmarks/e2e.py --tiny``: every code path of the end-to-end benchmark, on CPU."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tiny_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("e2e") / "e2e.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "e2e.py"), "--tiny", "--only", "a,b,c",
         "--out", str(out)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "targets:" in proc.stdout  # the table is printed last
    return dict(json.loads(out.read_text()))


def no_errors(methods: dict[str, Any]) -> None:
    failed = {k: v["error"] for k, v in methods.items() if "error" in v}
    assert not failed, failed


@pytest.mark.slow
def test_limits_and_meta(tiny_result: dict[str, Any]) -> None:
    assert tiny_result["meta"]["mode"] == "tiny"
    assert tiny_result["limits"]["copy"]["GBps"] > 0
    assert tiny_result["limits"]["matmul"]["TFLOPs"] > 0
    assert set(tiny_result["meta"]["section_seconds"]) == {"a", "b", "c", "compile"}


@pytest.mark.slow
def test_workload_a(tiny_result: dict[str, Any]) -> None:
    a = tiny_result["a"]
    methods = a["methods"]
    assert set(methods) == {
        "hf_dynamic", "hf_static", "hf_paged_cache", "hf_generate_batch", "engine",
        "engine_fp8", "hf_static_compiled",
    }  # fmt: skip
    assert "skipped" in methods["hf_static_compiled"]  # reduce-overhead needs CUDA graphs
    no_errors({k: v for k, v in methods.items() if k != "hf_static_compiled"})
    batch, new = a["workload"]["batch"], a["workload"]["new"]
    for name in (
        "hf_dynamic", "hf_static", "hf_paged_cache", "hf_generate_batch", "engine", "engine_fp8"
    ):  # fmt: skip
        if name == "hf_generate_batch" and "skipped" in methods[name]:
            continue  # transformers <= 5.17 without psutil cannot size its CPU cache
        assert methods[name]["new_tokens"] == batch * new, name
        assert methods[name]["tokens_per_s"] > 0, name
    assert methods["engine_fp8"]["kv_cache_dtype"] == "float8_e4m3fn"
    assert a["memory_fp8"]["plan_cache_bytes"] > 0
    fp8_points = methods["engine_fp8"]["decode_points"]
    assert [(p["batch"], p["ctx"]) for p in fp8_points] == [(4, 48), (8, 96)]
    # the same pages hold half the bytes per token: the roofline's K/V term halves
    for p8, p16 in zip(fp8_points, methods["engine"]["decode_points"], strict=True):
        assert 0 < p8["roofline_ms"] < p16["roofline_ms"], (p8, p16)
    assert tiny_result["targets"]["a_engine_fp8_vs_engine"] > 0
    engine = methods["engine"]
    for key in ("prompt_tokens", "generated_tokens", "prefill_seconds", "decode_seconds",
                "decode_steps", "prefix_hit_tokens", "preemptions"):  # fmt: skip
        assert key in engine["stats"], key
    assert engine["stats"]["generated_tokens"] == batch * new
    assert engine["decode_step_vs_roofline"] > 0
    points = engine["decode_points"]
    assert [(p["batch"], p["ctx"]) for p in points] == [(4, 48), (8, 96)]
    for p in points:
        assert p["vs_roofline"] > 0, p
        assert p["prefix_hit_fraction"] > 0, p  # the timed pass reuses the cached prompts
    breakdown = a["hf_breakdown"]
    assert breakdown["prefill"]["tokens_per_s"] > 0
    assert breakdown["decode_step"]["vs_roofline"] > 0
    assert a["memory"]["plan_cache_bytes"] > 0
    ratios = a["ratios"]
    for key in ("engine_vs_dynamic", "paged_generate_vs_dynamic", "engine_prefill_vs_hf_prefill"):
        assert ratios[key] > 0, key
    # fp32 on CPU: the same greedy tokens as DynamicCache (a near-tie may flip one sequence)
    for name in ("hf_static", "hf_paged_cache", "engine"):
        assert methods[name]["agreement_vs_dynamic"] >= 0.75, name


@pytest.mark.slow
def test_workloads_b_and_c(tiny_result: dict[str, Any]) -> None:
    b, c = tiny_result["b"], tiny_result["c"]
    no_errors(b["methods"])
    no_errors(c["methods"])
    assert b["methods"]["engine"]["new_tokens"] == b["workload"]["new_tokens"]
    if "skipped" not in b["methods"]["hf_generate_batch"]:  # see test_workload_a
        assert "capped" in b["methods"]["hf_generate_batch"]  # --tiny caps generate_batch at 4
        assert b["ratios"]["engine_vs_generate_batch"] > 0
        assert b["ratios"]["engine_vs_generate_batch_same_requests"] > 0
        assert b["methods"]["engine"]["first_k_requests"]["stats"]["prefix_hit_tokens"] == 0
    on, off = c["methods"]["engine_prefix_on"], c["methods"]["engine_prefix_off"]
    assert on["stats"]["prefix_hit_tokens"] > 0
    assert off["stats"]["prefix_hit_tokens"] == 0
    assert 0 < c["ratios"]["prefix_hit_fraction_of_shared"] <= 1
    assert c["ratios"]["prefix_on_vs_off"] > 0
    targets = tiny_result["targets"]
    for key in ("a_engine_vs_dynamic", "c_prefix_on_vs_off", "engine_prefill_vs_hf_prefill"):
        assert targets[key] is not None, key
