"""The words of the daily report, in Vietnamese (its readers') and English.

One table for every layout of the report (XLSX here in app/, PDF in ui/), so
that the spreadsheet and the printed page say the same thing. The report is
a document for officials, not a window: its texts follow the language asked
for the report, not Qt's translators.
"""

from __future__ import annotations

from datetime import date

from app.db.models import DeferralReason
from app.quality.error_rates import Direction, ErrorTrends, Trend
from app.reports.daily import ShiftLine
from app.specs import BookKind, Text, spec_for
from app.work.shifts import OUTSIDE
from app.work.tally import CampaignProgress

LABELS: dict[str, Text] = {
    "title": Text(
        "Báo cáo tiến độ nhập liệu sổ hộ tịch ngày {day}", "Civil-status keying: report of {day}"
    ),
    "station": Text("Trạm nhập liệu", "Station"),
    "office": Text("Cơ quan", "Office"),
    "date": Text("Ngày", "Date"),
    "made_at": Text("Lập lúc", "Made at"),
    "the_day": Text("Trong ngày", "The day"),
    "campaign": Text("Chiến dịch", "Campaign"),
    "summary": Text("Tổng hợp", "Summary"),
    "by_shift": Text("Theo ca", "By shift"),
    "by_clerk": Text("Theo cán bộ", "By clerk"),
    "by_kind": Text("Theo loại sổ", "By book kind"),
    "backlog": Text("Đang chờ xử lý, theo lý do", "Waiting, by reason"),
    "completed": Text("Đã xong", "Completed"),
    "deferred": Text("Để lại xử lý sau", "Deferred"),
    "team_day_quota": Text("Định mức của tổ trong ngày", "Team quota for the day"),
    "percent_of_team_quota": Text("% định mức của tổ", "% of the team quota"),
    "target": Text("Chỉ tiêu (số mục)", "Target (entries)"),
    "done": Text("Đã xong từ đầu chiến dịch", "Completed since the start"),
    "percent_of_target": Text("% chỉ tiêu", "% of target"),
    "pace": Text("Tốc độ (mục/ngày, 7 ngày qua)", "Pace (entries a day, last 7 days)"),
    "projected_finish": Text("Dự kiến hoàn thành", "Projected finish"),
    "deadline": Text("Hạn hoàn thành", "Deadline"),
    "outlook": Text("Đánh giá", "Outlook"),
    "on_time": Text("Kịp hạn", "On time"),
    "late": Text("Chậm so với hạn", "Behind the deadline"),
    "unknown": Text("Chưa xác định", "Not known yet"),
    "not_set": Text("Chưa đặt", "Not set"),
    "shift": Text("Ca", "Shift"),
    "shift_n": Text("Ca {number}", "Shift {number}"),
    "outside": Text("Ngoài giờ ca", "Outside the shifts"),
    "hours": Text("Giờ", "Hours"),
    "clerks": Text("Số cán bộ", "Clerks"),
    "shift_quota": Text("Định mức ca", "Shift quota"),
    "percent_of_shift_quota": Text("% định mức ca", "% of shift quota"),
    "clerk": Text("Cán bộ", "Clerk"),
    "username": Text("Tên đăng nhập", "User name"),
    "quota": Text("Định mức", "Quota"),
    "percent_of_quota": Text("% định mức", "% of quota"),
    "entries_per_hour": Text("Mục/giờ", "Entries/hour"),
    "keys_per_hour": Text("Phím/giờ", "Keys/hour"),
    "active": Text("Thời gian làm", "Active time"),
    "kind": Text("Loại sổ", "Book kind"),
    "reason": Text("Lý do", "Reason"),
    "entries": Text("Số mục", "Entries"),
    "total": Text("Tổng", "Total"),
    "errors": Text(
        "Lỗi nhập liệu phát hiện khi nhập hai lần (số lỗi trên 1.000 trường)",
        "Keying errors found by double keying (errors per 1,000 fields)",
    ),
    "errors_sheet": Text("Lỗi nhập liệu", "Keying errors"),
    "errors_of": Text("Tổ, ca, cán bộ", "Team, shift, clerk"),
    "team": Text("Cả tổ", "Team"),
    "errors_the_day": Text("Trong ngày", "The day"),
    "errors_last_week": Text("7 ngày qua", "Last 7 days"),
    "errors_week_before": Text("7 ngày trước đó", "7 days before"),
    "fields_checked": Text("Số trường đã đối chiếu (7 ngày qua)", "Fields checked (last 7 days)"),
    "trend": Text("Xu hướng", "Trend"),
    "quota_rule": Text(
        "Định mức chỉ áp dụng cho cán bộ nhập liệu; số mục tổ trưởng tự nhập được tính vào"
        " tổng của tổ, không tính định mức.",
        "Quotas apply to clerks; entries the team lead keys count in the team's total,"
        " with no quota.",
    ),
    "errors_note": Text(
        "Để hướng dẫn, không để xếp hạng: mỗi dòng so với chính nó tuần trước.",
        "For coaching, not ranking: each line against its own week before.",
    ),
    "prepared_by": Text("Người lập báo cáo", "Prepared by"),
    "sign_here": Text("(Ký, ghi rõ họ tên)", "(signature and full name)"),
}

