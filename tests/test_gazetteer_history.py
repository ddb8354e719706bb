"""The gazetteer's history: the provinces since 1976 and Bình Phước's districts, with years."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from app.reference import gazetteer
from app.reference.gazetteer_history import history_rows
from app.reference.places import Place

README = Path(__file__).parents[1] / "resources" / "gazetteer" / "README.md"
FAR_FUTURE = 9999


def _unit(snapshot: gazetteer.Snapshot, code: str) -> Place:
    place = gazetteer.unit(snapshot, code)
    assert place is not None, (snapshot, code)
    return place


def _found(text: str) -> Place:
    place = gazetteer.find(text)
    assert place is not None, text
    return place


def _successors(place: Place) -> list[Place]:
    return [_unit(*key) for key in place.successors]


def _province_level() -> list[Place]:
    return [p for p in gazetteer.places() if p.level == "province"]


def _alive_on_31_december(place: Place, year: int) -> bool:
    """Whether the unit was in force at the end of ``year``.

    Years say only "existed at some time in the year"; a unit whose last year
    is ``year`` was still there on 31 December when what it became starts the
    next year (a change taking effect on 1 January).
    """
    if gazetteer.existed_in(place, year) is not True:
        return False
    if place.valid_to != year:
        return True
    successors = _successors(place)
    return bool(successors) and all(s.valid_from == year + 1 for s in successors)


# --- the data holds together ----------------------------------------------------


def test_every_successor_is_a_unit_of_the_gazetteer_at_the_same_level() -> None:
    for place in gazetteer.places():
        for successor in _successors(place):
            assert successor.level == place.level, (place.full_path, successor.full_path)


def test_a_unit_starts_before_it_ends_and_what_it_became_exists_when_it_ends() -> None:
    for place in gazetteer.places():
        if place.valid_from is not None and place.valid_to is not None:
            assert place.valid_from <= place.valid_to, place.full_path
        for successor in _successors(place):
            assert place.valid_to is not None, place.full_path
            # A successor may be new (Bình Phước, 1997) or older (Hà Nội took Hà Tây in).
            assert gazetteer.existed_in(successor, place.valid_to + 1) is not False, (
                place.full_path,
                successor.full_path,
            )


def test_no_name_names_two_units_of_one_level_in_the_same_year() -> None:
    # A unit and its same-named successor share the year of the change (the
    # pre2025 Đồng Nai and the Đồng Nai of July 2025); any other overlap is a
    # mistake in the data.
    # Communes are left out: the GSO's own list names two communes of one
    # district alike in a few places (two "Xã Đông Khê" in Thanh Hóa city).
    by_path: defaultdict[tuple[str, str], list[Place]] = defaultdict(list)
    for place in (p for p in gazetteer.places() if p.level != "commune"):
        by_path[(place.level, place.full_path)].append(place)
    for same_name in by_path.values():
        for i, first in enumerate(same_name):
            for second in same_name[i + 1 :]:
                handover = {(s.snapshot, s.code) for s in (first, second)} & {
                    *first.successors,
                    *second.successors,
                }
                if handover:
                    continue
                start = max(first.valid_from or 0, second.valid_from or 0)
                end = min(first.valid_to or FAR_FUTURE, second.valid_to or FAR_FUTURE)
                assert start > end, (first, second)


@pytest.mark.parametrize(
    ("year", "count"),
    [
        (1976, 38),  # the mergers of 1975-1976: 35 provinces and 3 cities
        (1978, 39),  # Cao Lạng split
        (1979, 40),  # the special zone Vũng Tàu - Côn Đảo
        (1989, 44),  # Nghĩa Bình, Phú Khánh, Bình Trị Thiên split
        (1991, 53),  # nine splits; Bà Rịa - Vũng Tàu replaces the special zone
        (1996, 53),
        (1997, 61),  # eight splits, in force from 1 January 1997
        (2004, 64),  # Cần Thơ, Đắk Lắk, Lai Châu split, from 1 January 2004
        (2008, 63),  # Hà Tây into Hà Nội, 1 August 2008
        (2024, 63),
        (2025, 34),  # the merger of 1 July 2025
    ],
)
def test_the_number_of_provinces_at_the_end_of_each_year_is_the_known_one(
    year: int, count: int
) -> None:
    alive = [p.name for p in _province_level() if _alive_on_31_december(p, year)]
    assert len(alive) == count, sorted(alive)


def test_every_pre2025_province_has_its_years_and_its_province_of_july_2025() -> None:
    for province in (p for p in _province_level() if p.snapshot == "pre2025"):
        assert province.valid_to == 2025, province.name
        assert [s.snapshot for s in _successors(province)] == ["current"], province.name
    binh_phuoc = _found("Tỉnh Bình Phước")
    assert (binh_phuoc.valid_from, binh_phuoc.valid_to) == (1997, 2025)
    assert [s.full_path for s in _successors(binh_phuoc)] == ["Tỉnh Đồng Nai"]


def test_every_province_of_july_2025_comes_from_pre2025_provinces() -> None:
    became = {key for p in _province_level() if p.snapshot == "pre2025" for key in p.successors}
    current = {(p.snapshot, p.code) for p in _province_level() if p.snapshot == "current"}
    assert became == current


def test_every_row_of_the_history_cites_sources_named_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    named = set(re.findall(r"^- `([A-Z0-9-]+)`", readme, flags=re.MULTILINE))
    for row in history_rows():
        assert row.sources, row.name
        assert set(row.sources) <= named, (row.name, set(row.sources) - named)


# --- what a clerk sees ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Tỉnh Sông Bé", "Tỉnh Sông Bé (1976–1996)"),
        ("Hà Tây", "Tỉnh Hà Tây (1991–2008)"),
        ("Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế (1989–2024)"),
        ("Vũng Tàu - Côn Đảo", "Đặc khu Vũng Tàu - Côn Đảo (1979–1991)"),
        ("Hà Bắc", "Tỉnh Hà Bắc (…–1996)"),  # in force before 1976
        ("Bình Phước", "Tỉnh Bình Phước (1997–2025)"),
        ("Huyện Bình Long, Tỉnh Bình Phước", "Huyện Bình Long, Tỉnh Bình Phước (1997–2009)"),
        ("Đồng Nai", "Tỉnh Đồng Nai"),  # the current one
        ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ],
)
def test_a_unit_that_no_longer_exists_shows_its_years(typed: str, label: str) -> None:
    assert _found(typed).label == label


def test_a_pre2025_unit_whose_name_lives_on_shows_no_years() -> None:
    hcm = gazetteer.find("Thành phố Hồ Chí Minh", snapshot="pre2025")
    assert hcm is not None
    assert hcm.label == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(
    ("typed", "full_path"),
    [
        ("Sông Bé", "Tỉnh Sông Bé"),
        ("song be", "Tỉnh Sông Bé"),
        ("tinh ha son binh", "Tỉnh Hà Sơn Bình"),
        ("Nghia Binh", "Tỉnh Nghĩa Bình"),
        ("Quang Nam Da Nang", "Tỉnh Quảng Nam - Đà Nẵng"),
        ("dong phu, song be", "Huyện Đồng Phú, Tỉnh Sông Bé"),
    ],
)
def test_historical_names_are_found_without_accents(typed: str, full_path: str) -> None:
    found = _found(typed)
    assert (found.full_path, found.snapshot) == (full_path, "history")


def test_complete_offers_historical_units_typed_without_accents() -> None:
    assert gazetteer.complete("ha son binh")[0].full_path == "Tỉnh Hà Sơn Bình"
    assert gazetteer.complete("hoang lien son")[0].full_path == "Tỉnh Hoàng Liên Sơn"


def test_song_be_became_binh_duong_and_binh_phuoc() -> None:
    song_be = _found("Sông Bé")
    assert (song_be.valid_from, song_be.valid_to) == (1976, 1996)
    assert {s.full_path for s in _successors(song_be)} == {"Tỉnh Bình Dương", "Tỉnh Bình Phước"}


@pytest.mark.parametrize(
    ("year", "alive"),
    [
        (1985, True),
        (1996, True),
        (1997, False),
        (1975, False),
    ],
)
def test_existed_in_knows_the_years_of_song_be(year: int, alive: bool) -> None:
    assert gazetteer.existed_in(_found("Sông Bé"), year) is alive


def test_existed_in_says_when_it_does_not_know() -> None:
    tan_lap = _found("Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước")
    assert gazetteer.existed_in(tan_lap, 2010) is None  # the commune's start is not recorded
    assert gazetteer.existed_in(tan_lap, 1990) is False  # Bình Phước did not exist yet
    assert gazetteer.existed_in(tan_lap, 2026) is False
    thai_binh = _found("Thái Bình")
    assert gazetteer.existed_in(thai_binh, 1985) is True  # in force when the history starts
    assert gazetteer.existed_in(thai_binh, 1970) is None
    assert gazetteer.existed_in(_found("Tỉnh Đồng Nai"), 2026) is True


# --- the district history of the campaign's province ------------------------------


def _districts_alive(province: str, year: int) -> set[str]:
    return {
        p.name
        for p in gazetteer.places()
        if p.level == "district"
        and p.full_path.endswith(", " + province)
        and gazetteer.existed_in(p, year)
    }


def test_binh_phuoc_had_five_districts_in_1997_and_eleven_before_2025() -> None:
    assert _districts_alive("Tỉnh Bình Phước", 1997) == {
        "Huyện Bình Long",
        "Huyện Bù Đăng",
        "Huyện Đồng Phú",
        "Huyện Lộc Ninh",
        "Huyện Phước Long",
    }
    assert len(_districts_alive("Tỉnh Bình Phước", 2024)) == 11


def test_binh_phuoc_districts_of_2010_follow_the_2009_split() -> None:
    assert _districts_alive("Tỉnh Bình Phước", 2010) == {
        "Thị xã Đồng Xoài",
        "Thị xã Bình Long",
        "Thị xã Phước Long",
        "Huyện Đồng Phú",
        "Huyện Bù Đăng",
        "Huyện Lộc Ninh",
        "Huyện Bù Đốp",
        "Huyện Chơn Thành",
        "Huyện Bù Gia Mập",
        "Huyện Hớn Quản",
    }


def test_dong_xoai_and_chon_thanh_show_when_they_changed_rank() -> None:
    assert _found("Thị xã Đồng Xoài, Tỉnh Bình Phước").label.endswith("(1999–2018)")
    assert _found("Thành phố Đồng Xoài, Tỉnh Bình Phước").valid_from == 2018
    assert _found("Huyện Chơn Thành, Tỉnh Bình Phước").label.endswith("(2003–2022)")
    assert _found("Huyện Phú Riềng, Tỉnh Bình Phước").valid_from == 2015


def test_song_be_had_fifteen_districts_in_1976_and_nine_in_1996() -> None:
    assert len(_districts_alive("Tỉnh Sông Bé", 1976)) == 15
    assert len(_districts_alive("Tỉnh Sông Bé", 1996)) == 9


def test_song_bes_dong_phu_became_binh_phuocs() -> None:
    old = _found("Huyện Đồng Phú, Tỉnh Sông Bé")
    assert [s.full_path for s in _successors(old)] == ["Huyện Đồng Phú, Tỉnh Bình Phước"]
