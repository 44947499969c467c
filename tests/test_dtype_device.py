"""DType and DeviceRef: names, sizes, torch / HF conversions, parse errors."""

from __future__ import annotations

import msgspec
import pytest
import torch

from kvarch import ConfigError, DeviceRef, DType


@pytest.mark.parametrize(
    ("dtype", "bits"),
    [
        (DType.float32, 32),
        (DType.bfloat16, 16),
        (DType.float16, 16),
        (DType.float8_e4m3fn, 8),
        (DType.float8_e5m2, 8),
        (DType.int8, 8),
        (DType.uint8, 8),
        (DType.bool, 8),
        (DType.float64, 64),
        (DType.int64, 64),
        (DType.float4_e2m1fn, 4),
        (DType.int4, 4),
    ],
)
def test_sizes(dtype: DType, bits: int) -> None:
    assert dtype.size_in_bits == bits
    assert dtype.nbytes(10) == (10 * bits + 7) // 8
    if bits % 8 == 0:
        assert dtype.size_in_bytes == bits // 8


def test_sub_byte_size_in_bytes_points_at_nbytes() -> None:
    with pytest.raises(ConfigError, match="nbytes"):
        _ = DType.int4.size_in_bytes
    assert DType.float4_e2m1fn.nbytes(3) == 2  # packed, rounded up to a whole byte


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bfloat16", DType.bfloat16),
        ("torch.bfloat16", DType.bfloat16),
        ("bf16", DType.bfloat16),
        ("half", DType.float16),
        ("float16", DType.float16),
        ("float", DType.float32),
        ("FP8", DType.float8_e4m3fn),
        ("float8_e4m3fn", DType.float8_e4m3fn),
    ],
)
def test_from_hf_names(name: str, expected: DType) -> None:
    assert DType.from_hf(name) is expected


def test_unknown_dtype_names_field_value_and_choices() -> None:
    with pytest.raises(ConfigError) as err:
        DType.parse("bfloat17")
    msg = str(err.value)
    assert "dtype" in msg and "'bfloat17'" in msg and "bfloat16" in msg
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("dtype", list(DType))
def test_torch_round_trip(dtype: DType) -> None:
    assert DType.from_torch(dtype.to_torch()) is dtype
    assert DType.from_hf(dtype.to_torch()) is dtype


def test_dtype_hf_name_round_trip() -> None:
    for d in DType:
        assert DType.from_hf(d.to_hf()) is d


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("cpu", DeviceRef.CPU()),
        ("gpu", DeviceRef.GPU(0)),
        ("gpu:1", DeviceRef.GPU(1)),
        ("cuda:3", DeviceRef.GPU(3)),
        (" GPU:2 ", DeviceRef.GPU(2)),
    ],
)
def test_device_parse(spec: str, expected: DeviceRef) -> None:
    assert DeviceRef.parse(spec) == expected


@pytest.mark.parametrize("spec", ["tpu", "gpu:-1", "gpu:a", "", "gpu:1:2"])
def test_device_parse_rejects(spec: str) -> None:
    with pytest.raises(ConfigError, match="'cpu', 'gpu' or 'gpu:N'"):
        DeviceRef.parse(spec)


def test_device_to_torch_and_str() -> None:
    assert DeviceRef.GPU(1).to_torch() == torch.device("cuda", 1)
    assert DeviceRef.CPU().to_torch() == torch.device("cpu")
    assert str(DeviceRef.GPU(1)) == "gpu:1"
    assert str(DeviceRef.CPU()) == "cpu"


def test_device_validated_on_every_path() -> None:
    with pytest.raises(ConfigError, match="DeviceRef.id"):
        DeviceRef(device_type="gpu", id=-1)
    with pytest.raises(msgspec.ValidationError, match="DeviceRef.id"):
        msgspec.convert({"device_type": "gpu", "id": -2}, DeviceRef)
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"device_type": "tpu", "id": 0}', type=DeviceRef)
    assert msgspec.json.decode(msgspec.json.encode(DeviceRef.GPU(2)), type=DeviceRef) == (
        DeviceRef.GPU(2)
    )


def test_available_devices_reads_cuda_visible_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    from kvarch import available_devices

    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "0,1")
    assert available_devices() == [DeviceRef.GPU(0), DeviceRef.GPU(1)]
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    assert available_devices() == [DeviceRef.CPU()]


def test_dtype_declared_by_a_config_json() -> None:
    default = DType.float32
    assert DType.from_hf_config({"torch_dtype": "bfloat16"}, default=default) is DType.bfloat16
    assert DType.from_hf_config({"dtype": "float16"}, default=default) is DType.float16
    vlm = {"torch_dtype": None, "text_config": {"torch_dtype": "bfloat16"}}
    assert DType.from_hf_config(vlm, default=default) is DType.bfloat16
    assert DType.from_hf_config({"torch_dtype": "auto"}, default=default) is default
    assert DType.from_hf_config({}, default=DType.bfloat16) is DType.bfloat16
    with pytest.raises(ConfigError, match="bfloat17"):
        DType.from_hf_config({"torch_dtype": "bfloat17"}, default=default)
