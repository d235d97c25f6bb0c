"""The witnesses are the files as received: byte for byte, checked against the recorded checksums."""

from __future__ import annotations

import hashlib


def test_seeds_match_recorded_checksums(real_layout):
    sums = (real_layout.root / "conf" / "witnesses.sha256").read_text().splitlines()
    recorded = {name: digest for digest, name in (line.split("  ", 1) for line in sums)}
    seeds = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in real_layout.seeds.glob("*.txt")}
    assert seeds == recorded
