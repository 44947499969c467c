"""Cross-attention caches in the schema language, the config, the planner and the CLI:
``layers.cross`` with ``encoder_len`` compiles to per-layer ``CrossKV`` rows and a per-sequence
figure beside ``bytes_per_token``; the planner sets the batch's cross K/V aside before the KV
blocks; ``kvarch plan`` / ``inspect`` / ``coverage`` report it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import SchemaError
from kvarch import ConfigError, DeviceRef, DType, KVCacheParams
from kvarch.cli import main
from kvarch.coverage import coverage_report
from kvarch.layers import CrossKV, LayerSpec
from kvarch.runtime.errors import PlanError
from kvarch.runtime.planner import plan
from tests import test_generated_features
from tests.test_generator_error_messages import error_of
from tests.test_generator_schemas import BASE

MIB = 1 << 20
GIB = 1 << 30
compile_schema = test_generated_features.compile_schema  # the fixture, shared

CROSSED = """\
  source_len: {type: int, from: max_source_positions, default: 100, min: 1}
layers:
  count: n
  kind: {expr: "'sliding' if i == 2 else 'full'"}
  window: 4
  num_kv_heads: heads
  head_dim: dim
  cross: {num_kv_heads: "heads + 1 if i != 1 else 0", k_head_dim: dim, v_head_dim: 2 * dim}
