"""Reference data: the 54 ethnic groups and the gazetteer of administrative units."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.reference import ethnic, gazetteer
from app.values.text import normalize

# --- ethnic groups -----------------------------------------------------------


def test_there_are_54_groups_coded_01_to_54_in_order() -> None:
    codes = [group.code for group in ethnic.groups()]
    assert codes == [f"{n:02d}" for n in range(1, 55)]


def test_kinh_is_01_and_ro_mam_is_54() -> None:
    assert ethnic.groups()[0].name == "Kinh"
    assert ethnic.groups()[-1].name == "Rơ-măm"


def test_names_are_stored_the_way_the_app_stores_text() -> None:
    for group in ethnic.groups():
        for name in (group.name, *group.alternative_names):
            assert name == normalize(name), name


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Kinh", "01"),
        ("kinh", "01"),
        ("Việt", "01"),
        ("Kinh (Việt)", "01"),
        ("dân tộc Kinh", "01"),
        ("Ê-đê", "12"),
        ("Ê Đê", "12"),
        ("ê đê", "12"),
        ("Ede", "12"),
        ("HMông", "08"),
        ("Hmông", "08"),
        ("H'Mông", "08"),
        ("Mông", "08"),
        ("Mèo", "08"),
        ("Khơ-me", "05"),
        ("Khơ me", "05"),
        ("Khmer", "05"),
        ("Bru Van Kieu", "23"),
        ("Cao Lan", "15"),
        ("Rơ Măm", "54"),
    ],
)
def test_find_accepts_any_spelling_of_a_name_or_alternative_name(typed: str, code: str) -> None:
    found = ethnic.find(typed)
    assert found is not None
    assert found.code == code


def test_an_official_name_wins_over_another_groups_alternative_name() -> None:
    # Some Tày and Khơ-me were called "Thổ", but Thổ is also group 24's name.
    assert ethnic.find("Thổ") == next(g for g in ethnic.groups() if g.code == "24")


@pytest.mark.parametrize("typed", ["", "   ", "Người nước ngoài", "Kin", "Xá Khao"])
def test_find_returns_none_for_unknown_partial_or_ambiguous_names(typed: str) -> None:
    # "Xá Khao" is a local name of both the Kháng and the La Ha.
    assert ethnic.find(typed) is None


def test_complete_lists_official_name_matches_before_alternative_ones() -> None:
    codes = [group.code for group in ethnic.complete("m", limit=54)]
    official = [g.code for g in ethnic.groups() if g.name.lower().startswith("m")]
    assert codes[: len(official)] == official
    assert "08" in codes  # through "Mông", "Mèo"


def test_complete_ignores_accents_and_matches_later_words() -> None:
    assert ethnic.complete("e de")[0].code == "12"
    assert [g.code for g in ethnic.complete("kieu")] == ["23"]
    assert [g.code for g in ethnic.complete("meo")] == ["08"]


def test_complete_respects_the_limit_and_lists_all_for_an_empty_prefix() -> None:
    assert len(ethnic.complete("", limit=54)) == 54
    assert [g.code for g in ethnic.complete("", limit=3)] == ["01", "02", "03"]
    assert len(ethnic.complete("t", limit=2)) == 2
    assert ethnic.complete("t", limit=0) == []


# --- gazetteer ---------------------------------------------------------------


def _provinces(snapshot: gazetteer.Snapshot) -> list[gazetteer.Place]:
    return [p for p in gazetteer.places(snapshot) if p.level == "province"]


def _one(full_path: str, snapshot: gazetteer.Snapshot) -> gazetteer.Place:
    matches = [p for p in gazetteer.places(snapshot) if p.full_path == full_path]
    assert len(matches) == 1, full_path
    return matches[0]


def test_the_current_snapshot_has_34_provinces_on_two_levels() -> None:
    current = gazetteer.places("current")
    assert len(_provinces("current")) == 34
    assert {p.level for p in current} == {"province", "commune"}
    provinces = {p.code for p in current if p.level == "province"}
    assert all(p.parent_code in provinces for p in current if p.level == "commune")


def test_the_pre2025_snapshot_has_63_provinces_with_districts() -> None:
    old = gazetteer.places("pre2025")
    assert len(_provinces("pre2025")) == 63
    districts = {p.code for p in old if p.level == "district"}
    assert len(districts) > 600
    assert all(p.parent_code in districts for p in old if p.level == "commune")


def test_codes_are_unique_within_a_snapshot() -> None:
    for snapshot in gazetteer.SNAPSHOTS:
        codes = [p.code for p in gazetteer.places(snapshot)]
        assert len(codes) == len(set(codes))


def test_known_units_have_their_full_names_and_paths() -> None:
    dong_phu = _one("Huyện Đồng Phú, Tỉnh Bình Phước", "pre2025")
    assert (dong_phu.short_name, dong_phu.division_type) == ("Đồng Phú", "huyện")
    tan_lap = _one("Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước", "pre2025")
    assert tan_lap.parent_code == dong_phu.code
    assert _one("Tỉnh Đồng Nai", "current").division_type == "tỉnh"
    for snapshot in ("current", "pre2025"):
        hcm = _one("Thành phố Hồ Chí Minh", snapshot)
        assert (hcm.code, hcm.division_type) == ("79", "thành phố trung ương")


def test_binh_phuoc_province_exists_only_before_2025() -> None:
    # Bình Phước was merged into Đồng Nai on 1 July 2025.
    assert "Tỉnh Bình Phước" in {p.name for p in _provinces("pre2025")}
    assert "Tỉnh Bình Phước" not in {p.name for p in _provinces("current")}


def test_unit_names_are_stored_the_way_the_app_stores_text() -> None:
    # The source writes "Hoà" and "Hòa", and sometimes two spaces.
    for place in gazetteer.places():
        assert place.name == normalize(place.name), place.name


def test_complete_finds_places_typed_without_accents() -> None:
    assert gazetteer.complete("binh phuoc")[0].full_path == "Tỉnh Bình Phước"
    paths = [p.full_path for p in gazetteer.complete("dong phu")]
    assert "Huyện Đồng Phú, Tỉnh Bình Phước" in paths


def test_complete_matches_words_of_the_whole_path_in_any_unit() -> None:
    first = gazetteer.complete("tan lap dong phu")[0]
    assert first.full_path == "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"
    assert gazetteer.complete("tan lap dong phu binh phuoc") == [first]


def test_complete_ranks_higher_levels_and_the_current_snapshot_first() -> None:
    first, second = gazetteer.complete("ho chi minh")[:2]
    assert (first.full_path, first.snapshot) == ("Thành phố Hồ Chí Minh", "current")
    assert (second.full_path, second.snapshot) == ("Thành phố Hồ Chí Minh", "pre2025")


def test_complete_can_be_limited_to_one_snapshot() -> None:
    found = gazetteer.complete("dong", limit=50, snapshot="pre2025")
    assert len(found) == 50
    assert {p.snapshot for p in found} == {"pre2025"}


def test_complete_returns_nothing_for_nothing() -> None:
    assert gazetteer.complete("") == []
    assert gazetteer.complete(" ,- ") == []
    assert gazetteer.complete("zzzz") == []
    assert gazetteer.complete("ho chi minh", limit=0) == []


@pytest.mark.parametrize(
    ("typed", "full_path", "snapshot"),
    [
        (
            "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước",
            "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước",
            "pre2025",
        ),
        (
            "xa tan lap huyen dong phu tinh binh phuoc",
            "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước",
            "pre2025",
        ),
        ("Tân Lập, Đồng Phú, Bình Phước", "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước", "pre2025"),
        ("Bình Phước", "Tỉnh Bình Phước", "pre2025"),
        ("Đồng Nai", "Tỉnh Đồng Nai", "current"),
        ("thanh pho ho chi minh", "Thành phố Hồ Chí Minh", "current"),
    ],
)
def test_find_recognises_a_unit_named_exactly(typed: str, full_path: str, snapshot: str) -> None:
    found = gazetteer.find(typed)
    assert found is not None
    assert (found.full_path, found.snapshot) == (full_path, snapshot)


def test_find_can_ask_for_the_old_unit_of_the_same_name() -> None:
    found = gazetteer.find("Tỉnh Đồng Nai", snapshot="pre2025")
    assert found is not None
    assert found.snapshot == "pre2025"


@pytest.mark.parametrize("typed", ["", "Tân Lập", "Bình", "Tỉnh Bình Phước, Việt Nam"])
def test_find_returns_none_when_the_text_names_no_single_unit(typed: str) -> None:
    assert gazetteer.find(typed) is None


def test_an_unknown_snapshot_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="snapshot"):
        gazetteer.complete("dong", snapshot="1975")  # type: ignore[arg-type]


# --- robustness --------------------------------------------------------------


@settings(deadline=None)  # the first example loads the data
@given(text=st.text(), limit=st.integers(min_value=0, max_value=20))
def test_lookups_never_fail_on_arbitrary_text(text: str, limit: int) -> None:
    assert len(gazetteer.complete(text, limit=limit)) <= limit
    gazetteer.find(text)
    assert len(ethnic.complete(text, limit=limit)) <= limit
    ethnic.find(text)
