<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>BookKind</name>
    <message>
        <location filename="../../ui/models/books.py" line="21"/>
        <source>Birth</source>
        <translation>Khai sinh</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="22"/>
        <source>Marriage</source>
        <translation>Kết hôn</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="23"/>
        <source>Death</source>
        <translation>Khai tử</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="24"/>
        <source>Adoption</source>
        <translation>Nuôi con nuôi</translation>
    </message>
</context>
<context>
    <name>BookTableModel</name>
    <message>
        <location filename="../../ui/models/books.py" line="36"/>
        <source>Kind</source>
        <translation>Loại sổ</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="37"/>
        <source>Office</source>
        <translation>Cơ quan đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="38"/>
        <source>Volume</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="39"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="40"/>
        <source>Expected</source>
        <translation>Số mục dự kiến</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="41"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="42"/>
        <source>Deferred</source>
        <translation>Xử lý sau</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="43"/>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="18"/>
        <source>Sohoa — station {code} ({office})</source>
        <translation>Sohoa — trạm {code} ({office})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>{books} books · {done} of {expected} entries done · {deferred} deferred</source>
        <translation>{books} quyển sổ · đã nhập {done} trên {expected} mục · {deferred} mục xử lý sau</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="29"/>
        <source>Sohoa</source>
        <translation>Sohoa</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="30"/>
        <source>Cannot open the station in {folder}:
{reason}

To create one: sohoa init --station CODE --office NAME
To try Sohoa with demo data: sohoa demo</source>
        <translation>Không mở được trạm nhập liệu trong {folder}:
{reason}

Để tạo trạm: sohoa init --station MÃ --office TÊN
Để dùng thử với dữ liệu mẫu: sohoa demo</translation>
    </message>
</context>
</TS>
