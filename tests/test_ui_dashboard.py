"""The dashboard's charts and the per-clerk settings, as the lead reads them."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QLabel, QSpinBox
from sqlalchemy import select
from test_ui_work import open_window
from work_helpers import add_book, add_user, key_entry, local

from app.db.models import Role, User
from app.specs import BookKind
from ui.dashboard.charts import DayAxis
from ui.work.settings import WorkSettingsDialog

pytestmark = pytest.mark.usefixtures("vietnamese")
DAY = date(2026, 11, 22)


@pytest.fixture
def team(station, clock):
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        book = add_book(session, BookKind.BIRTH, expected=100)
        key_entry(session, clock, book, an, local(DAY, 8), 1)


def test_outside_the_shifts_the_shift_chart_says_so(qtbot, station, clock, team) -> None:
    clock.set_local(DAY, time(23))
    window = open_window(qtbot, station, clock, "lead")
    window.tabs.setCurrentWidget(window.dashboard)
    pace = window.dashboard.pace
    plot = pace.widget.getPlotItem()

    assert pace.outside.isVisible()
    assert pace.outside.textItem.toPlainText() == "Ngoài giờ ca: không có ca nào đang làm"
    assert not plot.getAxis("bottom").isVisible(), "no hour axis of nothing"

    clock.set_local(DAY, time(9))
    window.dashboard.refresh()
    assert not pace.outside.isVisible() and plot.getAxis("bottom").isVisible()


def test_the_legend_leaves_the_first_shifts_bars_uncovered(qtbot, station, clock, team) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.tabs.setCurrentWidget(window.dashboard)
    plot = window.dashboard.day.widget.getPlotItem()
    first = window.dashboard.view.day[0]

    tallest = max(first.quota, first.completed)
    top_of_bars = plot.getViewBox().mapViewToScene(QPointF(0, tallest)).y()
    assert plot.legend.sceneBoundingRect().bottom() < top_of_bars


def test_the_campaign_axis_names_each_day_once() -> None:
    axis = DayAxis(date(2026, 12, 4))
    for low, high in ((0, 1), (0, 3), (0, 40), (0.2, 0.9)):
        ticks = [v for _, values in axis.tickValues(low, high, 600) for v in values]
        labels = axis.tickStrings(ticks, 1, 1)
        assert len(labels) == len(set(labels)), (low, high, labels)
        assert all(float(v).is_integer() for v in ticks)


def test_the_per_clerk_settings_have_headers_and_a_lead_has_no_quota(
    qtbot, station, clock, team
) -> None:
    with station.sessions() as session:
        lead = session.scalars(select(User).where(User.username == "lead")).one()
    window = open_window(qtbot, station, clock, "lead")
    dialog = WorkSettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()

    headers = [dialog.findChild(QLabel, f"clerk_header_{n}").text() for n in range(4)]
    assert headers == [
        "<b>Cán bộ</b>",
        "<b>Định mức riêng mỗi ca</b>",
        "<b>Tỷ lệ nhập hai lần</b>",
        "<b>Lỗi trên 1.000 trường, 7 ngày qua</b>",
    ]
    quota = dialog.findChild(QSpinBox, "quota_lead")
    assert not quota.isEnabled() and quota.text() == "không có định mức (tổ trưởng)"
    assert dialog.clerk_quotas[lead.id] is quota
    rate = dialog.findChild(QLabel, "errors_an")
    assert rate.text() == "chưa có mục nhập hai lần"
    assert rate.width() >= rate.sizeHint().width(), "the error rate is not clipped"