DIRECTIONS: dict[Direction, Text] = {
    Direction.FEWER: Text("Giảm lỗi", "Fewer errors"),
    Direction.MORE: Text("Tăng lỗi", "More errors"),
    Direction.STEADY: Text("Ổn định", "Steady"),
    Direction.UNKNOWN: Text("Chưa đủ số liệu", "Too few fields yet"),
}

REASONS: dict[DeferralReason, Text] = {
    DeferralReason.ILLEGIBLE: Text("Có thông tin không đọc được", "A field cannot be read"),
    DeferralReason.NEEDS_VERIFICATION: Text(
        "Cần đối chiếu với giấy tờ khác", "Needs checking against another document"
    ),
    DeferralReason.DAMAGED_PAGE: Text("Trang sổ bị hư hỏng", "Damaged page"),
    DeferralReason.OTHER: Text("Lý do khác", "Other reason"),
}


def label(key: str, language: str) -> str:
    return LABELS[key].get(language)


def kind_name(kind: BookKind, language: str) -> str:
    return spec_for(kind).label.get(language)


def reason_name(reason: DeferralReason, language: str) -> str:
    return REASONS[reason].get(language)


def shift_name(number: int, language: str) -> str:
    if number == OUTSIDE:
        return label("outside", language)
    return label("shift_n", language).format(number=number)


def error_lines(trends: ErrorTrends, language: str) -> list[tuple[str, Trend]]:
    """Each shift, then each clerk by name, with their trend (the team's is
    ``trends.team``)."""
    return [(shift_name(number, language), trend) for number, trend in trends.shifts.items()] + [
        (c.full_name or c.username, c.trend) for c in trends.clerks
    ]


def direction_name(direction: Direction, language: str) -> str:
    return DIRECTIONS[direction].get(language)


def shift_hours(line: ShiftLine) -> str:
    if line.start is None or line.end is None:
        return ""
    return f"{line.start:%H:%M}–{line.end:%H:%M}"


def outlook(campaign: CampaignProgress, language: str) -> str:
    """Whether the projection meets the deadline; empty without one of them."""
    if campaign.on_time is None:
        return ""
    return label("on_time" if campaign.on_time else "late", language)


def day_text(day: date | None) -> str:
    return "" if day is None else f"{day:%d/%m/%Y}"


def number(value: float, language: str, decimals: int = 0) -> str:
    """``value`` as its readers write it: 1.457.884 and 97,34 in Vietnamese."""
    text = f"{value:,.{decimals}f}"
    if language == "en":
        return text
    return text.translate(str.maketrans(",.", ".,"))


def duration(seconds: int) -> str:
    """Hours and minutes, 7:05."""
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"
