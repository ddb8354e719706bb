"""The sentences of every finding, in Vietnamese (shown by default) and English.

Templates name their parameters; ``{field}`` and the like are field labels,
given in both languages, so each message reads whole in either language.
"""

from __future__ import annotations

from app.specs import Text

MESSAGES: dict[str, Text] = {
    # Presence
    "required_missing": Text("Chưa nhập {field}.", "{field} is required."),
    "required_unreadable": Text(
        "{field} là bắt buộc nhưng {status}: chỉ có thể chuyển mục này sang xử lý sau.",
        "{field} is required but {status}: this entry can only be deferred.",
    ),
    "required_blank_in_book": Text("{field} để trống trong sổ.", "{field} is blank in the book."),
    "one_of_missing": Text("Cần ít nhất một trong: {fields}.", "At least one of: {fields}."),
    "one_of_unreadable": Text(
        "Cần ít nhất một trong: {fields}, nhưng sổ không ghi rõ: "
        "chỉ có thể chuyển mục này sang xử lý sau.",
        "At least one of {fields} is needed, but the book is not clear: "
        "this entry can only be deferred.",
    ),
    "one_of_blank_in_book": Text(
        "{fields} đều để trống trong sổ.", "{fields} are all blank in the book."
    ),
    # Dates and times
    "not_a_date": Text(
        "{field}: “{value}” không phải là ngày (ví dụ 12/03/1985, 03/1985, 1985).",
        "{field}: “{value}” is not a date (e.g. 12/03/1985, 03/1985, 1985).",
    ),
    "no_such_day": Text(
        "{field}: ngày “{value}” không có trong lịch.",
        "{field}: “{value}” is not a day of the calendar.",
    ),
    "no_such_month": Text(
        "{field}: tháng trong “{value}” không hợp lệ.",
        "{field}: the month in “{value}” is not valid.",
    ),
    "day_without_month": Text(
        "{field}: “{value}” có ngày nhưng không có tháng.",
        "{field}: “{value}” has a day but no month.",
    ),
    "year_out_of_range": Text(
        "{field}: năm trong “{value}” không hợp lệ.",
        "{field}: the year in “{value}” is not valid.",
    ),
    "date_not_full": Text(
        "{field} cần đủ ngày, tháng, năm.", "{field} needs a full day, month and year."
    ),
    "future_date": Text(
        "{field}: {value} muộn hơn ngày hôm nay.", "{field}: {value} is after today."
    ),
    "date_order": Text(
        "{later} {later_value} không thể sớm hơn {earlier} {earlier_value}.",
        "{later} {later_value} cannot be before {earlier} {earlier_value}.",
    ),
    "age_too_low": Text(
        "Tính đến {on} {on_value}, người có {birth} {birth_value} chưa đủ {years} tuổi.",
        "On {on} {on_value}, the person with {birth} {birth_value} is not yet {years}.",
    ),
    "age_too_high": Text(
        "Tính đến {on} {on_value}, người có {birth} {birth_value} đã quá {years} tuổi.",
        "On {on} {on_value}, the person with {birth} {birth_value} is over {years}.",
    ),
    "born_after": Text(
        "{birth} {birth_value} muộn hơn {on} {on_value}: người này sinh sau.",
        "{birth} {birth_value} is after {on} {on_value}: this person was born later.",
    ),
    "marriage_age_too_low": Text(
        "{spouse} chưa đủ tuổi kết hôn theo {law} ({age}): {birth} {birth_value}, {on} {on_value}.",
        "{spouse} is under the age of marriage of {law} ({age}): "
        "{birth} {birth_value}, {on} {on_value}.",
    ),
    "not_a_time": Text(
        "{field}: “{value}” không phải là giờ phút (ví dụ 14:30).",
        "{field}: “{value}” is not a time of day (e.g. 14:30).",
    ),
    "no_such_time": Text(
        "{field}: giờ phút “{value}” không hợp lệ.",
        "{field}: “{value}” is not a valid time of day.",
    ),
    # Identity numbers
    "personal_id_not_digits": Text(
        "{field}: số định danh cá nhân chỉ gồm chữ số.",
        "{field}: a personal ID number has digits only.",
    ),
    "personal_id_length": Text(
        "{field}: số định danh cá nhân phải có đúng 12 chữ số.",
        "{field}: a personal ID number has exactly 12 digits.",
    ),
    "personal_id_province": Text(
        "{field}: ba chữ số đầu “{code}” không phải mã tỉnh nào.",
        "{field}: the first three digits “{code}” are no province code.",
    ),
    "personal_id_sex": Text(
        "{field}: chữ số thứ tư cho biết giới tính {id_sex}, nhưng {sex_field} là {sex}.",
        "{field}: the fourth digit says {id_sex}, but {sex_field} is {sex}.",
    ),
    "personal_id_year": Text(
        "{field}: số này của người sinh năm {id_year}, nhưng {birth_field} là {birth}.",
        "{field}: this number belongs to someone born in {id_year}, but {birth_field} is {birth}.",
    ),
    "personal_id_future_year": Text(
        "{field}: số này của người sinh năm {id_year}, năm đó chưa đến.",
        "{field}: this number belongs to someone born in {id_year}, which has not come yet.",
    ),
    "cmnd_not_digits": Text(
        "{field}: số chứng minh nhân dân chỉ gồm chữ số.",
        "{field}: an old ID card (CMND) number has digits only.",
    ),
    "cmnd_length": Text(
        "{field}: số chứng minh nhân dân phải có đúng 9 chữ số.",
        "{field}: an old ID card (CMND) number has exactly 9 digits.",
    ),
    "id_type_guessed": Text(
        "{field}: chưa chọn loại giấy tờ; theo độ dài, đây là {doc_type}.",
        "{field}: no document type chosen; by its length it is: {doc_type}.",
    ),
    # Other values
    "not_a_number": Text(
        "{field}: “{value}” không phải là số nguyên dương.",
        "{field}: “{value}” is not a positive whole number.",
    ),
    "number_too_large": Text("{field}: “{value}” quá lớn.", "{field}: “{value}” is too large."),
    "not_a_choice": Text(
        "{field}: “{value}” không có trong danh sách ({choices}).",
        "{field}: “{value}” is not one of the options ({choices}).",
    ),
    "name_has_digits": Text(
        "{field}: họ tên không được chứa chữ số.", "{field}: a name cannot contain digits."
    ),
    "unknown_ethnic_group": Text(
        "{field}: “{value}” không có trong danh mục 54 dân tộc.",
        "{field}: “{value}” is not among the 54 ethnic groups.",
    ),
    "unknown_place": Text(
        "{field}: “{value}” không viết đúng tên một đơn vị hành chính trong danh mục; "
        "được lưu đúng như đã gõ để tổ trưởng và trung tâm xem lại.",
        "{field}: “{value}” is not written as a unit of the gazetteer; "
        "it is saved as typed, for the lead and the centre to review.",
    ),
    # Across the entries of a book
    "number_repeated": Text(
        "Số {number} năm {year} đã có trong sổ này.",
        "Number {number} of {year} is already in this book.",
    ),
    "number_gap_one": Text(
        "Số {number} năm {year} bỏ qua số {first_missing}.",
        "Number {number} of {year} skips number {first_missing}.",
    ),
    "number_gap": Text(
        "Số {number} năm {year} bỏ qua các số từ {first_missing} đến {last_missing}.",
        "Number {number} of {year} skips numbers {first_missing} to {last_missing}.",
    ),
    "registration_before_previous": Text(
        "Ngày đăng ký {value} sớm hơn ngày của số {other_number} ({other_value}) đứng trước.",
        "Registration date {value} is earlier than that of number {other_number} "
        "({other_value}) before it.",
    ),
    "registration_after_next": Text(
        "Ngày đăng ký {value} muộn hơn ngày của số {other_number} ({other_value}) đứng sau.",
        "Registration date {value} is later than that of number {other_number} "
        "({other_value}) after it.",
    ),
    # Characters and encodings
    "invisible_character": Text(
        "{field}: có ký tự vô hình {code} ({what}). Nhấn F5 để xoá.",
        "{field}: holds an invisible character, {code} ({what}). Press F5 to remove it.",
    ),
    "refused_character": Text(
        "{field}: không được có ký tự “{char}” ({code}, {what}).",
        "{field}: the character “{char}” ({code}, {what}) is not allowed.",
    ),
    "refused_code": Text(
        "{field}: không được có {what} {code}.", "{field}: {what} {code} is not allowed."
    ),
    "too_long": Text(
        "{field} dài quá {limit} ký tự (đang có {length}).",
        "{field} is longer than {limit} characters ({length} now).",
    ),
    "legacy_encoding": Text(
        "{field}: có vẻ gõ bằng bảng mã {encoding}: đúng là “{converted}”? "
        "Nhấn F5 để chuyển sang Unicode.",
        "{field}: looks typed in the {encoding} encoding: is it “{converted}”? "
        "Press F5 to convert it to Unicode.",
    ),
    "mixed_scripts": Text(
        "{field}: có chữ {script} “{char}” lẫn trong chữ Latinh: đúng là “{converted}”? "
        "Nhấn F5 để chuyển.",
        "{field}: a {script} letter “{char}” among Latin letters: is it “{converted}”? "
        "Press F5 to convert it.",
    ),
    "mixed_scripts_unfixable": Text(
        "{field}: có chữ {script} “{char}” ({code}) lẫn trong chữ Latinh.",
        "{field}: a {script} letter “{char}” ({code}) among Latin letters.",
    ),
}

