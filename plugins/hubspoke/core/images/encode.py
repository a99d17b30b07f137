"""Encode the files a plan asks for, into the cache folder, in a pool of processes.

A task is one source image (decoded once, then every missing output written)
or one drawn card. Tasks are plain picklable data; `run_task` is what a worker
process runs. Files are written under a temporary name and renamed, so an
interrupted build never leaves a half-written file in the cache.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from PIL import Image

from .cards import CardSpec, draw_card
from .pixels import Decoded, DecodeError, clean_copy, decode, flatten
from .plan import PILLOW_FORMATS, Output

_PR_SET_PDEATHSIG = 1


def end_with_parent() -> None:
    """In a worker: ask Linux to end this process when the build that started it dies,
    even by SIGKILL (elsewhere the pool ends its workers on a normal exit)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


@dataclass(frozen=True)
class SourceTask:
    """Encode `outputs` of the source image at `path` into `cache_dir`."""

    path: str
    outputs: tuple[Output, ...]
    cache_dir: str
    max_pixels: int
    weight: int = 0  # pixels times outputs: big tasks are started first


@dataclass(frozen=True)
class CardTask:
    """Draw the card `spec` and write it as `output` into `cache_dir`."""

    spec: CardSpec
    output: Output
    cache_dir: str
    weight: int = 0


@dataclass(frozen=True)
class TaskResult:
    """What a task did: files encoded, bytes written, or why the source cannot be used."""

    path: str
    encoded: int = 0
    written: int = 0
    error: str | None = None


def missing(outputs: Sequence[Output], cache_dir: str) -> tuple[Output, ...]:
    """The outputs not yet in the cache."""
    return tuple(o for o in outputs if not os.path.exists(os.path.join(cache_dir, o.filename)))


def run_task(task: SourceTask | CardTask) -> TaskResult:
    """Run one task (in a worker process, or inline)."""
    if isinstance(task, CardTask):
        image = draw_card(task.spec)
        written = _write(image, task.output, task.cache_dir)
        return TaskResult(f"card {task.spec.title!r}", 1, written)
    try:
        decoded = decode(task.path, max_pixels=task.max_pixels)
    except DecodeError as error:
        return TaskResult(task.path, error=str(error))
    written = 0
    resized: dict[tuple, Image.Image] = {}
    for output in task.outputs:
        image = _pixels_for(decoded, output, resized)
        written += _write(image, output, task.cache_dir, decoded)
    return TaskResult(task.path, len(task.outputs), written)


def _pixels_for(decoded: Decoded, output: Output, resized: dict) -> Image.Image:
    """The source cut and scaled for `output`; shared between formats of one size."""
    key = (output.crop, output.width, output.height)
    if key not in resized:
        image = decoded.image
        if output.crop:
            image = image.crop(output.crop)
        if image.size != (output.width, output.height):
            image = image.resize(
                (output.width, output.height), Image.Resampling.LANCZOS, reducing_gap=3.0
            )
        resized[key] = image
    return resized[key]


def _write(image: Image.Image, output: Output, cache_dir: str, decoded: Decoded | None = None):
    options = dict(output.options)
    if output.fmt == "jpeg":
        image = flatten(image)
    elif output.role == "original" and decoded is not None and decoded.native is not None:
        image = decoded.native  # a palette or grey source: its exact pixels
        if decoded.transparency is not None:
            options["transparency"] = decoded.transparency
    elif output.drawing and decoded is not None and decoded.drawing:
        mode = image.mode
        image = _quantize(image)
        if output.fmt == "webp":
            image = image.convert(mode)
        options = dict(output.drawing_options)
    elif output.fmt == "gif":
        image = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    image = clean_copy(image)
    buffer = io.BytesIO()
    image.save(buffer, PILLOW_FORMATS[output.fmt], **options)
    data = buffer.getvalue()
    os.makedirs(cache_dir, exist_ok=True)
    target = os.path.join(cache_dir, output.filename)
    temporary = f"{target}.{os.getpid()}.part"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, target)
    return len(data)


def _quantize(image: Image.Image) -> Image.Image:
    """256 colours; opaque and clear stay exactly so (the quantizer averages alpha)."""
    quantized = image.quantize(256, method=Image.Quantize.FASTOCTREE)
    if image.mode == "RGBA":
        palette = quantized.getpalette("RGBA")
        if palette is None:  # a quantized image always has a palette
            return quantized
        palette[3::4] = [255 if a >= 250 else 0 if a <= 5 else a for a in palette[3::4]]
        quantized.putpalette(palette, "RGBA")
    return quantized


def run_tasks(
    tasks: Sequence[SourceTask | CardTask],
    workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[TaskResult]:
    """Run every task, in a pool of `workers` processes when that helps; results in task order.

    The pool uses the "spawn" start method: workers start clean, whatever
    threads the parent runs (such as `mkdocs serve`'s watcher).
    """
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i].weight)
    results: list[TaskResult | None] = [None] * len(tasks)
    if workers <= 1 or len(tasks) <= 1:
        for done, index in enumerate(order, start=1):
            results[index] = run_task(tasks[index])
            if progress:
                progress(done, len(tasks))
        return [r for r in results if r is not None]  # every task ran
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(workers, len(tasks)), mp_context=context, initializer=end_with_parent
    ) as pool:
        futures = {pool.submit(run_task, tasks[i]): i for i in order}
        for done, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(tasks))
    return [r for r in results if r is not None]  # every task ran
