"""Speech synthesis with espeak-ng, cached by text and voice, and the mixed soundtrack."""

from __future__ import annotations

import array
import hashlib
import math
import os
import subprocess
import wave
from dataclasses import dataclass

CACHE_DIR = os.environ.get("FILMS_CACHE", "/tmp/films-cache")
SAMPLE_RATE = 22050  # espeak-ng 1.51 writes 16-bit mono at this rate


@dataclass(frozen=True)
class Voice:
    """espeak-ng settings for one character: `name` like "nl+f3", speed in words per minute, pitch 0..99."""

    name: str
    speed: int = 150
    pitch: int = 50


def synthesize(text: str, voice: Voice) -> str:
    """Write `text` spoken by `voice` to a cached WAV file and return its path."""
    os.makedirs(CACHE_DIR, exist_ok=True)
    key = hashlib.sha256(f"{voice.name}|{voice.speed}|{voice.pitch}|{text}".encode()).hexdigest()[:20]
    path = os.path.join(CACHE_DIR, f"{key}.wav")
    if not os.path.exists(path):
        partial = path + ".part"
        subprocess.run(
            ["espeak-ng", "-v", voice.name, "-s", str(voice.speed), "-p", str(voice.pitch), "-w", partial, text],
            check=True,
        )
        os.replace(partial, path)
    return path


def read_samples(path: str) -> array.array:
    with wave.open(path, "rb") as source:
        if source.getsampwidth() != 2 or source.getnchannels() != 1 or source.getframerate() != SAMPLE_RATE:
            raise ValueError(f"{path}: expected 16-bit mono {SAMPLE_RATE} Hz WAV from espeak-ng")
        samples = array.array("h")
        samples.frombytes(source.readframes(source.getnframes()))
    return samples


def trimmed(samples: array.array, threshold: int = 200) -> array.array:
    """Drop the silence espeak-ng leaves after the speech, keeping 80 ms of it."""
    end = len(samples)
    while end > 0 and abs(samples[end - 1]) < threshold:
        end -= 1
    return samples[: min(len(samples), end + int(0.08 * SAMPLE_RATE))]


def envelope(samples: array.array, fps: float) -> list[float]:
    """Compute the loudness per video frame, scaled to 0..1, for animating mouths."""
    step = SAMPLE_RATE / fps
    values = []
    index = 0.0
    while int(index) < len(samples):
        chunk = samples[int(index) : int(index + step)]
        mean_square = sum(s * s for s in chunk[::4]) / max(1, len(chunk[::4]))
        values.append(min(1.0, math.sqrt(mean_square) / 6000.0))
        index += step
    return values


def write_soundtrack(path: str, duration: float, placed: list[tuple[float, array.array]]):
    """Mix each `(start_seconds, samples)` into one mono WAV of `duration` seconds."""
    total = int(duration * SAMPLE_RATE) + 1
    mix = array.array("i", bytes(4 * total))
    for start, samples in placed:
        offset = int(round(start * SAMPLE_RATE))
        for i, sample in enumerate(samples):
            if offset + i < total:
                mix[offset + i] += sample
    out = array.array("h", (max(-32768, min(32767, s)) for s in mix))
    with wave.open(path, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(SAMPLE_RATE)
        target.writeframes(out.tobytes())
