"""diff(): an edition's changes, listed exactly."""

from importlib import resources

import cds_indicators as cds

TEXT = resources.files("cds_indicators").joinpath("data", "criteria_1829.toml").read_text("utf-8")

NEW_CRITERION = """
[[criteria]]
id = "4.9"
pillar = "ha_tang_so"
name = "Camera an ninh kết nối"
unit = "%"
kind = "rate"
targets = { 2022 = "*", 2023 = "*", 2024 = "50%", 2025 = "60%" }
"""


def _edited(tmp_path):
    text = TEXT.replace('2024 = "75%", 2025 = "80%" }', '2024 = "75%", 2025 = "85%" }', 1)
    text = text.replace('unit = "Kênh giao tiếp"', 'unit = "Kênh"', 1)
    text = text.replace('targets = { 2022 = "Triển khai sử dụng", 2023 = "*"',
                        'targets = { 2022 = "Đã triển khai", 2023 = "*"', 1)
    removed = text.index('[[criteria]]\nid = "2.6"')
    end = text.index("[[criteria]]", removed + 1)
    text = text[:removed] + text[end:] + NEW_CRITERION
    text = text.replace('id = "thanh-hoa-1829"', 'id = "thanh-hoa-1829-sua"', 1)
    path = tmp_path / "edited.toml"
    path.write_text(text, encoding="utf-8")
    return cds.load_framework(path)


def test_diff_lists_exactly_the_changes(tmp_path):
    old, new = cds.load_framework(), _edited(tmp_path)
    result = cds.diff(old, new)
    assert result.added == ("4.9",)
    assert result.removed == ("2.6",)
    assert result.changes == (
        cds.Change(field="target", criterion="1.6", year=2025, old="80%", new="85%"),
        cds.Change(field="unit", criterion="1.7", old="Kênh giao tiếp", new="Kênh"),
        cds.Change(field="label", criterion="1.11", year=2022, old="Triển khai sử dụng",
                   new="Đã triển khai"),
    )
    assert str(result) == "\n".join([
        "thanh-hoa-1829 → thanh-hoa-1829-sua",
        "+ 4.9 Camera an ninh kết nối",
        "- 2.6 Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số",
        "~ 1.6 chỉ tiêu 2025: 80% → 85%",
        "~ 1.7 đơn vị tính: Kênh giao tiếp → Kênh",
        "~ 1.11 nhãn 2022: Triển khai sử dụng → Đã triển khai",
    ])
    assert result.to_dict()["changes"][0] == {
        "field": "target", "old": "80%", "new": "85%", "criterion": "1.6", "year": 2025,
    }
    assert result.to_dict()["added"] == ["4.9"] and result.to_dict()["removed"] == ["2.6"]


def test_policy_changes_are_listed():
    old, new = cds.load_framework("dti-example"), cds.load_framework("tinh-long-2024")
    fields = [c.field for c in cds.diff(old, new) if c.criterion is None]
    assert fields == ["title", "decision", "issuer", "province", "years", "completion",
                      "pass_score", "levels"]


def test_no_changes():
    same = cds.load_framework()
    assert not cds.diff(same, same)
    assert str(cds.diff(same, same)) == "thanh-hoa-1829 → thanh-hoa-1829\n(không có thay đổi)"