# What each refused character is, named in its message (app.values.text.CharacterKind).
CHARACTER_WORDS = {
    "control": Text("ký tự điều khiển", "control character"),
    "zero_width": Text("ký tự độ rộng 0", "zero-width character"),
    "bidi": Text("dấu đổi chiều viết", "bidirectional mark"),
    "bom": Text("dấu thứ tự byte BOM", "byte order mark"),
    "soft_hyphen": Text("gạch nối mềm", "soft hyphen"),
    "format": Text("ký tự định dạng", "formatting character"),
    "emoji": Text("biểu tượng cảm xúc", "emoji"),
    "symbol": Text("ký hiệu", "symbol"),
    "private_use": Text("ký tự dùng riêng", "the private-use character"),
    "unassigned": Text("mã không phải ký tự", "the code that is no character"),
    "loose_mark": Text("dấu đứng riêng", "loose mark"),
    "name_punctuation": Text("họ tên không dùng dấu này", "no name holds it"),
}
SCRIPT_WORDS = {
    "Cyrillic": Text("Kirin", "Cyrillic"),
    "Greek": Text("Hy Lạp", "Greek"),
}

STATUS_WORDS = {
    "uncertain": Text("chưa chắc chắn", "uncertain"),
    "illegible": Text("không đọc được", "illegible"),
}
