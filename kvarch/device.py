"""Device references: ``cpu`` or ``gpu:N``."""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING, Literal

import msgspec

from kvarch.errors import ConfigError

if TYPE_CHECKING:
    import torch

__all__ = ["DeviceRef", "available_devices"]

_PATTERN = re.compile(r"^(cpu|gpu|cuda)(?::(\d+))?$")


class DeviceRef(msgspec.Struct, frozen=True, kw_only=True):
    """A device the model or its cache lives on."""

    device_type: Literal["cpu", "gpu"] = "cpu"
    """``cpu`` or ``gpu``."""
    id: int = 0
    """Index among devices of that type (0 for the CPU)."""

    def __post_init__(self) -> None:
        if self.device_type not in ("cpu", "gpu"):
            raise ConfigError("device_type", self.device_type, "'cpu' or 'gpu'", owner="DeviceRef")
        if not isinstance(self.id, int) or self.id < 0:
            raise ConfigError("id", self.id, "an integer >= 0", owner="DeviceRef")

    @classmethod
    def CPU(cls, id: int = 0) -> DeviceRef:
        """The host CPU."""
        return cls(device_type="cpu", id=id)

    @classmethod
    def GPU(cls, id: int = 0) -> DeviceRef:
        """GPU number ``id``."""
        return cls(device_type="gpu", id=id)

    @classmethod
    def parse(cls, spec: str) -> DeviceRef:
        """Parse ``"cpu"``, ``"gpu"``, ``"gpu:1"`` (``cuda:1`` is accepted as an alias)."""
        match = _PATTERN.match(spec.strip().lower()) if isinstance(spec, str) else None
        if match is None:
            raise ConfigError("device", spec, "'cpu', 'gpu' or 'gpu:N' with N >= 0")
        index = int(match.group(2) or 0)
        return cls.CPU(index) if match.group(1) == "cpu" else cls.GPU(index)

    def is_cpu(self) -> bool:
        """True for the host."""
        return self.device_type == "cpu"

    def to_torch(self) -> torch.device:
        """The matching ``torch.device`` (``cuda:N`` for ``gpu:N``)."""
        import torch

        return torch.device("cpu") if self.is_cpu() else torch.device("cuda", self.id)

    def __str__(self) -> str:
        return "cpu" if self.is_cpu() else f"gpu:{self.id}"


def available_devices() -> list[DeviceRef]:
    """Every visible GPU, else the CPU. Reads the driver's device list, never imports torch."""
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is not None:
        ids = [v for v in visible.split(",") if v.strip() and v.strip() != "-1"]
        count = len(ids)
    else:
        count = _driver_gpus()
    return [DeviceRef.GPU(i) for i in range(count)] or [DeviceRef.CPU()]


@functools.cache
def _driver_gpus() -> int:
    """GPUs the NVIDIA driver lists (read once: every config built without ``devices`` asks)."""
    try:
        return len(os.listdir("/proc/driver/nvidia/gpus"))
    except OSError:
        return 0
