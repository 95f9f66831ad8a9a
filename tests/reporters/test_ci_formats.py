"""SARIF (validated against the official 2.1.0 schema), GitHub annotations, JUnit, baselines."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from typer.testing import CliRunner

from contentlint.cli import app
from tests.conftest import SHARED

runner = CliRunner()
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _check(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def ketamine_sarif(ketamine_path: Path) -> dict:  # type: ignore[type-arg]
    _, out = _check(str(ketamine_path), "--format", "sarif", "--fail-on", "never")
    return json.loads(out)


def test_sarif_validates_against_official_schema(ketamine_sarif: dict) -> None:  # type: ignore[type-arg]
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(ketamine_sarif, schema, cls=jsonschema.Draft4Validator)


def test_sarif_content(ketamine_sarif: dict, ketamine_path: Path) -> None:  # type: ignore[type-arg]
    run = ketamine_sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "CL502" in rules and rules["CL502"]["name"] == "long-sentence"
    assert "## Why is this bad?" in rules["CL502"]["help"]["markdown"]
    assert run["columnKind"] == "unicodeCodePoints"
    for res in run["results"]:
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endLine"] >= region["startLine"]
        assert re.fullmatch(r"[0-9a-f]{32}", res["partialFingerprints"]["contentlint/v1"])
    uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == ketamine_path.resolve().as_uri() or not uri.startswith("/")


def test_sarif_fingerprint_survives_reflow(tmp_path: Path) -> None:
    long = (
        "The council said on Tuesday that the new bus lanes, which were first proposed in the spring "
        "and then delayed twice by objections from local shops and residents, would open next month "
        "and that fares would stay the same for at least another year."
    )
    a = tmp_path / "a.md"
    a.write_text(f"# Buses\n\n{long}\n")
    _, first = _check(str(a), "-f", "sarif")
    a.write_text(f"# Buses\n\nA new opening paragraph.\n\n{long.replace(' which', chr(10) + 'which')}\n")
    _, second = _check(str(a), "-f", "sarif")
    results = [
        next(r for r in json.loads(o)["runs"][0]["results"] if r["ruleId"] == "CL502")
        for o in (first, second)
    ]
    fp = [r["partialFingerprints"] for r in results]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert fp[0] == fp[1] and lines == [3, 5]


def test_github_annotations_one_per_finding(ketamine_path: Path) -> None:
    _, json_out = _check(str(ketamine_path), "-f", "json")
    count = json.loads(json_out)["summary"]["findings"]
    _, out = _check(str(ketamine_path), "-f", "github")
    lines = out.splitlines()
    assert len(lines) == count
    for line in lines:
        assert re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CL\d{3} [a-z-]+::", line)


def test_github_escaping(tmp_path: Path) -> None:
    path = tmp_path / "a,b:c.md"
    path.write_text("# T\n\n" + " ".join(["The council said on Tuesday that the plan would go ahead"] * 4) + ".\n")
    _, out = _check(str(path), "-f", "github")
    assert "a%2Cb%3Ac.md" in out


def test_junit_one_case_per_file_one_failure_per_finding(ketamine_path: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("# Fine\n\nShort and clear.\n")
    _, json_out = _check(str(ketamine_path), str(clean), "-f", "json")
    count = json.loads(json_out)["summary"]["findings"]
    _, out = _check(str(ketamine_path), str(clean), "-f", "junit")
    root = ET.fromstring(out)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == sorted([str(ketamine_path), str(clean)])
    assert len(root.findall(".//failure")) == count


def test_baseline_round_trip(tmp_path: Path, ketamine_path: Path) -> None:
    article = tmp_path / "article.txt"
    text = ketamine_path.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, _ = _check(str(article), "--write-baseline", str(baseline))
    assert code == 0
    recorded = json.loads(baseline.read_text())
    assert recorded["version"] == 1 and recorded["findings"]
    assert recorded["findings"][0]["path"] == "article.txt"

    # Edit another paragraph (shorter, so line lengths and offsets shift) and re-check.
    lines = text.splitlines(keepends=True)
    lines[17] = "Ketamine infusions are given in a clinic.\n"
    article.write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--baseline", str(baseline), "-f", "json", "--fail-on", "info"])
    data = json.loads(result.stdout)
    assert data["summary"]["findings"] == 0
    assert result.exit_code == 0
    assert "known findings matched" in result.stderr

    # A newly inserted defect is the only one reported.
    long = (
        "The clinic said on Tuesday that the new treatment rooms, which were first proposed in the spring "
        "and then delayed twice by objections from local residents and shops, would open next month "
        "and that prices would stay the same for at least another year."
    )
    article.write_text("".join(lines) + "\n" + long + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--baseline", str(baseline), "-f", "json"])
    (new,) = json.loads(result.stdout)["files"][0]["findings"]
    assert new["code"] == "CL502" and new["excerpt"] == long


def test_bad_baseline_is_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# T\n\nText.\n")
    bad = tmp_path / "b.json"
    bad.write_text("{not json")
    result = runner.invoke(app, ["check", str(article), "--baseline", str(bad)])
    assert result.exit_code == 2 and "baseline is not valid JSON" in result.output


def test_max_warnings(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    long = " ".join(["The council said on Tuesday that the plan would go ahead"] * 4) + "."
    article.write_text(f"# T\n\n{long}\n")
    config = tmp_path / "contentlint.toml"
    config.write_text('[severity]\nCL502 = "warning"\n')
    assert runner.invoke(app, ["check", str(article), "--config", str(config)]).exit_code == 0
    result = runner.invoke(app, ["check", str(article), "--config", str(config), "--max-warnings", "0"])
    assert result.exit_code == 1 and "more than --max-warnings 0" in result.output
    assert runner.invoke(app, ["check", str(article), "--config", str(config), "--max-warnings", "1"]).exit_code == 0
