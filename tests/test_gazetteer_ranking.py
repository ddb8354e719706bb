"""Place suggestions ranked for the station's own area and the book's year."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.reference import gazetteer
from app.reference.places import Place

STATION = "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"  # the demo station's commune


@pytest.fixture(scope="module")
def tan_lap() -> Place:
    place = gazetteer.find(STATION)
    assert place is not None
    return place


def _paths(places: list[Place]) -> list[str]:
    return [place.full_path for place in places]


# --- the book's year --------------------------------------------------------------


def test_a_book_of_1985_offers_the_provinces_of_1985_first() -> None:
    offered = _paths(gazetteer.complete("binh", year=1985))
    for alive in ("Tỉnh Bình Trị Thiên", "Tỉnh Nghĩa Bình", "Tỉnh Hà Sơn Bình", "Tỉnh Thái Bình"):
        assert alive in offered
    for later in ("Tỉnh Bình Phước", "Tỉnh Bình Dương", "Tỉnh Quảng Bình", "Tỉnh Bình Định"):
        assert later not in offered


def test_without_a_year_the_provinces_of_later_years_are_offered_too() -> None:
    offered = _paths(gazetteer.complete("binh", limit=20))
    assert {"Tỉnh Bình Phước", "Tỉnh Bình Dương", "Tỉnh Nghĩa Bình"} <= set(offered)


def test_a_book_of_2010_offers_binh_phuoc_before_song_be() -> None:
    offered = _paths(gazetteer.complete("binh", limit=50, year=2010))
    assert offered.index("Tỉnh Bình Phước") < len(offered)
    assert "Tỉnh Bình Trị Thiên" not in offered


def test_units_whose_years_are_unknown_come_between_the_alive_and_the_gone() -> None:
    offered = gazetteer.complete("ha tay", limit=5000, year=2000)
    states = [gazetteer.existed_in(place, 2000) for place in offered]
    order = {True: 0, None: 1, False: 2}
    assert [order[s] for s in states] == sorted(order[s] for s in states)
    assert {True, None, False} <= set(states)
    assert offered[0].full_path == "Tỉnh Hà Tây"  # 1991–2008


# --- the station's own area ----------------------------------------------------------


def test_with_the_station_near_song_be_comes_first_for_a_book_of_1985(tan_lap: Place) -> None:
    assert gazetteer.complete("song", near=tan_lap, year=1985)[0].full_path == "Tỉnh Sông Bé"


def test_the_station_s_own_district_comes_before_the_rest_of_its_province(tan_lap: Place) -> None:
    offered = gazetteer.complete("tan", limit=20, near=tan_lap)
    in_district = [p.full_path.endswith("Huyện Đồng Phú, Tỉnh Bình Phước") for p in offered]
    assert in_district[:7] == [True] * 7  # the seven "Tân …" communes of Đồng Phú
    assert all(_in_own_province_area(p) for p in offered[7:])


def _in_own_province_area(place: Place) -> bool:
    """Bình Phước, the Sông Bé before it, or the Đồng Nai of July 2025."""
    if place.snapshot == "current":
        return place.full_path.endswith("Tỉnh Đồng Nai")
    return place.full_path.endswith(("Tỉnh Bình Phước", "Tỉnh Sông Bé"))


def test_the_provinces_before_and_after_count_as_the_station_s_own(tan_lap: Place) -> None:
    # Sông Bé's districts (before 1997) and the communes of the Đồng Nai of
    # July 2025 come before same-named places elsewhere.
    ben_cat = _paths(gazetteer.complete("ben cat", near=tan_lap))
    assert ben_cat[0] == "Huyện Bến Cát, Tỉnh Sông Bé"
    dong_phu = gazetteer.complete("dong phu", limit=20, near=tan_lap)
    successor_commune = _paths(dong_phu).index("Xã Đồng Phú, Tỉnh Đồng Nai")
    assert all(_in_own_province_area(p) for p in dong_phu[:successor_commune])


def test_a_sibling_of_the_station_s_province_is_not_its_own(tan_lap: Place) -> None:
    # Bình Dương also came from Sông Bé, but a station of Bình Phước gets no
    # priority for it.
    offered = _paths(gazetteer.complete("thu dau mot", limit=5, near=tan_lap))
    assert offered[0] == "Thị xã Thủ Dầu Một, Tỉnh Sông Bé"
    elsewhere = _paths(gazetteer.complete("thu dau mot", limit=6))
    assert offered[1:] == [path for path in elsewhere if path != offered[0]][:4]


def test_a_book_of_1990_offers_the_station_s_district_as_it_was_then_first(
    tan_lap: Place,
) -> None:
    offered = _paths(gazetteer.complete("dong phu", near=tan_lap, year=1990))
    assert offered[:2] == ["Huyện Đồng Phú, Tỉnh Sông Bé", "Huyện Đồng Phú, Tỉnh Bình Phước"]


def test_a_station_that_is_not_a_unit_of_the_gazetteer_is_a_programming_error(
    tan_lap: Place,
) -> None:
    made_up = Place("99999", "Xã Mới", "Mới", "xã", None, "pre2025", "Xã Mới")
    with pytest.raises(ValueError, match="not a unit"):
        gazetteer.complete("tan", near=made_up)


# --- how the words match -------------------------------------------------------------


def test_word_start_matches_come_before_matches_inside_a_word() -> None:
    offered = gazetteer.complete("ong", limit=3000)
    prefix = [gazetteer.matches_as_prefix("ong", place) for place in offered]
    assert prefix == sorted(prefix, reverse=True)
    assert True in prefix
    assert "Tỉnh Sông Bé" in _paths(offered)  # "ong" inside "Sông"


def test_a_single_letter_is_only_the_start_of_a_word() -> None:
    assert all(gazetteer.matches_as_prefix("q", place) for place in gazetteer.complete("q", 50))


@pytest.mark.parametrize(
    ("typed", "matches"),
    [
        ("tan la", True),
        ("Tân Lập Đồng", True),
        ("binh phuoc tan", True),
        ("ong", False),
        ("tan lap dong nai", False),
        ("", False),
        (" , ", False),
    ],
)
def test_matches_as_prefix_says_whether_a_suggestion_completes_the_typed_words(
    tan_lap: Place, typed: str, matches: bool
) -> None:
    assert gazetteer.matches_as_prefix(typed, tan_lap) is matches


# --- identity and recognition ----------------------------------------------------------


def test_a_unit_is_found_again_by_its_snapshot_and_code(tan_lap: Place) -> None:
    assert gazetteer.unit("pre2025", tan_lap.code) == tan_lap
    song_be = gazetteer.unit("history", "song-be")
    assert song_be is not None
    assert song_be.label == "Tỉnh Sông Bé (1976–1996)"
    assert gazetteer.unit("pre2025", "song-be") is None
    assert gazetteer.unit("current", "nothing") is None
    with pytest.raises(ValueError, match="snapshot"):
        gazetteer.unit("1975", "01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "typed",
    [
        "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước",
        "tan lap, dong phu, binh phuoc",
        "Tân Lập, Bình Phước",  # skips the district
        "Xã Tân Lập, Tỉnh Bình Phước",
        "Tân Lập",  # a name several communes bear
        "Tỉnh Sông Bé",
        "Sông Bé",
        "Huyện Đồng Phú, Tỉnh Sông Bé",
        "Đồng Phú, Sông Bé",
        "Thành phố Hồ Chí Minh",
    ],
)
def test_is_known_recognises_the_ways_a_unit_is_written(typed: str) -> None:
    assert gazetteer.is_known(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "Bình Phướt",
        "Sông Bè Bé",
        "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Dương",  # Đồng Phú is not in Bình Dương
        "Tân Lập, Sông Bé",  # the history has no communes
        "Bình Phước, Tân Lập",  # parents come after the unit
    ],
)
def test_is_known_does_not_recognise_what_no_unit_is_called(typed: str) -> None:
    assert not gazetteer.is_known(typed)


@settings(deadline=None)  # the first example loads the data
@given(text=st.text(), year=st.integers(min_value=1900, max_value=2100) | st.none())
def test_ranked_lookups_never_fail_on_arbitrary_text(text: str, year: int | None) -> None:
    station = gazetteer.find(STATION)
    assert len(gazetteer.complete(text, limit=5, near=station, year=year)) <= 5
    gazetteer.is_known(text)
    if station is not None:
        gazetteer.matches_as_prefix(text, station)
