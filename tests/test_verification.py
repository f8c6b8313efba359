"""Verifiers read the store as it is, whichever run first met a party."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import run

# Two outlets on one LNA raid: a military source inside the LNA and the LNA spokesman. Both
# speak for the LNA, so the raid rests on one primary source however they are worded.
SOURCE_STORY = (
    "غارة على مخبأ قرب أوباري\n\n"
    "قال مصدر عسكري بالجيش الوطني الليبي إن غارة جوية نفذها سلاح الجو فجر الاثنين على "
    "مخبأ قرب أوباري أسفرت عن مقتل سبعة مسلحين.\n"
)
SPOKESMAN_STORY = (
    "الجيش يعلن مقتل سبعة في أوباري\n\n"
    "أعلن المتحدث باسم الجيش الوطني الليبي أحمد المسماري أن غارة جوية فجر الاثنين على "
    "مخبأ قرب أوباري قتلت سبعة إرهابيين.\n"
)


def test_a_source_met_during_extraction_speaks_for_its_organisation(
        runner: CliRunner, sqlite_url: str, tmp_path: Path) -> None:
    for name, text in (("a", SOURCE_STORY), ("b", SPOKESMAN_STORY)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(
            {"outlet": f"outlet_{name}", "published": "2019-10-22",
             "url": f"https://{name}.example/x"}), encoding="utf-8")
    assert run(runner, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
               "--db", sqlite_url).exit_code == 0
    # A separate run: its gazetteer is built afresh and has never met "lna_source".
    assert run(runner, "verify", "--db", sqlite_url).exit_code == 0
    data = json.loads(run(runner, "export", "--format", "json", "--db", sqlite_url).stdout)
    parties = {c["party"] for c in data["claims"] if c["kind"] == "killed"}
    assert parties == {"lna_source", "ahmed_mismari"}
    independence = [f for f in data["findings"] if f["check"] == "source_independence"]
    assert len(independence) == 1
    assert independence[0]["grade"] == "single_source", independence[0]["reason"]
