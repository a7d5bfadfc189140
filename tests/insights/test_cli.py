"""`python -m insights report` and `hash-password`/`add-user`, in process."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from insights.__main__ import main
from tests.insights.synthetic import stored


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'insights.sqlite'}"
    stored(url, 150, date(2026, 10, 1), 31, seed=4)
    return url


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_report_in_each_format(store_url, capsys, tmp_path):
    code, text, _ = run(["--insights-db", store_url, "report", "--period", "2026-10",
                         "--format", "csv"], capsys)
    assert code == 0 and text.startswith("period,area,table,row,column,value\n")
    assert "2026-10,all,conversations,All conversations,All,150" in text
    code, text, _ = run(["--insights-db", store_url, "report", "--period", "2026-10",
                         "--area", "kent", "--format", "json"], capsys)
    data = json.loads(text)
    assert code == 0 and data["area"] == "kent"
    assert {t["name"] for t in data["tables"]} >= {"kent_needs", "kent_gaps"}
    out = tmp_path / "r.html"
    code, _, _ = run(["--insights-db", store_url, "report", "--period", "2026-10",
                      "--format", "html", "--out", str(out)], capsys)
    assert code == 0 and "<table" in out.read_text() and "<caption" in out.read_text()


def test_report_refuses_unfinished_and_made_up_periods(store_url, capsys):
    code, _, err = run(["--insights-db", store_url, "report", "--period", "2031-Q1"], capsys)
    assert code == 3 and "not final" in err
    code, text, _ = run(["--insights-db", store_url, "report", "--period", "2031-Q1",
                         "--provisional", "--format", "json"], capsys)
    assert code == 0 and json.loads(text)["provisional"] is True
    for bad in ("2026-13", "2026-Q5", "last week", "2026-10-01"):
        assert run(["--insights-db", store_url, "report", "--period", bad], capsys)[0] == 2
    assert run(["--insights-db", store_url, "report", "--period", "2026-10", "--area",
                "london"], capsys)[0] == 2


def test_add_user_takes_the_password_from_standard_input(tmp_path, capsys, monkeypatch):
    users = tmp_path / "users.txt"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert run(["add-user", "alice", "--file", str(users)], capsys)[0] == 0
    assert users.read_text().startswith("alice:$argon2id$")
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(["hash-password"], capsys)
    assert code == 2 and "12 characters" in err