max_length: max_len
encoder_len: source_len
"""


def test_cross_rows_per_layer_and_bytes_per_sequence(compile_schema: Any) -> None:
    cls = compile_schema("crossed", CROSSED)
    cfg = cls.from_hf_config({"num_hidden_layers": 3, "n_head": 2}, dtype=DType.bfloat16)
    cross = CrossKV(num_kv_heads=3, k_head_dim=8, v_head_dim=16)
    assert [s.cross for s in cfg.layers()] == [cross, None, cross]
    assert cfg.layers()[0] == LayerSpec(
        index=0, kind="full", num_kv_heads=2, k_head_dim=8, v_head_dim=8, cross=cross
    )
    assert cfg.model_max_encoder_len == 100
    assert cfg.cross_elements_per_encoder_position == 2 * 3 * (8 + 16)
    assert cfg.cross_bytes_per_sequence == 2 * 144 * 100  # bf16, at the encoder length
    # per token: self-attention only (the sliding layer's window changes nothing here)
    assert cfg.get_kv_params().bytes_per_token == 2 * 3 * 2 * 2 * 8
    other = cls.from_hf_config({"num_hidden_layers": 3, "n_head": 2, "max_source_positions": 7})
    assert other.model_max_encoder_len == 7 and other.cross_bytes_per_sequence == 4 * 144 * 7


def test_cross_errors_name_the_field(compile_schema: Any) -> None:
    cls = compile_schema("crossed_bad", CROSSED.replace("heads + 1", "heads - 3"))
    with pytest.raises(ConfigError, match=r"layers\[0\]\.cross\.num_kv_heads: got -1"):
        cls.from_hf_config({"num_hidden_layers": 3, "n_head": 2})
    short = compile_schema("crossed_short", CROSSED.replace("source_len\n", "source_len - 100\n"))
    with pytest.raises(ConfigError, match=r"\.max_source_positions: got 0; expected an integer >="):
        short.from_hf_config({"num_hidden_layers": 3, "n_head": 2})  # 100 - 100 positions


def test_a_model_without_cross_attention_reports_none(compile_schema: Any) -> None:
    cls = compile_schema("uncrossed", CROSSED.replace("heads + 1 if i != 1 else 0", "0"))
    cfg = cls.from_hf_config({"num_hidden_layers": 3, "n_head": 2})
    assert [s.cross for s in cfg.layers()] == [None] * 3
    assert cfg.model_max_encoder_len == 0 and cfg.cross_bytes_per_sequence == 0


@pytest.mark.parametrize(
    ("cross", "tail", "message"),
    [
        ("{num_kv_heads: 1, head_dim: 8}", "", "'layers.cross' and 'encoder_len' go together"),
        ("", "encoder_len: 5\n", "'layers.cross' and 'encoder_len' go together"),
        ("{num_kv_heads: 1}", "encoder_len: 5\n", "'cross' needs 'head_dim'"),
        ("{num_kv_heads: 1, head_dim: 8, window: 3}", "encoder_len: 5\n", "unknown key 'window'"),
        ("{num_kv_heads: \"'a'\", head_dim: 8}", "encoder_len: 5\n", "must be int"),
        ("{num_kv_heads: 1, head_dim: 8}", "encoder_len: \"'a'\"\n", "'encoder_len'"),
    ],
)
def test_schema_errors(tmp_path: Path, cross: str, tail: str, message: str) -> None:
    at = BASE.index("max_length")
    text = BASE[:at] + (f"  cross: {cross}\n" if cross else "") + BASE[at:] + tail
    err = error_of(tmp_path, text)
    assert isinstance(err, SchemaError) and message in str(err), str(err)


def _params(n_dev: int = 1) -> KVCacheParams:
    return KVCacheParams(
        dtype=DType.float16,
        n_kv_heads=20,
        head_dim=64,
        num_layers=32,
        page_size=128,
        devices=[DeviceRef.GPU(i) for i in range(n_dev)],
    )


def test_planner_sets_cross_kv_aside_per_sequence() -> None:
    cross = 245_760_000  # Whisper large-v3: 32 x 20 x 128 x 1500 x 2 bytes
    base = plan(_params(), free_bytes=24 * GIB, model_max_seq_len=448, max_batch_size=16)
    got = plan(
        _params(n_dev=2),
        free_bytes=24 * GIB,
        model_max_seq_len=448,
        max_batch_size=16,
        cross_bytes_per_sequence=cross,
        state_bytes_per_sequence=4 * MIB,
    )
    assert got.cross_bytes_per_sequence_per_device == cross // 2  # split over the TP ranks
    assert got.cross_bytes_per_device == 16 * cross // 2
    held = 16 * (cross + 4 * MIB) // 2
    assert got.available_bytes_per_device == int(24 * GIB * 0.9) - held
    assert base.cross_bytes_per_device == 0 and "cross-attention K/V" in got.notes[-1]
    with pytest.raises(PlanError, match="cross-attention K/V") as exc:
        plan(_params(), free_bytes=4 * GIB, model_max_seq_len=448, max_batch_size=16,
             cross_bytes_per_sequence=cross)  # fmt: skip
    assert exc.value.knob == "max_batch_size"


def test_without_a_batch_the_default_cap_is_lowered_to_what_fits() -> None:
    """No max_batch_size: as many sequences as fit with their cross K/V and one full-length
    sequence of blocks each, instead of the default cap (which would not fit at all)."""
    cross, one = 245_760_000, 4 * 128 * 163_840  # per sequence: cross K/V, 4 pages of 448 tokens
    got = plan(
        _params(), free_bytes=24 * GIB, model_max_seq_len=448, cross_bytes_per_sequence=cross
    )
    assert got.max_batch_size == int(24 * GIB * 0.9) // (cross + one) == 70
    assert (
        got.cross_bytes_per_device == 70 * cross and "max batch 70 instead of 512" in got.notes[0]
    )
    assert got.max_batch_at_max_len >= 70  # every sequence of the batch fits at full length


def _whisper(tmp_path: Path) -> Path:
    path = tmp_path / "config.json"
    config = {"model_type": "whisper", "decoder_layers": 32, "decoder_attention_heads": 20,
              "encoder_layers": 32, "encoder_attention_heads": 20, "d_model": 1280,
              "encoder_ffn_dim": 5120, "decoder_ffn_dim": 5120, "vocab_size": 51866,
              "torch_dtype": "float16"}  # fmt: skip
    path.write_text(json.dumps(config))
    return path


def test_plan_says_what_cross_attention_takes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["plan", str(_whisper(tmp_path)), "--gpu-memory", "80GiB", "--max-batch", "8"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "cross-attention per sequence  245760000 (234.38 MiB) at 1500 encoder positions" in out
    assert "weights                       2.87 GiB (formula: whisper: 1.54 B parameters" in out
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cross_bytes_per_sequence"] == 245_760_000 and data["encoder_len"] == 1500
    assert data["plan"]["cross_bytes_per_device"] == 8 * 245_760_000
    assert data["bytes_per_token"] == 163840 and data["state_bytes_per_sequence"] == 0


def test_inspect_shows_self_and_cross_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", str(_whisper(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "245760000 bytes/sequence of cross-attention K/V (234.38 MiB) at 1500" in out
    assert "cross-attention K/V per sequence (1500 encoder positions):" in out
    assert "0-31    32     20        64     64     5120                  7680000" in out
    assert main(["inspect", str(_whisper(tmp_path)), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["layers"][0]["cross"] == {"num_kv_heads": 20, "k_head_dim": 64, "v_head_dim": 64}
    assert data["encoder_len"] == 1500 and data["cross_bytes_per_sequence"] == 245_760_000


def test_inspect_shows_state_rows(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = Path(__file__).parent / "fixtures" / "configs" / "jamba-v0.1.json"
    assert main(["inspect", str(fixture)]) == 0
    out = capsys.readouterr().out
    assert "state per sequence:" in out and "conv   8192x4" in out and "ssm    8192x16" in out
    # per layer, each in its own dtype: the conv window in bf16, the SSM state in float32
    assert "conv   8192x4   65536" in out and "ssm    8192x16  524288" in out
    assert "16515072 bytes/sequence of state" in out  # 28 x (65536 + 524288), the same sum
    assert "cross-attention K/V per sequence" not in out


def test_coverage_reports_encoder_decoder_decoders_as_their_own_group() -> None:
    report = coverage_report()
    assert report.encoder_decoder_missing == [] and report.encoder_decoder_ratio == 1.0
    assert {"whisper", "bart", "bert", "xlm"} <= set(report.encoder_decoder_covered)
    assert not set(report.encoder_decoder_covered) & set(report.covered + report.missing)
    lines = report.render().splitlines()
    assert lines[0].endswith(f"{len(report.covered)}/{len(report.covered) + len(report.missing)}"
                             " decoder families with a KV cache have a schema"
                             f" ({report.ratio:.1%})")  # fmt: skip
    assert "31/31 encoder-decoder decoders (and encoders run as decoders)" in lines[-1]
