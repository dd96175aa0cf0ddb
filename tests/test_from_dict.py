"""``Report.from_dict`` reads back exactly what ``to_dict`` wrote, and refuses anything else: a
field of the wrong type, an unknown key, or a document the framework contradicts — every problem
at once, each at its key path."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_indicators as cds
from cds_indicators import strategies as cst

Document = dict[str, Any]


def _document() -> Document:
    report = cds.evaluate({"2.5": cds.ratio(19, 33), "3.3": "70%", "1.1": "Có"}, 2025,
                          commune="Xã A", district="Huyện B")
    return json.loads(json.dumps(report.to_dict(), ensure_ascii=False))


def _at(document: Document, criterion: str) -> dict[str, Any]:
    return next(row for row in document["verdicts"] if row["criterion"] == criterion)


def _index(criterion: str) -> int:
    return [c.id for c in cds.load_framework()].index(criterion)


def _set(key: str, value: Any) -> Callable[[Document], None]:
    return lambda d: d.update({key: value})


def _set_in(criterion: str, **fields: Any) -> Callable[[Document], None]:
    return lambda d: _at(d, criterion).update(fields)


I25, I33, I11 = _index("2.5"), _index("3.3"), _index("1.1")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # Exact types: no text, float or bool for a year, no number for a name.
        (_set("year", "2025"), [("$.year", "sai cấu trúc: expected int, got '2025'",
                                 "invalid structure: expected int, got '2025'")]),
        (_set("year", 2025.7), [("$.year", "sai cấu trúc: expected int, got 2025.7",
                                 "invalid structure: expected int, got 2025.7")]),
        (_set("year", True), [("$.year", "sai cấu trúc: expected int, got True",
                               "invalid structure: expected int, got True")]),
        (_set("commune", 5), [("$.commune", "sai cấu trúc: expected str, got 5",
                               "invalid structure: expected str, got 5")]),
        (_set("completion", "completed"), [(
            "$.completion",
            "sai cấu trúc: 'completed' is not a valid Completion",
            "invalid structure: 'completed' is not a valid Completion")]),
        # No unknown key, at the top or in a verdict.
        (_set("extra", 1), [("$", "sai cấu trúc: unknown key 'extra'",
                             "invalid structure: unknown key 'extra'")]),
        (_set_in("1.1", note="x"), [(f"$.verdicts[{I11}]", "sai cấu trúc: unknown key 'note'",
                                     "invalid structure: unknown key 'note'")]),
        # Every verdict recomputed against the framework and year.
        (_set("completion", "COMPLETED"), [(
            "$.completion",
            "tài liệu ghi 'COMPLETED', tính lại theo khung thanh-hoa-1829 được 'NOT_COMPLETED'",
            "the document says 'COMPLETED', recomputed by thanh-hoa-1829: 'NOT_COMPLETED'")]),
        (_set_in("3.3", value="10", status="PASS"), [(
            f"$.verdicts[{I33}].status",
            "tài liệu ghi 'PASS', tính lại theo khung thanh-hoa-1829 được 'FAIL'",
            "the document says 'PASS', recomputed by thanh-hoa-1829: 'FAIL'")]),
        (_set_in("3.3", target={"label": "65%", "kind": "rate", "comparison": "at_least",
                                "threshold": "65"}, status="PASS"), [
            (f"$.verdicts[{I33}].status",
             "tài liệu ghi 'PASS', tính lại theo khung thanh-hoa-1829 được 'FAIL'",
             "the document says 'PASS', recomputed by thanh-hoa-1829: 'FAIL'"),
            (f"$.verdicts[{I33}].target",
             "tài liệu ghi '65%', tính lại theo khung thanh-hoa-1829 được '75%'",
             "the document says '65%', recomputed by thanh-hoa-1829: '75%'")]),
        (_set_in("2.5", counts=[5, 0]), [(
            f"$.verdicts[{I25}].counts", "chỉ tiêu 2.5: mẫu số 0 phải lớn hơn 0",
            "criterion 2.5: the denominator 0 must be greater than 0")]),
        (_set_in("2.5", counts=[19, 34]), [(
            f"$.verdicts[{I25}].value", "tài liệu ghi '1900/33', nhưng chính tài liệu cho "
            "'950/17'", "the document says '1900/33', but its own fields give '950/17'")]),
        (_set_in("3.3", value="170"), [(
            f"$.verdicts[{I33}].value", "chỉ tiêu 3.3: '170' nằm ngoài khoảng 0–100%",
            "criterion 3.3: '170' is outside 0–100%")]),
        (_set_in("1.1", status="EXEMPT", value=None), [(
            f"$.verdicts[{I11}].status",
            "chỉ tiêu 1.1 không có “(nếu có)” nên không thể khai báo không áp dụng",
            "criterion 1.1 is not conditional (“nếu có”) and cannot be declared not applicable")]),
        (lambda d: d["verdicts"].append(dict(d["verdicts"][0])), [(
            "$.verdicts[37].criterion", "chỉ tiêu 1.1 có hai lần (lần đầu ở $.verdicts[0])",
            "criterion 1.1 is given twice (first at $.verdicts[0])")]),
        (lambda d: d["verdicts"].pop(I33), [(
            "$.verdicts", "thiếu kết quả của chỉ tiêu 3.3 của khung thanh-hoa-1829",
            "no verdict for criterion 3.3 of thanh-hoa-1829")]),
        (_set_in("1.1", year=2024), [(
            f"$.verdicts[{I11}].year", "tài liệu ghi 2024, nhưng chính tài liệu cho 2025",
            "the document says 2024, but its own fields give 2025")]),
        # The fields written for readers must say what the report gives.
        (_set("completed", True), [("$.completed",
                                    "tài liệu ghi true, nhưng chính tài liệu cho false",
                                    "the document says true, but its own fields give false")]),
        (_set_in("2.5", needed=3), [(f"$.verdicts[{I25}].needed",
                                     "tài liệu ghi 3, nhưng chính tài liệu cho 8",
                                     "the document says 3, but its own fields give 8")]),
    ],
)
def test_a_document_that_is_not_a_report_is_refused_where_it_is_wrong(change, expected):
    document = _document()
    change(document)
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict(document)
    got = [(p.path, p.message, p.message_en) for p in caught.value.problems]
    assert got == expected


def test_every_problem_is_reported_together():
    document = _document()
    document["year"] = "2025"
    document["commune"] = 7
    document["bogus"] = None
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict(document)
    assert sorted(p.path for p in caught.value.problems) == ["$", "$.commune", "$.year"]


def test_a_document_that_is_no_mapping_is_refused():
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict([])  # type: ignore[arg-type]
    assert caught.value.problems[0].text("en") == "$: a report must be a mapping (dict), not list"


def test_a_framework_of_ones_own_is_checked_when_given():
    own = cds.load_framework("dti-example")
    report = cds.evaluate({"CQ2": 50}, 2025, framework=own)
    document = report.to_dict()
    assert cds.Report.from_dict(document, framework=own) == report
    assert cds.Report.from_dict(document, framework=own)._definition is own
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict(document, framework=cds.load_framework())
    assert [p.path for p in caught.value.problems] == ["$.framework"]


def test_without_its_framework_each_verdict_is_judged_by_the_target_it_carries():
    framework = attrs_evolve_id(cds.load_framework(), "mine")
    document = cds.evaluate({"3.3": "70%"}, 2025, framework=framework).to_dict()
    assert cds.Report.from_dict(document).framework == "mine"
    _at(document, "3.3")["status"] = "PASS"
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict(document)
    assert [(p.path, p.message_en) for p in caught.value.problems] == [(
        f"$.verdicts[{I33}].status", "the document says 'PASS', but its own fields give 'FAIL'")]


def attrs_evolve_id(framework: cds.Framework, new_id: str) -> cds.Framework:
    import attrs

    return attrs.evolve(framework, id=new_id)


def test_a_document_written_before_warnings_reads_back():
    report = cds.evaluate({"3.3": 0.8}, 2025)
    document = report.to_dict()
    del document["warnings"]
    assert cds.Report.from_dict(document) == report


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cst.reports(framework=cds.load_framework()), st.data())
def test_a_changed_status_is_always_refused(report, data):
    """Whatever the report, changing one verdict's status to another makes a document that the
    framework contradicts: ``from_dict`` refuses it, naming that verdict's status. The one
    exception is MISSING against EXEMPT, which the next test states."""
    document = json.loads(json.dumps(report.to_dict()))
    index = data.draw(st.integers(0, len(report) - 1))
    row = document["verdicts"][index]
    told_apart_by_status_only = {"MISSING", "EXEMPT"} if row["status"] in _NO_VALUE else set()
    other = data.draw(st.sampled_from([s.value for s in cds.Status
                                       if s.value != row["status"]
                                       and s.value not in told_apart_by_status_only]))
    row["status"] = other
    with pytest.raises(cds.InputError) as caught:
        cds.Report.from_dict(document)
    assert any(p.path and p.path.startswith(f"$.verdicts[{index}]")
               for p in caught.value.problems)


_NO_VALUE = {"MISSING", "EXEMPT"}


@pytest.mark.parametrize("given", [{}, {"1.2": 50}, {"4.8": cds.NOT_APPLICABLE}])
def test_missing_and_exempt_are_told_apart_by_the_status_alone(given):
    """A criterion that may be not applicable (4.8, "nếu có") has no value whether it was left
    out (MISSING) or said not applicable (EXEMPT): the status is the document's only record of
    which, so changing one to the other is read as written — with the completion and warnings
    that go with it, which are still recomputed and refused when they no longer fit."""
    report = cds.evaluate(given, 2022)
    document = json.loads(json.dumps(report.to_dict()))
    row = document["verdicts"][36]
    assert row["criterion"] == "4.8" and row["value"] is None
    row["status"] = "EXEMPT" if row["status"] == "MISSING" else "MISSING"
    changed = cds.evaluate({**given, "4.8": cds.NOT_APPLICABLE} if row["status"] == "EXEMPT"
                           else {k: v for k, v in given.items() if k != "4.8"}, 2022)
    if "warnings" not in document or document["warnings"] == changed.to_dict().get("warnings"):
        # No warnings key: none were written (or the document is older than warnings), and
        # the warnings are recomputed.
        assert cds.Report.from_dict(document) == changed
    else:
        with pytest.raises(cds.InputError) as caught:
            cds.Report.from_dict(document)
        assert [p.path for p in caught.value.problems] == ["$.warnings[0]"]


def test_the_first_load_framework_from_many_threads_builds_one_object():
    """Sixteen threads released together by a barrier, each loading the shipped framework for the
    first time in a fresh interpreter, all get the same object."""
    import subprocess
    import sys

    script = (
        "import threading, cds_indicators as cds\n"
        "barrier = threading.Barrier(16); got = []\n"
        "def load():\n"
        "    barrier.wait(); got.append(cds.load_framework('tinh-long-2024'))\n"
        "threads = [threading.Thread(target=load) for _ in range(16)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(got), len({id(f) for f in got}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout == "16 1\n"


def test_concurrent_first_loads_wait_for_the_one_being_built(monkeypatch):
    """With the build slowed down so that every thread misses the cache, still one object."""
    import time

    from cds_indicators._frameworks import registry

    monkeypatch.setattr(registry, "_BUILT", {})
    real = registry.kept  # a shipped framework is taken as kept built beside its file
    builds = []

    def slow(file: str, text: str) -> cds.Framework | None:
        builds.append(file)
        time.sleep(0.05)
        return real(file, text)

    monkeypatch.setattr(registry, "kept", slow)
    barrier = threading.Barrier(8)
    got: list[cds.Framework] = []

    def load() -> None:
        barrier.wait()
        got.append(cds.load_framework("dti-example"))

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and len({id(f) for f in got}) == 1
    assert builds == ["dti_example.toml"]
