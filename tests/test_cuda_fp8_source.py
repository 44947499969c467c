"""The CUDA fp8 decode kernel's source compiles for sm_89 and sm_90 with NVRTC, no GPU needed
(CI has none: the kernel's results are checked on a GPU by tests/test_gpu_kernels.py)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from kvarch.runtime import cuda_fp8


def _nvrtc() -> ctypes.CDLL:
    """libnvrtc from the ``nvidia-cuda-nvrtc`` wheel (the dev extra installs it)."""
    import nvidia  # the wheels' namespace package

    found = [p for root in nvidia.__path__ for p in Path(root).glob("cu*/lib/libnvrtc.so.*")]
    assert found, "nvidia-cuda-nvrtc is not installed (make setup installs the dev extra)"
    return ctypes.CDLL(str(sorted(found)[0]))


def _compile(source: str, arch: str) -> tuple[int, str, str]:
    """(status, log, PTX) of NVRTC on ``source`` for ``arch`` (e.g. compute_90)."""
    lib = _nvrtc()
    prog = ctypes.c_void_p()
    assert (
        lib.nvrtcCreateProgram(ctypes.byref(prog), source.encode(), b"fp8.cu", 0, None, None) == 0
    )
    options = (ctypes.c_char_p * 1)(f"--gpu-architecture={arch}".encode())
    status = lib.nvrtcCompileProgram(prog, 1, options)
    size = ctypes.c_size_t()
    lib.nvrtcGetProgramLogSize(prog, ctypes.byref(size))
    log = ctypes.create_string_buffer(size.value)
    lib.nvrtcGetProgramLog(prog, log)
    ptx = b""
    if status == 0:
        lib.nvrtcGetPTXSize(prog, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        lib.nvrtcGetPTX(prog, buffer)
        ptx = buffer.value
    lib.nvrtcDestroyProgram(ctypes.byref(prog))
    return status, log.value.decode(), ptx.decode()


@pytest.mark.parametrize(
    ("page", "q_bf16", "direct", "arch"),
    [
        (16, True, False, "compute_90"),
        (128, False, True, "compute_89"),
        (32, True, True, "compute_90"),
    ],
)
def test_the_cuda_fp8_kernel_compiles_cleanly(
    page: int, q_bf16: bool, direct: bool, arch: str
) -> None:
    status, log, ptx = _compile(cuda_fp8.kernel_source(page, q_bf16, direct), arch)
    assert status == 0, log
    assert "warning" not in log, log
    assert ".entry fp8_paged_decode" in ptx
    # the instructions the design rests on: register-fed MMAs, the P transpose, packed converts
    for op in ("mma.sync.aligned.m16n8k16", "movmatrix.sync.aligned.m8n8.trans", "e4m3x2"):
        assert op in ptx, op
    assert "ld.shared" in ptx and ptx.count("bar.sync") == 1  # shared memory: the warps' merge only
    cvt = "cvt.rn.bf16.f32" if q_bf16 else "cvt.rn.f16.f32"
    assert (cvt in ptx) == direct  # the output itself, in q's dtype, or float32 partials


def test_a_broken_source_is_reported() -> None:
    """The check can fail: NVRTC rejects a source with an error."""
    status, log, _ = _compile(cuda_fp8.kernel_source(16, True) + "\nint broken(", "compute_90")
    assert status != 0 and "error" in log
