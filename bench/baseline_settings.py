"""The app's settings with one more URL: the load bench's baseline (bench/baseline_urls.py)."""

from tidtam.settings import *  # noqa: F403

ROOT_URLCONF = "bench.baseline_urls"
