"""Several ``claims ingest`` processes against one PostgreSQL store at the same time.

Each process is a real CLI run, as on several machines: no duplicate sources, claims, parties
or events may come out of the race, and the events must be those one serial run links.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus

CLAIMS = str(Path(sys.executable).parent / "claims")


def claims(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CLAIMTRACK_NO_ENTRYPOINTS": "1"}
    return subprocess.Popen([CLAIMS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def export(db: str) -> dict:
    done = subprocess.run([CLAIMS, "export", "--format", "json", "--db", db],
                          capture_output=True, text=True, check=True)
    data = json.loads(done.stdout)
    del data["exported_at"]
    data["events"].sort(key=lambda e: e["id"])  # undated events sort differently per backend
    return data


def test_four_processes_on_overlapping_inputs_store_one_serial_result(
        db_url: str, tmp_path: Path) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("several processes writing at once is what PostgreSQL is for")
    generated = tmp_path / "generated"
    corpus.write_folder(generated, 160, seed=5)
    files = sorted(generated.rglob("*.txt"))
    # Four overlapping slices, each in a folder of its own (as four machines would have them).
    slices = [files[0:100], files[60:160], files[::2], files[30:130]]
    folders = []
    for number, chosen in enumerate(slices):
        folder = tmp_path / f"input_{number}"
        folder.mkdir()
        for path in chosen:
            shutil.copy(path, folder / path.name)
            shutil.copy(path.with_name(path.stem + ".meta.json"), folder)
        if number % 2 == 0:
            shutil.copytree(SEEDS, folder / "seeds")
        folders.append(folder)

    runs = [claims("ingest", str(folder), "-q", "--db", db_url,
                   *(["--workers", "2"] if number == 1 else []))
            for number, folder in enumerate(folders)]
    for run in runs:
        _out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert "Traceback" not in err

    serial_db = f"sqlite:///{tmp_path / 'serial.db'}"
    serial = subprocess.run([CLAIMS, "ingest", str(generated), str(SEEDS), "-q", "--db",
                             serial_db], capture_output=True, text=True)
    assert serial.returncode == 0, serial.stderr
    expected, got = export(serial_db), export(db_url)
    assert len(expected["sources"]) == 165
    for key in ("sources", "claims", "parties", "events"):
        ids = [row["id"] for row in got[key]]
        assert len(ids) == len(set(ids)), f"duplicate {key}"
        assert got[key] == expected[key], key
