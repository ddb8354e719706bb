"""What can be wrong with a book of the inventory or a row of its file,
said in Vietnamese and English, and the columns of a book those words name.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.specs import Text

# The columns of a book, with the names a file may give them (any accents, any case).
LABELS: dict[str, Text] = {
    "kind": Text("Loại sổ", "Kind"),
    "office": Text("Nơi đăng ký", "Office"),
    "volume": Text("Quyển số", "Volume"),
    "year": Text("Năm", "Year"),
    "pages": Text("Số trang", "Pages"),
    "expected_entries": Text("Số mục dự kiến", "Expected entries"),
    "condition": Text("Tình trạng", "Condition"),
}

MESSAGES: dict[str, Text] = {
    "required_missing": Text("Chưa nhập {field}.", "{field} is required."),
    "not_a_number": Text(
        "{field}: “{value}” không phải là số nguyên dương.",
        "{field}: “{value}” is not a positive whole number.",
    ),
    "year_out_of_range": Text(
        "{field}: “{value}” phải là một năm từ {first} đến {last}.",
        "{field}: “{value}” must be a year from {first} to {last}.",
    ),
    "too_long": Text("{field}: dài quá {limit} ký tự.", "{field}: longer than {limit} characters."),
    "refused_character": Text(
        "{field}: không được có {what} {point}.", "{field}: {what} {point} is not allowed."
    ),
    "legacy_encoding": Text(
        "{field}: “{value}” có vẻ gõ bằng bảng mã {encoding}, đúng là “{converted}”? "
        "Hãy chuyển tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại.",
        "{field}: “{value}” looks typed in the {encoding} encoding, is it “{converted}”? "
        "Convert the file to Unicode (e.g. with Unikey's converter) and import it again.",
    ),
    "mixed_scripts": Text(
        "{field}: “{value}” có chữ {script} “{char}” lẫn trong chữ Latinh.",
        "{field}: “{value}” has a {script} letter “{char}” among Latin letters.",
    ),
    "unknown_kind": Text(
        "{field}: “{value}” không phải loại sổ nào (khai sinh, kết hôn, khai tử, nuôi con nuôi).",
        "{field}: “{value}” is no kind of book (birth, marriage, death, adoption).",
    ),
    "unknown_condition": Text(
        "{field}: “{value}” không phải tình trạng nào (tốt, cũ, hư hỏng).",
        "{field}: “{value}” is no condition (good, worn, damaged).",
    ),
    "already_registered": Text(
        "Sổ {kind} quyển {volume} năm {year} của {office} đã có trong danh mục.",
        "The {kind} book volume {volume} of {year} of {office} is already registered.",
    ),
    "registered_differently": Text(
        "Sổ này đã có trong danh mục, nhưng với {fields} khác.",
        "This book is already registered, but with another {fields}.",
    ),
    "repeated_in_file": Text(
        "Sổ này trùng với sổ ở dòng {other}.", "This book is the same as the one in row {other}."
    ),
    "missing_columns": Text("Tệp không có cột: {columns}.", "The file has no column: {columns}."),
    "no_books": Text("Tệp không có dòng sổ nào.", "The file lists no books."),
    "not_utf8": Text(
        "Tệp CSV không được lưu dạng UTF-8: trong Excel, hãy lưu lại bằng “CSV UTF-8”.",
        "The CSV file is not UTF-8: in Excel, save it again as “CSV UTF-8”.",
    ),
    "unsupported_file": Text(
        "Chỉ nhập được tệp .csv hoặc .xlsx.", "Only .csv and .xlsx files can be imported."
    ),
    "unreadable_file": Text("Không đọc được tệp {name}.", "Cannot read the file {name}."),
}


@dataclass(frozen=True)
class Problem:
    """What is wrong with a book or a row of a file, in both languages.

    ``row`` is the row number as the spreadsheet shows it (None: the file
    itself); ``field`` the column at fault, if one is.
    """

    code: str
    params: tuple[tuple[str, str | int | Text], ...] = ()
    field: str | None = None
    row: int | None = None

    def message(self, language: str = "vi") -> str:
        values = {k: v.get(language) if isinstance(v, Text) else v for k, v in self.params}
        return MESSAGES[self.code].get(language).format(**values)


def problem(code: str, field: str | None = None, **params: str | int | Text) -> Problem:
    """The problem ``code``, with what its message says; ``field`` is the
    column at fault, named by its label unless ``params`` say otherwise."""
    if code not in MESSAGES:
        raise KeyError(f"no message for inventory problem {code!r}")
    if field is not None:
        params.setdefault("field", LABELS[field])
    return Problem(code, tuple(sorted(params.items())), field)


def listing(fields: list[str]) -> Text:
    """The labels of ``fields``, as a list in each language."""
    return Text(", ".join(LABELS[f].vi for f in fields), ", ".join(LABELS[f].en for f in fields))
