<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ArbitrationDialog</name>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="60"/>
        <source>Two keyings that differ</source>
        <translation>Hai lần nhập khác nhau</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="81"/>
        <source>In each box: Ctrl+1 takes the first keying, Ctrl+2 the second, or type what the book says. Enter: next field. Ctrl+Enter: save and go on.</source>
        <translation>Trong mỗi ô: Ctrl+1 lấy lần nhập thứ nhất, Ctrl+2 lấy lần nhập thứ hai, hoặc gõ đúng như trong sổ. Enter: sang trường sau. Ctrl+Enter: lưu và sang mục tiếp.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="112"/>
        <source>{count} entries wait for a decision.</source>
        <translation>{count} mục đang chờ quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="117"/>
        <source>No two keyings differ: nothing to decide.</source>
        <translation>Không có hai lần nhập nào khác nhau: không có gì cần quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="125"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="125"/>
        <source>First keying (Ctrl+1)</source>
        <translation>Lần nhập thứ nhất (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="126"/>
        <source>Second keying (Ctrl+2)</source>
        <translation>Lần nhập thứ hai (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="126"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="167"/>
        <source>The decisions typed for this entry are not saved: they will be lost.</source>
        <translation>Các quyết định đã gõ cho mục này chưa được lưu: sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/arbitration.py" line="202"/>
        <source>Decide every field first.</source>
        <translation>Hãy quyết định mọi trường trước.</translation>
    </message>
</context>
<context>
    <name>BacklogDialog</name>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="60"/>
        <source>Deferred entries</source>
        <translation>Các mục để lại</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="60"/>
        <source>Deferred entries handed to you</source>
        <translation>Các mục để lại được giao cho bạn</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="69"/>
        <source>Every reason ({count})</source>
        <translation>Mọi lý do ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="81"/>
        <source>Deferred because</source>
        <translation>Lý do để lại</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="83"/>
        <source>Enter opens the entry in the form, whatever the state of its book.</source>
        <translation>Nhấn Enter để mở mục trong biểu mẫu, dù sổ đang ở trạng thái nào.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="86"/>
        <source>Its page (Ctrl+T)</source>
        <translation>Trang của mục (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="93"/>
        <source>Hand to a clerk… (Ctrl+G)</source>
        <translation>Giao cho cán bộ… (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="113"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="114"/>
        <source>Deferred on</source>
        <translation>Để lại lúc</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="115"/>
        <source>By</source>
        <translation>Người để lại</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="116"/>
        <source>Book</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="117"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="118"/>
        <source>Entry</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="119"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="120"/>
        <source>Handed to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="168"/>
        <source>No one</source>
        <translation>Không giao cho ai</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="175"/>
        <source>Hand to a clerk</source>
        <translation>Giao cho cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="176"/>
        <source>Who keys entry no. {number} ({title})?</source>
        <translation>Giao mục số {number} ({title}) cho ai nhập?</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/backlog.py" line="191"/>
        <source>This entry is no longer deferred: it is keyed.</source>
        <translation>Mục này không còn để lại nữa: đã được nhập xong.</translation>
    </message>
</context>
<context>
    <name>BacklogTab</name>
    <message>
        <location filename="../../ui/centre/tabs.py" line="78"/>
        <source>Deferred</source>
        <translation>Xử lý sau</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="81"/>
        <source>Entries deferred, every reason, as the station says</source>
        <translation>Số mục để lại, mọi lý do, theo báo cáo của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="85"/>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="88"/>
        <source>Entries begun and not finished, as the station says</source>
        <translation>Số mục đã bắt đầu nhập mà chưa xong, theo báo cáo của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="92"/>
        <source>Summary of</source>
        <translation>Tóm tắt lúc</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="95"/>
        <source>When the station made the summary its newest batch carried</source>
        <translation>Lúc trạm lập bản tóm tắt gửi kèm lô mới nhất</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="102"/>
        <source>Entries deferred in the province, per reason</source>
        <translation>Số mục để lại toàn tỉnh, theo lý do</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="116"/>
        <source>Unreadable</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="117"/>
        <source>To check</source>
        <translation>Cần đối chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="118"/>
        <source>Damaged page</source>
        <translation>Trang hư hỏng</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="119"/>
        <source>Other reason</source>
        <translation>Lý do khác</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="125"/>
        <source>{0}: entries deferred for this reason, as the station says</source>
        <translation>{0}: số mục để lại vì lý do này, theo trạm báo</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../ui/station/backups.py" line="55"/>
        <source>Backups of the station</source>
        <translation>Bản sao lưu của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="59"/>
        <source>Sohoa backs the station up once a day and keeps a week of backups, beside the data in {folder}. Copy one to a stick now and then: a backup on the same disk does not survive the disk.</source>
        <translation>Sohoa sao lưu trạm mỗi ngày một lần và giữ bản sao lưu của một tuần, cạnh dữ liệu trong {folder}. Thỉnh thoảng hãy chép một bản ra USB: bản sao lưu trên cùng ổ đĩa sẽ mất theo ổ đĩa.</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="67"/>
        <source>Daily</source>
        <translation>Hằng ngày</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="68"/>
        <source>Before an upgrade</source>
        <translation>Trước khi nâng cấp</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="69"/>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="73"/>
        <source>Taken</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="74"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="76"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="77"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="82"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="93"/>
        <source>Copy the station to a stick…</source>
        <translation>Chép trạm ra USB…</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="94"/>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ một tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="95"/>
        <source>Restore the chosen backup…</source>
        <translation>Khôi phục bản sao lưu đã chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="89"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="115"/>
        <source>The stick&apos;s folder</source>
        <translation>Thư mục trên USB</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="128"/>
        <source>Not copied: {reason}</source>
        <translation>Chưa chép được: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="130"/>
        <source>Copying the station to {folder}…</source>
        <translation>Đang chép trạm vào {folder}…</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="147"/>
        <source>Copied and checked: {file}</source>
        <translation>Đã chép và kiểm tra: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="149"/>
        <source>Page scans: {count} copied to {folder}; those already there were kept.</source>
        <translation>Ảnh quét trang: đã chép {count} ảnh vào {folder}; những ảnh đã có sẵn được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="155"/>
        <source>{count} of the station&apos;s page scans are damaged and were not copied.</source>
        <translation>{count} ảnh quét trang của trạm bị hỏng và không được chép.</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="166"/>
        <source>A backup of this station</source>
        <translation>Một bản sao lưu của trạm này</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="167"/>
        <source>Sohoa backups (*.sqlite3)</source>
        <translation>Bản sao lưu Sohoa (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="177"/>
        <source>Choose a backup in the list first.</source>
        <translation>Hãy chọn một bản sao lưu trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="186"/>
        <source>This backup is damaged and cannot be restored: {reason}</source>
        <translation>Bản sao lưu này bị hỏng, không khôi phục được: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="194"/>
        <source>This file is not a backup of station {code}.</source>
        <translation>Tệp này không phải bản sao lưu của trạm {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="200"/>
        <source>Restore the backup?</source>
        <translation>Khôi phục bản sao lưu?</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="202"/>
        <source>Restore the station as it was on {moment}?

• Everything keyed, checked or decided after that moment leaves the station. The station as it is now is kept first, in the backups folder.
• Batches written after that moment will be written again; the centre loads each entry once.
• Sohoa closes this window, and everyone logs in again.</source>
        <translation>Khôi phục trạm về như lúc {moment}?

• Mọi thứ đã nhập, kiểm tra hay quyết định sau thời điểm đó sẽ rời khỏi trạm. Trạm như hiện nay được giữ lại trước, trong thư mục sao lưu.
• Các lô đã ghi sau thời điểm đó sẽ được ghi lại; trung tâm chỉ nạp mỗi bản ghi một lần.
• Sohoa đóng cửa sổ này, và mọi người đăng nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/station/backups.py" line="211"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
</context>
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/centre/tabs.py" line="236"/>
        <source>Batches</source>
        <translation>Lô đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="239"/>
        <source>Batches taken in at the centre</source>
        <translation>Số lô trung tâm đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="243"/>
        <source>Last no.</source>
        <translation>Số lô cuối</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="246"/>
        <source>The highest batch number received</source>
        <translation>Số lô lớn nhất đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="250"/>
        <source>Written</source>
        <translation>Ngày ghi lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="252"/>
        <source>The day the station wrote its newest batch</source>
        <translation>Ngày trạm ghi lô mới nhất</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="256"/>
        <source>Taken in</source>
        <translation>Tiếp nhận lúc</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="258"/>
        <source>When the centre took in the station&apos;s newest batch</source>
        <translation>Lúc trung tâm tiếp nhận lô mới nhất của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="262"/>
        <source>Days silent</source>
        <translation>Số ngày im lặng</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="264"/>
        <source>never sent</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="270"/>
        <source>Days since the centre took in a batch of the station</source>
        <translation>Số ngày kể từ khi trung tâm tiếp nhận lô gần nhất của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="274"/>
        <source>Missing</source>
        <translation>Thiếu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="278"/>
        <source>Batch numbers below the highest that never arrived</source>
        <translation>Số lô nhỏ hơn số lô lớn nhất đã nhận mà chưa đến</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="281"/>
        <source>Missing numbers</source>
        <translation>Số lô thiếu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="283"/>
        <source>Last backup</source>
        <translation>Sao lưu gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="286"/>
        <source>The station&apos;s newest backup, as its summary says</source>
        <translation>Bản sao lưu mới nhất của trạm, theo bản tóm tắt</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="293"/>
        <source>Days since the last batch, the most silent first</source>
        <translation>Số ngày từ lô gần nhất, trạm im lặng lâu nhất trước</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="294"/>
        <source>Silent</source>
        <translation>Im lặng</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="305"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
</context>
<context>
    <name>BookCondition</name>
    <message>
        <location filename="../../ui/models/books.py" line="49"/>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="50"/>
        <source>Worn</source>
        <translation>Cũ</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="51"/>
        <source>Damaged</source>
        <translation>Hư hỏng</translation>
    </message>
</context>
<context>
    <name>BookHeading</name>
    <message>
        <location filename="../../ui/keying/heading.py" line="38"/>
        <source>{book} · {office} · volume {volume} · {year}</source>
        <translation>{book} · {office} · quyển {volume} · năm {year}</translation>
    </message>
    <message>
        <location filename="../../ui/keying/heading.py" line="45"/>
        <source>this entry only: the book stays as it is</source>
        <translation>chỉ mở mục này, sổ giữ nguyên như cũ</translation>
    </message>
    <message>
        <location filename="../../ui/keying/heading.py" line="55"/>
        <source>Deferred: {reason}</source>
        <translation>Để lại xử lý sau: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/keying/heading.py" line="59"/>
        <source>({name}, {moment})</source>
        <translation>({name}, {moment})</translation>
    </message>
</context>
<context>
    <name>BookKind</name>
    <message>
        <location filename="../../ui/models/books.py" line="23"/>
        <source>Birth</source>
        <translation>Khai sinh</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="24"/>
        <source>Marriage</source>
        <translation>Kết hôn</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="25"/>
        <source>Death</source>
        <translation>Khai tử</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="26"/>
        <source>Adoption</source>
        <translation>Nuôi con nuôi</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="33"/>
        <source>{kind} {volume}/{year} · {office}</source>
        <translation>{kind} quyển {volume}/{year} · {office}</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="42"/>
        <source>{book}, no. {number}</source>
        <translation>{book}, số {number}</translation>
    </message>
</context>
<context>
    <name>BookTableModel</name>
    <message>
        <location filename="../../ui/models/books.py" line="68"/>
        <source>Kind</source>
        <translation>Loại sổ</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="69"/>
        <source>Office</source>
        <translation>Cơ quan đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="70"/>
        <source>Volume</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="71"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="72"/>
        <source>Condition</source>
        <translation>Tình trạng sổ</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="73"/>
        <source>Expected</source>
        <translation>Số mục dự kiến</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="74"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="75"/>
        <source>Deferred</source>
        <translation>Xử lý sau</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="76"/>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="77"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="115"/>
        <source>Finished</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="117"/>
        <source>On hold</source>
        <translation>Tạm giữ</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="119"/>
        <source>Keyed by {name}</source>
        <translation>Đang nhập: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/models/books.py" line="120"/>
        <source>Waiting</source>
        <translation>Chờ nhập</translation>
    </message>
</context>
<context>
    <name>BooksPanel</name>
    <message>
        <location filename="../../ui/books/panel.py" line="72"/>
        <source>Next book (Ctrl+N)</source>
        <translation>Sổ tiếp theo (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="81"/>
        <source>Entries handed to me… (Ctrl+B)</source>
        <translation>Các mục được giao cho tôi… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="89"/>
        <source>Up (Ctrl+↑)</source>
        <translation>Lên (Ctrl+↑)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="91"/>
        <source>Down (Ctrl+↓)</source>
        <translation>Xuống (Ctrl+↓)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="96"/>
        <source>Hold / let go (Ctrl+H)</source>
        <translation>Tạm giữ / bỏ giữ (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="98"/>
        <source>Release from its clerk (Ctrl+R)</source>
        <translation>Thu hồi sổ (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="104"/>
        <source>Reopen (Ctrl+O)</source>
        <translation>Mở lại sổ (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="110"/>
        <source>Register books… (Ctrl+I)</source>
        <translation>Thêm sổ… (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="116"/>
        <source>Scanned pages… (Ctrl+Shift+I)</source>
        <translation>Ảnh quét trang… (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="135"/>
        <source>You key your own book or the next one in the queue (Ctrl+N): the team lead sets the order.</source>
        <translation>Bạn nhập sổ của mình hoặc sổ tiếp theo trong hàng chờ (Ctrl+N); thứ tự do tổ trưởng sắp xếp.</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="144"/>
        <source>Books</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="168"/>
        <source>This book is finished: it is no longer in the queue.</source>
        <translation>Sổ này đã nhập xong nên không còn trong hàng đợi.</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="203"/>
        <source>This book is not finished: it is in the queue.</source>
        <translation>Sổ này chưa nhập xong: sổ vẫn đang trong hàng chờ.</translation>
    </message>
    <message>
        <location filename="../../ui/books/panel.py" line="227"/>
        <source>Choose the book whose pages were scanned, then import them.</source>
        <translation>Hãy chọn quyển sổ đã được quét các trang, rồi nhập ảnh quét.</translation>
    </message>
</context>
<context>
    <name>CentreCharts</name>
    <message>
        <location filename="../../ui/centre/charts.py" line="71"/>
        <source>Nothing to show yet</source>
        <translation>Chưa có gì để hiển thị</translation>
    </message>
    <message>
        <location filename="../../ui/centre/charts.py" line="118"/>
        <source>Entries completed per day, as the station says</source>
        <translation>Số mục hoàn thành mỗi ngày, theo báo cáo của trạm</translation>
    </message>
</context>
<context>
    <name>CentreFigures</name>
    <message>
        <location filename="../../ui/centre/figures.py" line="41"/>
        <source>District office</source>
        <translation>Cấp huyện</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="49"/>
        <source>No batch yet</source>
        <translation>Chưa gửi lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="52"/>
        <source>Silent {days} days</source>
        <translation>Im lặng {days} ngày</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="57"/>
        <source>Late</source>
        <translation>Chậm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="59"/>
        <source>Target reached</source>
        <translation>Đạt chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="61"/>
        <source>Batches missing</source>
        <translation>Thiếu lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="63"/>
        <source>No summary (older Sohoa)</source>
        <translation>Không có tóm tắt (Sohoa cũ)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="65"/>
        <location filename="../../ui/centre/figures.py" line="117"/>
        <source>Not in the plan</source>
        <translation>Ngoài kế hoạch</translation>
    </message>
    <message>
        <location filename="../../ui/centre/figures.py" line="66"/>
        <source>On track</source>
        <translation>Đúng tiến độ</translation>
    </message>
</context>
<context>
    <name>CentreKeys</name>
    <message>
        <location filename="../../ui/centre/window.py" line="359"/>
        <source>Keyboard keys</source>
        <translation>Các phím tắt</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="361"/>
        <source>Progress, backlog, keying errors, batches</source>
        <translation>Tiến độ, mục để lại, lỗi nhập liệu, lô dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="362"/>
        <source>Choose a station (or, in Progress, a district)</source>
        <translation>Chọn một trạm (hoặc, ở thẻ Tiến độ, một huyện)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="363"/>
        <source>From the districts to their stations, and back</source>
        <translation>Từ bảng huyện sang các trạm của huyện, và ngược lại</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="364"/>
        <source>The chosen station&apos;s books, days, clerks and batches</source>
        <translation>Sổ, ngày làm việc, cán bộ và lô của trạm đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="365"/>
        <source>Back from a station to the province; in the search, clear it</source>
        <translation>Từ một trạm trở về toàn tỉnh; trong ô tìm: xoá nội dung tìm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="366"/>
        <source>Find a station, district or commune</source>
        <translation>Tìm trạm, huyện hoặc xã</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="367"/>
        <source>Sort the table by a column; chosen again, the other way</source>
        <translation>Sắp xếp bảng theo một cột; chọn lại cột đó: sắp xếp ngược lại</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="368"/>
        <source>Read the figures again (they are read every minute too)</source>
        <translation>Đọc lại số liệu (số liệu cũng tự đọc lại mỗi phút)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="369"/>
        <source>This list of keys</source>
        <translation>Danh sách phím tắt này</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="372"/>
        <source>The centre&apos;s window</source>
        <translation>Cửa sổ trung tâm</translation>
    </message>
</context>
<context>
    <name>CentreWindow</name>
    <message>
        <location filename="../../ui/centre/window.py" line="76"/>
        <source>Sohoa — the centre: {database}</source>
        <translation>Sohoa — trung tâm: {database}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="77"/>
        <location filename="../../ui/centre/window.py" line="161"/>
        <source>Reading the central database…</source>
        <translation>Đang đọc cơ sở dữ liệu trung tâm…</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="86"/>
        <source>Find a station, district or commune (Ctrl+F)</source>
        <translation>Tìm trạm, huyện hoặc xã (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="100"/>
        <source>Progress (Ctrl+1)</source>
        <translation>Tiến độ (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="101"/>
        <source>Backlog (Ctrl+2)</source>
        <translation>Để lại (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="102"/>
        <source>Keying errors (Ctrl+3)</source>
        <translation>Lỗi nhập liệu (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="103"/>
        <source>Batches (Ctrl+4)</source>
        <translation>Lô dữ liệu (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="111"/>
        <source>Enter: the station&apos;s books and days · Ctrl+S: sort · F5: refresh · F1: keys</source>
        <translation>Enter: sổ và ngày của trạm · Ctrl+S: sắp xếp · F5: làm mới · F1: phím tắt</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="184"/>
        <source>Figures as of {moment}.</source>
        <translation>Số liệu lúc {moment}.</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="193"/>
        <source>There is no central database at {database}: give the file that sohoa intake loads the batches into.</source>
        <translation>Không có cơ sở dữ liệu trung tâm tại {database}: hãy chỉ tệp mà sohoa intake nạp các lô vào.</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="198"/>
        <source>The central database cannot be read: the server is unreachable, or the file is not a centre&apos;s. ({reason})</source>
        <translation>Không đọc được cơ sở dữ liệu trung tâm: không liên lạc được với máy chủ, hoặc tệp không phải của trung tâm. ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="204"/>
        <source>Nothing read yet. F5 tries again.</source>
        <translation>Chưa đọc được số liệu nào. Nhấn F5 để thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="209"/>
        <source>The figures shown are as of {moment}; F5 tries again.</source>
        <translation>Số liệu đang hiển thị là của lúc {moment}; nhấn F5 để thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="220"/>
        <source>Province: {received} of {target} entries received ({share})</source>
        <translation>Toàn tỉnh: đã nhận {received}/{target} mục ({share})</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="226"/>
        <source>Province: {received} entries received</source>
        <translation>Toàn tỉnh: đã nhận {received} mục</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="229"/>
        <source>{done} done as the stations say</source>
        <translation>trạm báo đã xong {done}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="230"/>
        <source>{late} stations late</source>
        <translation>{late} trạm chậm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="231"/>
        <source>{silent} silent</source>
        <translation>{silent} trạm im lặng</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="234"/>
        <source>{count} never sent a batch</source>
        <translation>{count} trạm chưa gửi lô nào</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="236"/>
        <source>{count} without a summary</source>
        <translation>{count} trạm không có tóm tắt</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="238"/>
        <source>{missing} batches missing</source>
        <translation>thiếu {missing} lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="239"/>
        <source>{deferred} deferred</source>
        <translation>{deferred} mục để lại</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="240"/>
        <source>{rate} errors per 1,000 fields</source>
        <translation>{rate} lỗi trên 1.000 trường</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="247"/>
        <source>Plan: {file}, imported {moment}</source>
        <translation>Kế hoạch: {file}, nhập lúc {moment}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="251"/>
        <source>No plan imported yet (sohoa centre targets FILE.xlsx)</source>
        <translation>Chưa nhập kế hoạch (sohoa centre targets TỆP.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="257"/>
        <source>silent after {days} days without a batch</source>
        <translation>im lặng khi {days} ngày không gửi lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="260"/>
        <source>as of {moment}</source>
        <translation>số liệu lúc {moment}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/window.py" line="273"/>
        <source>Reading station {code}…</source>
        <translation>Đang đọc trạm {code}…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/access/password.py" line="34"/>
        <source>Change your password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="46"/>
        <source>{name}, choose your own password before you start: the one you were given is known to the admin.</source>
        <translation>{name}, hãy chọn mật khẩu của riêng mình trước khi bắt đầu: mật khẩu được cấp thì quản trị viên cũng biết.</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="52"/>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="54"/>
        <source>New password (at least {count} characters)</source>
        <translation>Mật khẩu mới (ít nhất {count} ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="57"/>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="62"/>
        <source>Change</source>
        <translation>Đổi</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="78"/>
        <source>The two new passwords differ.</source>
        <translation>Hai mật khẩu mới không giống nhau.</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="92"/>
        <source>A password needs at least {count} characters.</source>
        <translation>Mật khẩu cần ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="95"/>
        <source>The current password is wrong.</source>
        <translation>Mật khẩu hiện tại không đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/access/password.py" line="97"/>
        <source>Choose a password other than the current one.</source>
        <translation>Hãy chọn mật khẩu khác mật khẩu hiện tại.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/crash.py" line="73"/>
        <source>Sohoa — unexpected error</source>
        <translation>Sohoa — lỗi không lường trước</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="74"/>
        <source>Sohoa met an error it did not expect. Entries already saved are safe. Check the entry on screen, save it again, and tell the team lead.

The details are written in {file}</source>
        <translation>Sohoa gặp một lỗi không lường trước. Các mục đã lưu vẫn an toàn. Hãy xem lại mục đang nhập trên màn hình, lưu lại, và báo cho tổ trưởng.

Chi tiết lỗi được ghi trong tệp {file}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="90"/>
        <source>Quotas apply to clerks: what a team lead keys counts in the team&apos;s total, with no quota.</source>
        <translation>Định mức chỉ áp dụng cho cán bộ nhập liệu: số mục tổ trưởng tự nhập được tính vào tổng của tổ, không tính định mức.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="119"/>
        <source>Deferred entries… (Ctrl+B)</source>
        <translation>Các mục để lại… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="120"/>
        <source>Shifts and quotas… (Ctrl+K)</source>
        <translation>Ca và định mức… (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="121"/>
        <source>Daily report… (Ctrl+P)</source>
        <translation>Báo cáo ngày… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="122"/>
        <source>Export a batch… (Ctrl+E)</source>
        <translation>Xuất lô… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="123"/>
        <source>Arbitrate… (Ctrl+D)</source>
        <translation>Đối chiếu… (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="124"/>
        <source>Checks… (Ctrl+L)</source>
        <translation>Kiểm tra… (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="154"/>
        <source>Clerk</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="155"/>
        <source>Completed</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="157"/>
        <source>Quota</source>
        <translation>Định mức</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="162"/>
        <source>% of quota</source>
        <translation>% định mức</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="167"/>
        <source>Entries/hour</source>
        <translation>Mục/giờ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="168"/>
        <source>Keys/hour</source>
        <translation>Phím/giờ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="170"/>
        <source>Active</source>
        <translation>Thời gian làm</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="174"/>
        <source>Deferred</source>
        <translation>Để lại</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="180"/>
        <source>Deferred because</source>
        <translation>Lý do để lại</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="181"/>
        <source>Entries</source>
        <translation>Số mục</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="182"/>
        <source>Oldest</source>
        <translation>Lâu nhất từ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="184"/>
        <source>Oldest entry</source>
        <translation>Mục chờ lâu nhất</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="185"/>
        <source>{book}, no. {number}: {title}</source>
        <translation>{book}, số {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="246"/>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="246"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="250"/>
        <location filename="../../ui/dashboard/widget.py" line="275"/>
        <source>Save the day&apos;s report</source>
        <translation>Lưu báo cáo ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="276"/>
        <source>The report could not be written: {reason}</source>
        <translation>Không ghi được báo cáo: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="319"/>
        <source>Today: {done} of {quota} ({percent}%)</source>
        <translation>Hôm nay: {done}/{quota} ({percent}%)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="326"/>
        <source>Outside the shifts</source>
        <translation>Ngoài ca</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="330"/>
        <source>Shift {number} ({start}–{end}): {done} of {quota} entries, {clerks} clerk(s)</source>
        <translation>Ca {number} ({start}–{end}): {done}/{quota} mục, {clerks} cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="345"/>
        <source>Campaign: {done} of {target} entries ({percent}%), {pace} a day</source>
        <translation>Chiến dịch: {done}/{target} mục ({percent}%), {pace} mục/ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="352"/>
        <source>projected finish {day}</source>
        <translation>dự kiến xong {day}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="356"/>
        <source>deadline {day}</source>
        <translation>hạn chót {day}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/widget.py" line="361"/>
        <source>BEHIND: the projection misses the deadline</source>
        <translation>CHẬM: dự kiến không kịp hạn chót</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="81"/>
        <source>This shift: entries against the quota</source>
        <translation>Ca này: số mục so với định mức</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="86"/>
        <location filename="../../ui/dashboard/charts.py" line="147"/>
        <location filename="../../ui/dashboard/charts.py" line="186"/>
        <source>Completed</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="91"/>
        <source>Quota pace</source>
        <translation>Nhịp định mức</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="97"/>
        <source>Outside the shifts: no shift under way</source>
        <translation>Ngoài giờ ca: không có ca nào đang làm</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="134"/>
        <source>Today by shift</source>
        <translation>Hôm nay theo ca</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="140"/>
        <source>Quota</source>
        <translation>Định mức</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="159"/>
        <source>Shift {number}</source>
        <translation>Ca {number}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="163"/>
        <source>Outside shifts</source>
        <translation>Ngoài ca</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="179"/>
        <source>Campaign: completed entries against the target</source>
        <translation>Chiến dịch: số mục đã xong so với chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="190"/>
        <source>Projection</source>
        <translation>Dự kiến</translation>
    </message>
</context>
<context>
    <name>DeferralDialog</name>
    <message>
        <location filename="../../ui/keying/deferral.py" line="41"/>
        <source>Defer this entry</source>
        <translation>Chuyển mục này sang xử lý sau</translation>
    </message>
    <message>
        <location filename="../../ui/keying/deferral.py" line="25"/>
        <source>A field cannot be read</source>
        <translation>Có thông tin không đọc được</translation>
    </message>
    <message>
        <location filename="../../ui/keying/deferral.py" line="26"/>
        <source>Needs checking against another document</source>
        <translation>Cần đối chiếu với giấy tờ khác</translation>
    </message>
    <message>
        <location filename="../../ui/keying/deferral.py" line="29"/>
        <source>Damaged page</source>
        <translation>Trang sổ bị hư hỏng</translation>
    </message>
    <message>
        <location filename="../../ui/keying/deferral.py" line="30"/>
        <source>Other reason</source>
        <translation>Lý do khác</translation>
    </message>
    <message>
        <location filename="../../ui/keying/deferral.py" line="53"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/keying/deferral.py" line="54"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <location filename="../../ui/models/entries.py" line="19"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="19"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="19"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="21"/>
        <source>Draft</source>
        <translation>Nháp</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="22"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="23"/>
        <source>Deferred</source>
        <translation>Xử lý sau</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="24"/>
        <source>Verified</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/models/entries.py" line="25"/>
        <source>Exported</source>
        <translation>Đã xuất</translation>
    </message>
</context>
<context>
    <name>ErrorTrendsTable</name>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="43"/>
        <source>Keying errors found by double keying, per 1,000 fields keyed. For coaching: read each line against its own past, not against the others.</source>
        <translation>Lỗi nhập liệu phát hiện khi nhập hai lần, tính trên 1.000 trường đã nhập. Để hướng dẫn: so mỗi dòng với chính nó trước đây, không so với người khác.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="49"/>
        <source>Team</source>
        <translation>Cả tổ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="56"/>
        <source>Team, shift, clerk</source>
        <translation>Tổ, ca, cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="58"/>
        <source>Errors per 1,000 fields, last 7 days</source>
        <translation>Lỗi trên 1.000 trường, 7 ngày qua</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="63"/>
        <source>7 days before</source>
        <translation>7 ngày trước đó</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="68"/>
        <source>Trend</source>
        <translation>Xu hướng</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="73"/>
        <source>14 days</source>
        <translation>14 ngày</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="82"/>
        <source>{rate} (few fields)</source>
        <translation>{rate} (ít trường)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="86"/>
        <source>↓ fewer errors</source>
        <translation>↓ ít lỗi hơn</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="87"/>
        <source>↑ more errors</source>
        <translation>↑ nhiều lỗi hơn</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="88"/>
        <source>→ steady</source>
        <translation>→ ổn định</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="89"/>
        <source>too few fields yet</source>
        <translation>chưa đủ số liệu</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="94"/>
        <source>Outside the shifts</source>
        <translation>Ngoài ca</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/error_trends.py" line="95"/>
        <source>Shift {number}</source>
        <translation>Ca {number}</translation>
    </message>
</context>
<context>
    <name>ErrorsTab</name>
    <message>
        <location filename="../../ui/centre/tabs.py" line="155"/>
        <source>Fields compared</source>
        <translation>Trường đã đối chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="159"/>
        <source>Fields keyed twice, blind, and compared, over the summary&apos;s last days</source>
        <translation>Số trường được nhập hai lần độc lập rồi đối chiếu, trong những ngày gần nhất của bản tóm tắt</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="164"/>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="170"/>
        <source>Per 1,000 fields</source>
        <translation>Trên 1.000 trường</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="173"/>
        <source>Keying errors per 1,000 fields compared</source>
        <translation>Số lỗi nhập liệu trên 1.000 trường đã đối chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="177"/>
        <source>Most errors</source>
        <translation>Nhiều lỗi nhất</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="179"/>
        <source>The clerk with the most errors per 1,000 fields</source>
        <translation>Cán bộ có nhiều lỗi nhất trên 1.000 trường</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="182"/>
        <source>Summary of</source>
        <translation>Tóm tắt lúc</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="188"/>
        <source>Keying errors per 1,000 fields, the stations with most first</source>
        <translation>Lỗi nhập liệu trên 1.000 trường, trạm nhiều lỗi nhất trước</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="189"/>
        <source>Province</source>
        <translation>Toàn tỉnh</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/batches/dialog.py" line="63"/>
        <source>Batches for the centre</source>
        <translation>Lô gửi trung tâm</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="72"/>
        <source>Export them unverified…</source>
        <translation>Xuất mà chưa xác minh…</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="77"/>
        <source>The stick&apos;s folder, e.g. E:\</source>
        <translation>Thư mục của USB, ví dụ E:\</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="78"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="81"/>
        <source>Export the batch (Ctrl+Enter)</source>
        <translation>Xuất lô (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="91"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="95"/>
        <source>Next batch</source>
        <translation>Lô tiếp theo</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="108"/>
        <source>Write the chosen batch again (Ctrl+R)</source>
        <translation>Ghi lại lô đã chọn (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="111"/>
        <source>For a lost or damaged stick: the same batch, the same entries.</source>
        <translation>Khi USB bị mất hoặc hỏng: đúng lô đó, đúng các mục đó.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="114"/>
        <source>Batches written</source>
        <translation>Các lô đã ghi</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="136"/>
        <source>Batch</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="137"/>
        <source>Made</source>
        <translation>Tạo lúc</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="138"/>
        <source>Entries</source>
        <translation>Số mục</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="140"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="142"/>
        <source>Exported</source>
        <translation>Đã xuất</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="144"/>
        <source>Not finished: the next export finishes it</source>
        <translation>Chưa xong: lần xuất tới sẽ hoàn tất</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="147"/>
        <source>Last written</source>
        <translation>Ghi lần cuối</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="148"/>
        <source>To</source>
        <translation>Vào</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="162"/>
        <source>{count} completed entries wait for their second keying or the lead&apos;s decision: they are not exported yet.</source>
        <translation>{count} mục đã hoàn thành đang chờ nhập lần hai hoặc tổ trưởng quyết định: chưa được xuất.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="180"/>
        <source>Nothing to export: every completed entry is exported.</source>
        <translation>Không có gì để xuất: mọi mục đã hoàn thành đều đã được xuất.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="184"/>
        <source>Batch {sequence} ({entries} entries) was begun and not finished: exporting finishes it.</source>
        <translation>Lô {sequence} ({entries} mục) đã bắt đầu nhưng chưa xong: xuất lô sẽ hoàn tất nó.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="191"/>
        <source>{ready} completed entries wait: batch {sequence} takes {entries} of them; export again for the rest.</source>
        <translation>{ready} mục đã hoàn thành đang chờ: lô {sequence} lấy {entries} mục trong số đó; xuất thêm lần nữa cho phần còn lại.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="201"/>
        <source>{entries} completed entries wait: they will be batch {sequence}.</source>
        <translation>{entries} mục đã hoàn thành đang chờ: sẽ thành lô {sequence}.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="210"/>
        <source>It carries {pages} page scans ({size} MB). If the stick is pulled out, the next export goes on where it stopped.</source>
        <translation>Lô mang theo {pages} ảnh quét trang ({size} MB). Nếu USB bị rút ra, lần xuất sau sẽ tiếp tục từ chỗ đã dừng.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="225"/>
        <source>The stick&apos;s folder</source>
        <translation>Thư mục của USB</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="243"/>
        <source>This batch is not finished: export it first.</source>
        <translation>Lô này chưa xong: hãy xuất lô trước.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="254"/>
        <source>Choose the stick&apos;s folder first.</source>
        <translation>Hãy chọn thư mục của USB trước.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="262"/>
        <source>Writing the batch to {folder}…</source>
        <translation>Đang ghi lô vào {folder}…</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="297"/>
        <source>Nothing to export: no completed entry is waiting.</source>
        <translation>Không có gì để xuất: không có mục đã hoàn thành nào đang chờ.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="301"/>
        <source>Batch {sequence} is on the stick at {path}: {entries} entries, read back and verified, and marked exported. The stick may be taken out.</source>
        <translation>Lô {sequence} đã nằm trên USB tại {path}: {entries} mục, đã đọc lại, kiểm tra và đánh dấu đã xuất. Có thể rút USB ra.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="312"/>
        <source>Batch {sequence} was written again at {path}: {entries} entries, read back and verified.</source>
        <translation>Đã ghi lại lô {sequence} tại {path}: {entries} mục, đã đọc lại và kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="338"/>
        <source>There is no such batch.</source>
        <translation>Không có lô này.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="339"/>
        <source>The folder is not there: is the stick plugged in?</source>
        <translation>Không thấy thư mục: USB đã cắm chưa?</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="341"/>
        <source>The stick already holds another folder under this batch&apos;s name: move it away, then export again.</source>
        <translation>Trên USB đã có một thư mục khác trùng tên lô này: hãy chuyển nó đi rồi xuất lại.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="345"/>
        <source>Writing to the stick failed (was it pulled out, or is it full?). Nothing was marked exported: plug it in and export again.</source>
        <translation>Ghi vào USB không được (USB bị rút ra hay đã đầy?). Chưa mục nào bị đánh dấu đã xuất: hãy cắm lại và xuất lại.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="349"/>
        <source>The batch did not read back whole from the stick: it may be failing. Nothing was marked exported: try another stick.</source>
        <translation>Đọc lại lô từ USB không còn nguyên vẹn: USB có thể bị hỏng. Chưa mục nào bị đánh dấu đã xuất: hãy thử USB khác.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="332"/>
        <source>The export failed; nothing was marked exported.</source>
        <translation>Xuất lô không thành công; chưa mục nào bị đánh dấu đã xuất.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="353"/>
        <source>A page scan this batch carries is missing or damaged on this computer. Nothing was marked exported: restore the station&apos;s scans from a backup (Backups window), then export again.</source>
        <translation>Một ảnh quét trang mà lô này mang theo bị thiếu hoặc hỏng trên máy này. Chưa mục nào được đánh dấu đã xuất: hãy khôi phục ảnh quét của trạm từ một bản sao lưu (cửa sổ Sao lưu), rồi xuất lại.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="364"/>
        <source>Export entries unverified</source>
        <translation>Xuất các mục chưa xác minh</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="365"/>
        <source>Why do these entries go to the centre before they are verified?</source>
        <translation>Vì sao gửi các mục này cho trung tâm trước khi được xác minh?</translation>
    </message>
    <message>
        <location filename="../../ui/batches/dialog.py" line="377"/>
        <source>{count} entries go in the next batch unverified; your reason is kept.</source>
        <translation>{count} mục sẽ vào lô tiếp theo khi chưa xác minh; lý do của anh/chị được lưu lại.</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="117"/>
        <source>Checks across entries</source>
        <translation>Kiểm tra giữa các mục</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="132"/>
        <source>Run the checks now (Ctrl+R)</source>
        <translation>Kiểm tra ngay (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="133"/>
        <source>Resolve… (Ctrl+S)</source>
        <translation>Đã sửa… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="134"/>
        <source>Dismiss… (Ctrl+D)</source>
        <translation>Bỏ qua… (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="135"/>
        <source>Open the entry (Enter)</source>
        <translation>Mở mục (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="163"/>
        <source>What was found</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="166"/>
        <source>Book</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="165"/>
        <source>Entries</source>
        <translation>Các mục</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="164"/>
        <source>Found on</source>
        <translation>Phát hiện lúc</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="216"/>
        <source>no. {number}: {title}</source>
        <translation>số {number}: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="178"/>
        <source>Possible duplicate: {score}%</source>
        <translation>Có thể trùng người: {score}%</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="136"/>
        <source>Its page (Ctrl+T)</source>
        <translation>Trang của mục (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="182"/>
        <source>No. {number} of {year} keyed {count} times</source>
        <translation>Số {number} năm {year} được nhập {count} lần</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="186"/>
        <source>No. {number} of {year} skipped</source>
        <translation>Bỏ qua số {number} năm {year}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="188"/>
        <source>Nos. {first}–{last} of {year} skipped</source>
        <translation>Bỏ qua các số {first}–{last} năm {year}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="194"/>
        <source>No. {after} registered on {after_date}, before no. {before} ({before_date})</source>
        <translation>Số {after} đăng ký ngày {after_date}, sớm hơn số {before} ({before_date})</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="198"/>
        <source>Only {percent}% read from the book: {count} field(s) not read</source>
        <translation>Chỉ đọc được {percent}% từ sổ: {count} trường chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="201"/>
        <source>Not a place of the gazetteer: {places}</source>
        <translation>Địa danh không có trong danh mục hành chính: {places}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="225"/>
        <source>Not read: {fields}</source>
        <translation>Chưa có: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="255"/>
        <source>{count} finding(s) wait for a decision.</source>
        <translation>{count} phát hiện đang chờ quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="262"/>
        <source>No finding waits for a decision. Ctrl+R runs the checks again.</source>
        <translation>Không có phát hiện nào chờ quyết định. Ctrl+R để kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="284"/>
        <location filename="../../ui/quality/findings_window.py" line="288"/>
        <source>Checking every entry…</source>
        <translation>Đang kiểm tra mọi mục…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="303"/>
        <source>The checks found {new} new finding(s); {open} wait for a decision.</source>
        <translation>Kiểm tra thấy {new} phát hiện mới; {open} phát hiện đang chờ quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="320"/>
        <source>Resolve the finding</source>
        <translation>Ghi nhận đã sửa</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="321"/>
        <source>What was corrected?</source>
        <translation>Đã sửa những gì?</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="329"/>
        <source>Dismiss the finding</source>
        <translation>Bỏ qua phát hiện</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="330"/>
        <source>Why is this not a problem (e.g. two different people)?</source>
        <translation>Vì sao đây không phải là lỗi (ví dụ: hai người khác nhau)?</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="346"/>
        <source>Only a team lead decides on a finding.</source>
        <translation>Chỉ tổ trưởng mới quyết định được một phát hiện.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="349"/>
        <source>The finding was not decided.</source>
        <translation>Phát hiện chưa được quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="357"/>
        <source>Resolved; the reason is kept.</source>
        <translation>Đã ghi nhận đã sửa; lý do được lưu lại.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="359"/>
        <source>Dismissed; the reason is kept.</source>
        <translation>Đã bỏ qua; lý do được lưu lại.</translation>
    </message>
</context>
<context>
    <name>FinishBookQuestion</name>
    <message>
        <location filename="../../ui/keying/book_words.py" line="44"/>
        <source>Book finished</source>
        <translation>Đã nhập xong sổ</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="54"/>
        <source>Every entry of this book is keyed? It leaves the queue.</source>
        <translation>Đã nhập hết các mục của sổ này? Sổ sẽ ra khỏi hàng chờ.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="60"/>
        <source>{count} entries are deferred: they stay in the team lead&apos;s list of deferred entries.</source>
        <translation>{count} mục để lại xử lý sau: các mục này vẫn nằm trong danh sách các mục để lại của tổ trưởng.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="66"/>
        <source>{count} entries were begun and never saved (drafts).</source>
        <translation>{count} mục đang nhập dở, chưa lưu (bản nháp).</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="72"/>
        <source>{keyed} entries are keyed of the {expected} expected.</source>
        <translation>Mới nhập {keyed} trong số {expected} mục dự kiến.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="79"/>
        <source>This book is not keyed to its end:</source>
        <translation>Sổ này chưa nhập hết:</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="81"/>
        <source>Mark it finished all the same? It leaves the queue.</source>
        <translation>Vẫn đánh dấu đã nhập xong? Sổ sẽ ra khỏi hàng chờ.</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="61"/>
        <source>Hand over a book</source>
        <translation>Bàn giao sổ</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="76"/>
        <source>Books with entries done (finished books first)</source>
        <translation>Các sổ đã có mục nhập xong (sổ đã hoàn thành lên trước)</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="84"/>
        <source>The stick&apos;s folder, e.g. E:\</source>
        <translation>Thư mục trên USB, ví dụ E:\</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="87"/>
        <source>None: Sohoa&apos;s own columns</source>
        <translation>Không có: dùng các cột của Sohoa</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="92"/>
        <source>How each entry&apos;s PDF is named. {kind_code}: KS, KH, KT or NCN; {year}: the entry&apos;s year; {volume}, {page}, {number}; also {book_year}, {station}, {uuid}.</source>
        <translation>Cách đặt tên tệp PDF của mỗi mục. {kind_code}: KS, KH, KT hoặc NCN; {year}: năm đăng ký của mục; {volume}, {page}, {number}: quyển, trang, số; ngoài ra {book_year}, {station}, {uuid}.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="96"/>
        <source>Hand over (Ctrl+Enter)</source>
        <translation>Bàn giao (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="104"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="106"/>
        <source>Ministry&apos;s template (optional):</source>
        <translation>Mẫu của Bộ (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="109"/>
        <source>PDF names:</source>
        <translation>Tên tệp PDF:</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="110"/>
        <source>Where, and how</source>
        <translation>Lưu ở đâu, đặt tên thế nào</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="129"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="143"/>
        <source>Kind</source>
        <translation>Loại sổ</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="144"/>
        <source>Volume</source>
        <translation>Quyển</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="145"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="146"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="147"/>
        <source>Deferred</source>
        <translation>Để lại sau</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="148"/>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="150"/>
        <source>Pages scanned</source>
        <translation>Trang đã quét</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="152"/>
        <source>Finished</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="152"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="153"/>
        <source>Office</source>
        <translation>Nơi đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="171"/>
        <source>No book has entries done yet: there is nothing to hand over.</source>
        <translation>Chưa sổ nào có mục nhập xong: chưa có gì để bàn giao.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="196"/>
        <source>The workbook will have {rows} rows, one per entry completed or verified; the zip {pdfs} PDFs, one per entry whose page is scanned.</source>
        <translation>Tệp Excel sẽ có {rows} dòng, mỗi dòng một mục đã hoàn thành hoặc đã kiểm tra; tệp zip có {pdfs} tệp PDF, mỗi tệp một mục có trang đã quét.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="209"/>
        <source>Not handed over: {deferred} deferred, {drafts} drafts, {waiting} awaiting their second keying.</source>
        <translation>Không bàn giao: {deferred} mục để lại sau, {drafts} bản nháp, {waiting} mục đang chờ nhập lần hai.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="219"/>
        <source>{count} entries will have no PDF: their page is not scanned.</source>
        <translation>{count} mục sẽ không có tệp PDF: trang của mục chưa được quét.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="231"/>
        <source>The folder to hand the book over in</source>
        <translation>Thư mục để lưu bộ bàn giao của sổ</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="239"/>
        <source>The Ministry&apos;s template</source>
        <translation>Mẫu của Bộ</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="240"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="255"/>
        <source>Choose the folder first.</source>
        <translation>Hãy chọn thư mục trước.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="259"/>
        <source>There is no template at {path}.</source>
        <translation>Không có tệp mẫu tại {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="268"/>
        <source>Handing the book over into {folder}…</source>
        <translation>Đang bàn giao sổ vào {folder}…</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="293"/>
        <location filename="../../ui/handoff/dialog.py" line="383"/>
        <source>The PDF names cannot be made from this pattern.</source>
        <translation>Không thể đặt tên tệp PDF theo mẫu tên này.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="307"/>
        <source>Hand over a book that is not whole?</source>
        <translation>Bàn giao sổ khi chưa đầy đủ?</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="313"/>
        <source>Hand it over anyway</source>
        <translation>Vẫn bàn giao</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="316"/>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="338"/>
        <source>{path}: {rows} rows, one per entry handed.</source>
        <translation>{path}: {rows} dòng, mỗi dòng một mục được bàn giao.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="344"/>
        <source>{path}: {pdfs} PDFs, each checked to open.</source>
        <translation>{path}: {pdfs} tệp PDF, từng tệp đã được kiểm tra mở được.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="349"/>
        <source>No zip: no page of the book is scanned.</source>
        <translation>Không có tệp zip: sổ chưa có trang nào được quét.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="352"/>
        <source>Columns of the template left empty: {headers}.</source>
        <translation>Các cột của mẫu để trống: {headers}.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="358"/>
        <source>{count} PDF names were taken twice: a suffix was added ({example}).</source>
        <translation>{count} tên tệp PDF bị trùng: đã thêm hậu tố ({example}).</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="370"/>
        <source>This book is no longer on the station.</source>
        <translation>Sổ này không còn trên trạm.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="372"/>
        <source>The book changed since it was shown (an entry keyed, deferred or drawn for second keying): nothing was written. Look at it again, then hand it over.</source>
        <translation>Sổ đã thay đổi từ lúc hiển thị (có mục vừa được nhập, để lại sau hoặc được chọn nhập lần hai): chưa ghi gì. Hãy xem lại sổ rồi bàn giao.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="380"/>
        <source>No entry of this book is completed or verified: there is nothing to hand over.</source>
        <translation>Sổ này chưa có mục nào hoàn thành hoặc đã kiểm tra: không có gì để bàn giao.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="382"/>
        <source>The folder is not there: is the stick plugged in?</source>
        <translation>Không thấy thư mục: USB đã được cắm vào chưa?</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="384"/>
        <source>The template cannot be read as an Excel workbook.</source>
        <translation>Không đọc được tệp mẫu như một tệp Excel.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="386"/>
        <source>The columns file of this kind of book is damaged: tell whoever installed Sohoa.</source>
        <translation>Tệp cột của loại sổ này bị hỏng: hãy báo người đã cài đặt Sohoa.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="389"/>
        <source>A scanned page of the book is missing or damaged in the station&apos;s data: nothing was written. Import the page again.</source>
        <translation>Một trang quét của sổ bị thiếu hoặc hỏng trong dữ liệu của trạm: chưa ghi gì. Hãy nhập lại trang đó.</translation>
    </message>
    <message>
        <location filename="../../ui/handoff/dialog.py" line="393"/>
        <source>The files did not read back whole: nothing was written. Try another stick.</source>
        <translation>Đọc lại các tệp không đầy đủ: chưa ghi gì. Hãy thử USB khác.</translation>
    </message>
</context>
<context>
    <name>ImportScansDialog</name>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="63"/>
        <source>Scanned pages of a book</source>
        <translation>Ảnh quét các trang của sổ</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="74"/>
        <source>after the book&apos;s last page</source>
        <translation>sau trang cuối của sổ</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="76"/>
        <source>Number the first page imported</source>
        <translation>Số trang của trang đầu tiên được nhập</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="77"/>
        <source>Choose files…</source>
        <translation>Chọn các tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="80"/>
        <source>Choose a folder…</source>
        <translation>Chọn một thư mục…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="121"/>
        <source>{scanned} pages scanned; the inventory does not say how many</source>
        <translation>Đã quét {scanned} trang; danh mục không ghi số trang của sổ</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="124"/>
        <source>{scanned} pages scanned of the {expected} the inventory expects</source>
        <translation>Đã quét {scanned} trang trên {expected} trang theo danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="135"/>
        <source>The page images, in page order</source>
        <translation>Ảnh các trang, theo thứ tự trang</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="137"/>
        <source>Page images ({patterns})</source>
        <translation>Ảnh trang sổ ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="145"/>
        <source>The folder of the book&apos;s page images</source>
        <translation>Thư mục chứa ảnh các trang của sổ</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="155"/>
        <source>Reading the page images…</source>
        <translation>Đang đọc ảnh các trang…</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="163"/>
        <source>Importing scanned pages</source>
        <translation>Đang nhập ảnh quét các trang</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="186"/>
        <source>Only the team lead imports a book&apos;s scans.</source>
        <translation>Chỉ tổ trưởng mới được nhập ảnh quét của sổ.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="188"/>
        <source>The book is no longer in the inventory, or the first page is not a number of 1 or more: nothing was imported.</source>
        <translation>Quyển sổ không còn trong danh mục, hoặc số trang đầu không phải là số từ 1 trở lên: chưa nhập trang nào.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="204"/>
        <source>{count} pages added: pages {pages}.</source>
        <translation>Đã thêm {count} trang: trang {pages}.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="208"/>
        <source>No page was added.</source>
        <translation>Không có trang nào được thêm.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="210"/>
        <source>{count} refused (below).</source>
        <translation>{count} tệp bị từ chối (xem bên dưới).</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="215"/>
        <source>Pages {pages} are left without a scan: import each mended file on its own, numbering its first page as that page.</source>
        <translation>Các trang {pages} chưa có ảnh quét: hãy nhập lại riêng từng tệp đã sửa, đặt số trang đầu tiên là đúng trang đó.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/import_dialog.py" line="221"/>
        <source>The book now has {over} pages more than the inventory expects: check that they are its own.</source>
        <translation>Sổ hiện có nhiều hơn số trang trong danh mục {over} trang: hãy kiểm tra xem đúng là trang của sổ này không.</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <location filename="../../ui/work/inventory.py" line="47"/>
        <source>Books to key</source>
        <translation>Danh mục sổ cần nhập</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="70"/>
        <source>Kind</source>
        <translation>Loại sổ</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="71"/>
        <source>Office</source>
        <translation>Cơ quan đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="72"/>
        <source>Volume</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="73"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="74"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="75"/>
        <source>Expected entries</source>
        <translation>Số mục dự kiến</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="76"/>
        <source>Condition</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="92"/>
        <source>Register the book</source>
        <translation>Thêm sổ vào danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="95"/>
        <source>Import from file…</source>
        <translation>Nhập danh mục từ tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="123"/>
        <source>Registered: {kind}, volume {volume} of {year}, {office}.</source>
        <translation>Đã thêm: {kind}, quyển {volume} năm {year}, {office}.</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="139"/>
        <source>Import books</source>
        <translation>Nhập danh mục sổ từ tệp</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="140"/>
        <source>Lists of books (*.csv *.xlsx)</source>
        <translation>Danh mục sổ (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="161"/>
        <source>Nothing registered: correct these rows of {file} and import it again.</source>
        <translation>Chưa thêm sổ nào: hãy sửa các dòng sau trong {file} rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="168"/>
        <source>{registered} book(s) registered, {skipped} already registered.</source>
        <translation>Đã thêm {registered} sổ, {skipped} sổ đã có từ trước.</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="173"/>
        <source>Columns left out: {columns}.</source>
        <translation>Các cột không dùng: {columns}.</translation>
    </message>
    <message>
        <location filename="../../ui/work/inventory.py" line="185"/>
        <source>Row {row}: {message}</source>
        <translation>Dòng {row}: {message}</translation>
    </message>
</context>
<context>
    <name>KeyingPanel</name>
    <message>
        <location filename="../../ui/keying/panel.py" line="98"/>
        <source>No book is open: F6 lists the books, Ctrl+N opens the next one.</source>
        <translation>Chưa mở sổ nào: F6 để xem danh sách sổ, Ctrl+N để mở sổ tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="105"/>
        <source>Book finished (Ctrl+Shift+F)</source>
        <translation>Đã nhập xong sổ (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="106"/>
        <source>Second keying (F11)</source>
        <translation>Nhập lần hai (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="107"/>
        <source>Defer (F9)</source>
        <translation>Xử lý sau (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="108"/>
        <source>Save and next (F10)</source>
        <translation>Lưu và sang mục sau (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="142"/>
        <source>Books</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="208"/>
        <source>Only the book you key can be marked finished.</source>
        <translation>Chỉ sổ bạn đang nhập mới được đánh dấu đã nhập xong.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="23"/>
        <source>{name} is keying this book. One book is keyed by one clerk at a time.</source>
        <translation>{name} đang nhập sổ này. Mỗi sổ chỉ do một người nhập tại một thời điểm.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="27"/>
        <source>This book is finished or held by the team lead.</source>
        <translation>Sổ này đã nhập xong hoặc đang được tổ trưởng tạm giữ.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/book_words.py" line="30"/>
        <source>You key your own book or the next one in the queue (Ctrl+N): the team lead sets the order.</source>
        <translation>Bạn nhập sổ của mình hoặc sổ tiếp theo trong hàng chờ (Ctrl+N); thứ tự do tổ trưởng sắp xếp.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="198"/>
        <source>No book is waiting in the queue.</source>
        <translation>Không còn sổ nào chờ nhập.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="296"/>
        <source>Typing…</source>
        <translation>Đang gõ…</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="319"/>
        <source>Draft saved</source>
        <translation>Đã lưu nháp</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="321"/>
        <source>Changes kept; F10 saves them into the entry</source>
        <translation>Đã giữ các thay đổi; nhấn F10 để lưu vào mục</translation>
    </message>
    <message>
        <location filename="../../ui/keying/panel.py" line="421"/>
        <source>Not saved</source>
        <translation>Chưa lưu được</translation>
    </message>
</context>
<context>
    <name>KeysHelp</name>
    <message>
        <location filename="../../ui/keys_help.py" line="24"/>
        <source>Keyboard keys</source>
        <translation>Các phím tắt</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="27"/>
        <location filename="../../ui/keys_help.py" line="91"/>
        <source>Keying</source>
        <translation>Nhập liệu</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="28"/>
        <source>The page beside the form</source>
        <translation>Trang sổ bên cạnh biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="29"/>
        <source>Books</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="32"/>
        <source>Team lead</source>
        <translation>Tổ trưởng</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="33"/>
        <source>Station</source>
        <translation>Trạm</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="51"/>
        <source>Save the entry and open the next</source>
        <translation>Lưu mục và sang mục sau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="52"/>
        <source>Defer the entry (“hard later”), with its reason</source>
        <translation>Để mục lại xử lý sau (“khó làm sau”), kèm lý do</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="53"/>
        <source>The next field; Shift+Tab: the one before</source>
        <translation>Sang ô sau; Shift+Tab: về ô trước</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="54"/>
        <source>The field cannot be read in the book</source>
        <translation>Ô này trong sổ không đọc được</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="55"/>
        <source>The field is read, but uncertain</source>
        <translation>Ô này đọc được nhưng chưa chắc chắn</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="56"/>
        <source>The field is blank in the book</source>
        <translation>Ô này trong sổ để trống</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="57"/>
        <source>Take the text the field&apos;s warning offers (TCVN3, VNI, VIQR)</source>
        <translation>Lấy chữ mà cảnh báo của ô đề xuất (chữ gõ theo TCVN3, VNI, VIQR)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="58"/>
        <source>Choose a suggested place or ethnic group</source>
        <translation>Chọn địa danh hoặc dân tộc được gợi ý</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="59"/>
        <source>To the book&apos;s list of entries, and back to the form</source>
        <translation>Sang danh sách mục của sổ, rồi quay lại biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="60"/>
        <source>In the list of entries: open the entry in the form</source>
        <translation>Trong danh sách mục: mở mục trong biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="61"/>
        <source>Second keying: key again, blind, entries others keyed</source>
        <translation>Nhập lần hai: nhập lại, không xem lần nhập đầu, các mục người khác đã nhập</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="62"/>
        <source>Leave the second keying (it asks first if you typed)</source>
        <translation>Rời nhập lần hai (nếu đã gõ, sẽ hỏi trước)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="70"/>
        <source>The entry is on the next page, or the one before (its Page field)</source>
        <translation>Mục nằm ở trang sau, hoặc trang trước (ô Trang của mục)</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="74"/>
        <source>Look at the next page, or the one before; the entry stays on its own</source>
        <translation>Xem trang sau hoặc trang trước; mục vẫn ở trang của nó</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="76"/>
        <source>Zoom the page in, or out</source>
        <translation>Phóng to hoặc thu nhỏ trang</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="77"/>
        <source>The page as wide as its place again</source>
        <translation>Trang vừa khít bề ngang trở lại</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="78"/>
        <source>Move about the page</source>
        <translation>Di chuyển trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="79"/>
        <source>Turn the page a quarter</source>
        <translation>Xoay trang một góc vuông</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="80"/>
        <source>More contrast, or less</source>
        <translation>Tăng hoặc giảm độ tương phản</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="82"/>
        <source>Shift+drag</source>
        <translation>Shift+kéo chuột</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="83"/>
        <source>Mark with the mouse where the entry is on its page</source>
        <translation>Dùng chuột đánh dấu vị trí của mục trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="85"/>
        <source>Take away the mark of where the entry is</source>
        <translation>Bỏ dấu vị trí của mục trên trang</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="90"/>
        <source>The books of the station</source>
        <translation>Các quyển sổ của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="92"/>
        <source>Your book, or the next book in the queue</source>
        <translation>Sổ của bạn, hoặc sổ tiếp theo trong hàng chờ</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="93"/>
        <source>The book is finished: every entry is keyed</source>
        <translation>Đã nhập xong sổ: mọi mục của sổ đã được nhập</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="97"/>
        <source>In the books list: open the chosen book</source>
        <translation>Trong danh sách sổ: mở sổ đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="98"/>
        <source>Move the chosen book up or down the queue</source>
        <translation>Đưa sổ đã chọn lên hoặc xuống trong hàng chờ</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="99"/>
        <source>Hold the chosen book, or let it go</source>
        <translation>Tạm giữ sổ đã chọn, hoặc bỏ giữ</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="100"/>
        <source>Take the chosen book back from its clerk</source>
        <translation>Thu hồi sổ đã chọn từ người đang nhập</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="101"/>
        <source>Reopen the chosen finished book</source>
        <translation>Mở lại sổ đã nhập xong đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="102"/>
        <source>Register books</source>
        <translation>Thêm sổ</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="103"/>
        <source>Import the scanned pages of the chosen book</source>
        <translation>Nhập ảnh quét các trang của quyển sổ đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="106"/>
        <source>The deferred entries the team lead handed to you</source>
        <translation>Các mục để lại mà tổ trưởng giao cho bạn</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="111"/>
        <source>The dashboard</source>
        <translation>Bảng theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="112"/>
        <source>Deferred entries; in them, Ctrl+G hands one to a clerk</source>
        <translation>Các mục để lại; trong đó, Ctrl+G giao một mục cho cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="113"/>
        <source>Shifts and quotas</source>
        <translation>Ca và định mức</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="114"/>
        <source>Daily report</source>
        <translation>Báo cáo ngày</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="115"/>
        <source>Export a batch; in it, Ctrl+Enter exports, Ctrl+R writes again</source>
        <translation>Xuất lô; trong cửa sổ xuất lô, Ctrl+Enter để xuất, Ctrl+R để ghi lại lô đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="116"/>
        <source>Arbitrate two keyings that differ</source>
        <translation>Đối chiếu hai lần nhập khác nhau</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="117"/>
        <source>In arbitration: take the first or the second keying</source>
        <translation>Khi đối chiếu: lấy lần nhập thứ nhất hoặc thứ hai</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="118"/>
        <source>In arbitration: save the decision and go on</source>
        <translation>Khi đối chiếu: lưu quyết định và sang mục tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="119"/>
        <source>Checks across entries</source>
        <translation>Kiểm tra giữa các mục</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="120"/>
        <source>In the checks: run them, resolve, dismiss</source>
        <translation>Trong cửa sổ kiểm tra: chạy kiểm tra, đã sửa, bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="123"/>
        <source>In the checks and the deferred entries: the entry&apos;s scanned page</source>
        <translation>Trong danh sách kiểm tra và các mục xử lý sau: trang quét của mục</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="125"/>
        <source>Hand over a book as the Ministry asks: Excel and PDFs</source>
        <translation>Bàn giao sổ theo yêu cầu của Bộ: Excel và PDF</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="130"/>
        <source>This list of keys</source>
        <translation>Danh sách phím tắt này</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="131"/>
        <source>Change your password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="132"/>
        <source>Lock the screen</source>
        <translation>Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="133"/>
        <source>Log out, for another user</source>
        <translation>Đăng xuất để người khác đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="137"/>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/keys_help.py" line="138"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
</context>
<context>
    <name>Leaving</name>
    <message>
        <location filename="../../ui/quality/leaving.py" line="15"/>
        <source>Leave without saving?</source>
        <translation>Rời đi mà không lưu?</translation>
    </message>
    <message>
        <location filename="../../ui/quality/leaving.py" line="21"/>
        <source>Leave, and lose what I typed</source>
        <translation>Rời đi, bỏ những gì đã gõ</translation>
    </message>
    <message>
        <location filename="../../ui/quality/leaving.py" line="26"/>
        <source>Go on</source>
        <translation>Tiếp tục nhập</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="53"/>
        <source>Sohoa — locked</source>
        <translation>Sohoa — đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="54"/>
        <source>Sohoa is locked</source>
        <translation>Sohoa đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="58"/>
        <source>You locked the screen.</source>
        <translation>Bạn đã tự khóa màn hình.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="60"/>
        <source>The screen locked itself after {minutes} minutes without use.</source>
        <translation>Màn hình tự khóa sau {minutes} phút không dùng.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="64"/>
        <source>{name} ({username}): type your password to go on where you left off.</source>
        <translation>{name} ({username}): gõ mật khẩu để làm tiếp từ chỗ đã dừng.</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="70"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="78"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="82"/>
        <source>Another user…</source>
        <translation>Người dùng khác…</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="86"/>
        <source>Log this user out (their entry is kept as a draft) and open the login window</source>
        <translation>Đăng xuất người dùng này (bản ghi đang nhập được giữ làm bản nháp) và mở cửa sổ đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="119"/>
        <source>Wrong password.</source>
        <translation>Sai mật khẩu.</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../ui/access/lock_screen.py" line="140"/>
        <source>Too many wrong passwords: this user is locked out until {time}.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: người dùng này bị khóa đến {time}.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/access/login.py" line="53"/>
        <source>Sohoa — log in</source>
        <translation>Sohoa — đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="64"/>
        <source>Outside the shifts</source>
        <translation>Ngoài giờ ca</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="66"/>
        <source>Shift {number} ({start}–{end})</source>
        <translation>Ca {number} ({start}–{end})</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="79"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="80"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="81"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="86"/>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="97"/>
        <source>Checking the station&apos;s data first: a moment, and you are logged in.</source>
        <translation>Đang kiểm tra dữ liệu của trạm trước: chờ một lát là đăng nhập xong.</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="103"/>
        <source>The station&apos;s data is damaged: no one logs in to it.</source>
        <translation>Dữ liệu của trạm bị hỏng: không ai đăng nhập vào được.</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="110"/>
        <source>Wrong user name or password.</source>
        <translation>Tên đăng nhập hoặc mật khẩu không đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/access/login.py" line="124"/>
        <source>Choose your own password to log in.</source>
        <translation>Hãy chọn mật khẩu của riêng mình để đăng nhập.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Sohoa — station {code} ({office})</source>
        <translation>Sohoa — trạm {code} ({office})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Books (F6)</source>
        <translation>Các quyển sổ (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Keying (F7)</source>
        <translation>Nhập liệu (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Dashboard (F8)</source>
        <translation>Bảng theo dõi (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Test keyring: not for real work</source>
        <translation>Kho khóa thử nghiệm: không dùng cho công việc thật</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>Batches are signed with a key the system does not protect: it is kept in a file anyone who can read it may copy (SOHOA_ALLOW_PLAINTEXT_KEYRING).</source>
        <translation>Các lô được ký bằng một khóa mà hệ điều hành không bảo vệ: khóa nằm trong một tệp, ai đọc được tệp đó đều có thể sao chép (SOHOA_ALLOW_PLAINTEXT_KEYRING).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>User: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>Outside the shifts</source>
        <translation>Ngoài giờ ca</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>Shift {number} ({start}–{end})</source>
        <translation>Ca {number} ({start}–{end})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Entries today: {count}</source>
        <translation>Số mục hôm nay: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Entries this shift: {count}</source>
        <translation>Số mục trong ca: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Entries this shift: {count} of {quota}</source>
        <translation>Số mục trong ca: {count}/{quota}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Your password is changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/operations.py" line="61"/>
        <source>The data is locked by another program, so nothing was changed. Wait a moment, then try again.</source>
        <translation>Dữ liệu đang bị một chương trình khác khóa nên chưa có gì thay đổi. Hãy chờ một lát rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="66"/>
        <source>The disk is full, so nothing was changed. Ask whoever looks after the computer to free some space, then try again.</source>
        <translation>Ổ đĩa đã đầy nên chưa có gì thay đổi. Hãy nhờ người quản lý máy giải phóng bớt dung lượng, rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="71"/>
        <source>The station&apos;s data cannot be written (the file or its folder is read-only), so nothing was changed. Ask whoever looks after the computer.</source>
        <translation>Không thể ghi dữ liệu của trạm (tệp hoặc thư mục của nó chỉ cho phép đọc) nên chưa có gì thay đổi. Hãy báo người quản lý máy.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="76"/>
        <source>The station&apos;s database is damaged, so nothing was changed. Close Sohoa and tell the team lead: a backup can be restored.</source>
        <translation>Cơ sở dữ liệu của trạm bị hỏng nên chưa có gì thay đổi. Hãy đóng Sohoa và báo tổ trưởng: có thể khôi phục từ một bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="81"/>
        <source>The data could not be written, so nothing was changed. Try again, and tell the team lead if it happens again.</source>
        <translation>Không ghi được dữ liệu nên chưa có gì thay đổi. Hãy thử lại, và báo tổ trưởng nếu lỗi này lặp lại.</translation>
    </message>
</context>
<context>
    <name>OutcomeLine</name>
    <message>
        <location filename="../../ui/keying/outcome.py" line="41"/>
        <source>Entry {number} saved.</source>
        <translation>Đã lưu mục số {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="48"/>
        <source>Entry {number} deferred.</source>
        <translation>Đã chuyển mục số {number} sang xử lý sau.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="53"/>
        <source>Not saved: {count} problem(s). Correct them, or defer the entry (F9).</source>
        <translation>Chưa lưu được: {count} chỗ cần sửa. Hãy sửa, hoặc chuyển mục này sang xử lý sau (F9).</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="72"/>
        <source>The entry is NOT saved: the data is locked by another program. What you typed is still in the form; wait a moment, then save again.</source>
        <translation>Mục này CHƯA được lưu: dữ liệu đang bị khóa bởi một chương trình khác. Những gì đã nhập vẫn còn trên màn hình; chờ một lát rồi lưu lại.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="77"/>
        <source>The entry is NOT saved: the disk is full. What you typed is still in the form; ask whoever looks after the computer to free some space, then save again.</source>
        <translation>Mục này CHƯA được lưu: ổ đĩa của máy đã đầy. Những gì đã nhập vẫn còn trên màn hình; hãy nhờ người phụ trách máy tính dọn bớt chỗ trống, rồi lưu lại.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="81"/>
        <source>The entry is NOT saved: the data could not be written. What you typed is still in the form; save again, and tell the team lead if it happens again.</source>
        <translation>Mục này CHƯA được lưu: không ghi được dữ liệu. Những gì đã nhập vẫn còn trên màn hình; hãy lưu lại, và báo cho tổ trưởng nếu lỗi còn lặp lại.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="90"/>
        <source>Only {percent}% of it was read from the book: the team lead will look at it.</source>
        <translation>Chỉ đọc được {percent}% từ sổ: tổ trưởng sẽ xem lại.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="94"/>
        <source>The gazetteer does not know {places}: the team lead will look at it.</source>
        <translation>Danh mục hành chính không có {places}: tổ trưởng sẽ xem lại.</translation>
    </message>
    <message>
        <location filename="../../ui/keying/outcome.py" line="98"/>
        <source>It may be the same person as {entry} ({title}): the team lead will look at it.</source>
        <translation>Có thể trùng người với {entry} ({title}): tổ trưởng sẽ xem lại.</translation>
    </message>
</context>
<context>
    <name>PageDialog</name>
    <message>
        <location filename="../../ui/scans/page_dialog.py" line="30"/>
        <source>The entry&apos;s page</source>
        <translation>Trang của mục</translation>
    </message>
</context>
<context>
    <name>PageRenderer</name>
    <message>
        <location filename="../../ui/scans/renderer.py" line="94"/>
        <source>Showing the page</source>
        <translation>Đang hiện trang</translation>
    </message>
    <message>
        <location filename="../../ui/scans/renderer.py" line="113"/>
        <source>This page&apos;s scan is missing from the station&apos;s scans, or damaged. Tell the team lead: importing the page again mends it.</source>
        <translation>Ảnh quét của trang này không có trong kho ảnh của trạm, hoặc đã hỏng. Hãy báo tổ trưởng: nhập lại trang đó sẽ sửa được.</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../ui/scans/page_view.py" line="200"/>
        <source>Page: not keyed</source>
        <translation>Trang: chưa nhập</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="202"/>
        <source>Page {page} / {last}</source>
        <translation>Trang {page} / {last}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="204"/>
        <source>Page {page}: no scan</source>
        <translation>Trang {page}: chưa có ảnh quét</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="208"/>
        <source>the entry is on page {page}</source>
        <translation>mục này ở trang {page}</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="214"/>
        <source>This book has no scanned pages.</source>
        <translation>Sổ này chưa có trang nào được quét.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="217"/>
        <source>The entry&apos;s page is not keyed: type it in the Page field, or Ctrl+PageDown moves the entry to the next page.</source>
        <translation>Chưa nhập trang của mục: gõ vào ô Trang, hoặc bấm Ctrl+PageDown để chuyển mục sang trang sau.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="222"/>
        <source>Page {page} has no scan: the book&apos;s scans are pages {first} to {last}.</source>
        <translation>Trang {page} chưa có ảnh quét: ảnh quét của sổ là trang {first} đến {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/scans/page_view.py" line="224"/>
        <source>Showing page {page}…</source>
        <translation>Đang hiện trang {page}…</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <location filename="../../ui/centre/progress.py" line="43"/>
        <source>% of the target received
(lighter: by the deadline at this pace)</source>
        <translation>% chỉ tiêu đã nhận
(màu nhạt: đến hạn theo nhịp hiện nay)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="44"/>
        <location filename="../../ui/centre/progress.py" line="67"/>
        <location filename="../../ui/centre/progress.py" line="120"/>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="55"/>
        <location filename="../../ui/centre/progress.py" line="130"/>
        <source>Entries received at the centre, in the batches taken in</source>
        <translation>Số mục trung tâm đã nhận, trong các lô đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="58"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="61"/>
        <source>Red: the district&apos;s projected finish misses its deadline</source>
        <translation>Màu đỏ: huyện dự kiến không xong kịp hạn</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="64"/>
        <source>Stations</source>
        <translation>Số trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="70"/>
        <source>Entries the plan sets</source>
        <translation>Số mục kế hoạch giao</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="74"/>
        <location filename="../../ui/centre/progress.py" line="127"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="81"/>
        <location filename="../../ui/centre/progress.py" line="134"/>
        <source>% of target</source>
        <translation>% chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="84"/>
        <location filename="../../ui/centre/progress.py" line="137"/>
        <source>Entries received at the centre, as a share of the target</source>
        <translation>Số mục trung tâm đã nhận, tính theo % chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="88"/>
        <location filename="../../ui/centre/progress.py" line="159"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="93"/>
        <location filename="../../ui/centre/progress.py" line="164"/>
        <source>Projected</source>
        <translation>Dự kiến
xong</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="97"/>
        <source>The day the target is reached at the pace of the last {days} days</source>
        <translation>Ngày đạt chỉ tiêu theo nhịp của {days} ngày gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="102"/>
        <source>Late</source>
        <translation>Chậm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="105"/>
        <source>Stations whose projected finish misses their deadline</source>
        <translation>Số trạm dự kiến không xong kịp hạn</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="109"/>
        <source>Silent</source>
        <translation>Im lặng</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="112"/>
        <source>Stations that sent no batch lately, or never</source>
        <translation>Số trạm lâu nay không gửi lô, hoặc chưa gửi lô nào</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="123"/>
        <source>Entries the plan sets the station</source>
        <translation>Số mục kế hoạch giao cho trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="141"/>
        <source>Today</source>
        <translation>Nhận
hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="145"/>
        <source>Entries received at the centre that were completed today (Vietnam time)</source>
        <translation>Số mục trung tâm đã nhận được hoàn thành trong hôm nay (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="150"/>
        <source>A day</source>
        <translation>Mục/ngày</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="153"/>
        <source>Entries received a day, over the last {days} days</source>
        <translation>Số mục nhận được mỗi ngày, tính trên {days} ngày gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="167"/>
        <source>The day the target is reached at that pace; red: too late</source>
        <translation>Ngày đạt chỉ tiêu theo nhịp đó; màu đỏ: quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="171"/>
        <source>Done (station)</source>
        <translation>Trạm
báo xong</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="175"/>
        <source>Entries done as the station&apos;s newest summary says: it counts also what is keyed but not sent yet, so it may be more than the centre received</source>
        <translation>Số mục đã xong theo bản tóm tắt mới nhất của trạm: tính cả những mục đã nhập mà chưa gửi, nên có thể nhiều hơn số trung tâm đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="180"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/centre/progress.py" line="186"/>
        <source>Whole province</source>
        <translation>Toàn tỉnh</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/quality/findings_window.py" line="94"/>
        <source>Write the reason first: it is kept with the decision, so that whoever checks it later knows why.</source>
        <translation>Hãy ghi lý do trước: lý do được lưu cùng quyết định, để người kiểm tra sau biết vì sao.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../ui/station/recovery.py" line="107"/>
        <source>The station&apos;s data is damaged ({problem}).

Stop keying: what is saved from now on may be lost.</source>
        <translation>Dữ liệu của trạm bị hỏng ({problem}).

Hãy ngừng nhập: những gì lưu từ bây giờ có thể bị mất.</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery.py" line="115"/>
        <location filename="../../ui/station/recovery.py" line="127"/>
        <source>Sohoa — damaged data</source>
        <translation>Sohoa — dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery.py" line="118"/>
        <source>There is no good backup on this computer. Do not delete anything; call the person who supports your station, with a backup stick if you have one.</source>
        <translation>Máy này không có bản sao lưu nào còn tốt. Đừng xóa gì cả; hãy gọi người hỗ trợ trạm, mang theo USB sao lưu nếu có.</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery.py" line="130"/>
        <source>The latest good backup is of {moment}. Restore it now? What was keyed after it leaves the station, but the damaged file is kept aside, untouched.</source>
        <translation>Bản sao lưu tốt gần nhất là lúc {moment}. Khôi phục ngay? Những gì nhập sau thời điểm đó sẽ rời khỏi trạm, nhưng tệp bị hỏng được giữ lại nguyên vẹn.</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery.py" line="166"/>
        <source>The page scans could not be put back: {reason}</source>
        <translation>Không thể đặt lại các ảnh quét trang: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery.py" line="173"/>
        <source>The station is restored, but {count} page scans it names are in no backup (first {first}): import those pages again.</source>
        <translation>Trạm đã được khôi phục, nhưng {count} ảnh quét trang mà trạm cần không có trong bản sao lưu nào (đầu tiên: {first}): hãy nhập lại các trang đó.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="245"/>
        <location filename="../../ui/station/recovery.py" line="155"/>
        <location filename="../../ui/station/recovery.py" line="178"/>
        <source>Sohoa — restore</source>
        <translation>Sohoa — khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/station/recovery.py" line="156"/>
        <source>The backup was not restored; the station is as it was.

{reason}</source>
        <translation>Chưa khôi phục bản sao lưu; trạm vẫn như cũ.

{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="197"/>
        <source>Sohoa — backup</source>
        <translation>Sohoa — sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="198"/>
        <source>Today&apos;s backup of the station could not be taken: {reason}

What is keyed is saved as always. Tell the team lead or the admin.</source>
        <translation>Hôm nay chưa sao lưu được trạm: {reason}

Những gì nhập vẫn được lưu như thường. Hãy báo cho tổ trưởng hoặc quản trị viên.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="246"/>
        <source>The station is restored from the backup {backup}.
What it replaced is kept in {kept}.

Log in again to go on.</source>
        <translation>Trạm đã được khôi phục từ bản sao lưu {backup}.
Dữ liệu bị thay thế được giữ trong {kept}.

Hãy đăng nhập lại để làm tiếp.</translation>
    </message>
</context>
<context>
    <name>SecondKeyingDialog</name>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="47"/>
        <source>Second keying</source>
        <translation>Nhập lần hai</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="54"/>
        <source>Hand in (F10)</source>
        <translation>Nộp (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="81"/>
        <source>No entry waits for a second keying.</source>
        <translation>Không có mục nào chờ nhập lần hai.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="87"/>
        <source>Key again what the book says: {entry}</source>
        <translation>Nhập lại đúng như trong sổ: {entry}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="118"/>
        <source>What you typed in this entry is not handed in: it will be lost.</source>
        <translation>Những gì đã gõ cho mục này chưa được nộp: sẽ bị mất.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="137"/>
        <source>Correct what is marked, then hand it in again.</source>
        <translation>Hãy sửa chỗ được đánh dấu rồi nộp lại.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="142"/>
        <source>Handed in. {count} field(s) differ from the first keying: the lead decides.</source>
        <translation>Đã nộp. {count} trường khác lần nhập thứ nhất: tổ trưởng sẽ quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/quality/second_keying.py" line="146"/>
        <source>Handed in. Both keyings agree: the entry is verified.</source>
        <translation>Đã nộp. Hai lần nhập khớp nhau: mục đã được xác minh.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="64"/>
        <source>There is no station in {folder}.</source>
        <translation>Chưa có trạm nhập liệu trong {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>The station&apos;s folder {folder} cannot be written (it is read-only). Sohoa writes every entry there as it is keyed: copy the station to a folder that can be written, or ask whoever looks after the computer.</source>
        <translation>Không thể ghi vào thư mục của trạm {folder} (thư mục chỉ cho phép đọc). Sohoa ghi từng mục vào đó ngay khi nhập: hãy chép trạm sang một thư mục ghi được, hoặc nhờ người quản lý máy.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="167"/>
        <source>The command “{command}” is writing to this station ({folder}). Wait until it has finished, then open Sohoa again.</source>
        <translation>Lệnh “{command}” đang ghi vào trạm này ({folder}). Hãy chờ lệnh chạy xong rồi mở lại Sohoa.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="172"/>
        <source>Sohoa is already open on this station ({folder}). Use the window that is open; two copies would key over each other.</source>
        <translation>Sohoa đang mở trên trạm này ({folder}). Hãy dùng cửa sổ đang mở; hai cửa sổ cùng lúc sẽ nhập chồng lên nhau.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="268"/>
        <source>Unfinished entry</source>
        <translation>Mục đang nhập dở</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="269"/>
        <source>Entry {number} ({title}) was not finished last time. Continue keying it?</source>
        <translation>Lần trước mục số {number} ({title}) chưa nhập xong. Tiếp tục nhập mục này?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="284"/>
        <source>Sohoa is upgrading this station&apos;s data to the new version.
On a large station this takes a few minutes. Do not turn the computer off.</source>
        <translation>Sohoa đang nâng cấp dữ liệu của trạm lên phiên bản mới.
Với trạm có nhiều dữ liệu, việc này mất vài phút. Xin đừng tắt máy.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="291"/>
        <location filename="../../ui/app.py" line="324"/>
        <source>Sohoa</source>
        <translation>Sohoa</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="319"/>
        <source>To create a station: sohoa init --station CODE --office NAME
To try Sohoa with demo data: sohoa demo</source>
        <translation>Để tạo trạm: sohoa init --station MÃ --office TÊN
Để dùng thử với dữ liệu mẫu: sohoa demo</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="332"/>
        <source>The station&apos;s data in {folder} was written by a newer version of Sohoa. Install that version or a later one; nothing has been changed.</source>
        <translation>Dữ liệu của trạm ở {folder} do một phiên bản Sohoa mới hơn ghi. Hãy cài phiên bản đó hoặc mới hơn; dữ liệu chưa bị thay đổi gì.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="337"/>
        <source>The station&apos;s data in {folder} cannot be opened; nothing has been changed. Tell whoever looks after this computer.

Details: {details}</source>
        <translation>Không mở được dữ liệu của trạm ở {folder}; dữ liệu chưa bị thay đổi gì. Hãy báo người phụ trách máy tính.

Chi tiết: {details}</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="43"/>
        <source>Station {code}</source>
        <translation>Trạm {code}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="67"/>
        <source>Books (Ctrl+1)</source>
        <translation>Sổ (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="72"/>
        <source>Days (Ctrl+2)</source>
        <translation>Theo ngày (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="73"/>
        <source>Keying errors (Ctrl+3)</source>
        <translation>Lỗi nhập liệu (Ctrl+3)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="81"/>
        <source>Batches (Ctrl+4)</source>
        <translation>Lô dữ liệu (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="106"/>
        <source>{received} of {target} entries received at the centre ({share})</source>
        <translation>trung tâm đã nhận {received}/{target} mục ({share})</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="110"/>
        <source>{received} entries received at the centre</source>
        <translation>trung tâm đã nhận {received} mục</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="116"/>
        <source>no summary: its books and days are not known at the centre</source>
        <translation>không có tóm tắt: trung tâm chưa biết sổ và ngày làm việc của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="119"/>
        <source>its summary of {moment} (batch {batch}): {done} of {target} done</source>
        <translation>tóm tắt lúc {moment} (lô {batch}): đã xong {done}/{target} mục</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="127"/>
        <source>last backup {moment}</source>
        <translation>sao lưu gần nhất {moment}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="129"/>
        <source>no backup</source>
        <translation>chưa sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="136"/>
        <source>No batch of this station has been taken in.</source>
        <translation>Trung tâm chưa tiếp nhận lô nào của trạm này.</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="138"/>
        <source>No batch number is missing.</source>
        <translation>Không thiếu số lô nào.</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="143"/>
        <source>and {count} more runs</source>
        <translation>và {count} đoạn nữa</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="144"/>
        <source>Batch numbers missing ({count}): {numbers}</source>
        <translation>Số lô còn thiếu ({count}): {numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="150"/>
        <source>Waiting</source>
        <translation>Chờ nhập</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="151"/>
        <source>Being keyed</source>
        <translation>Đang nhập</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="152"/>
        <source>On hold</source>
        <translation>Tạm giữ</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="153"/>
        <source>Finished</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="156"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="157"/>
        <source>Office</source>
        <translation>Cơ quan đăng ký</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="158"/>
        <source>Volume</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="159"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="160"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="162"/>
        <source>Expected</source>
        <translation>Số mục dự kiến</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="164"/>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="166"/>
        <source>% done</source>
        <translation>% xong</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="172"/>
        <location filename="../../ui/centre/station_dialog.py" line="189"/>
        <source>Deferred</source>
        <translation>Xử lý sau</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="174"/>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="179"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="180"/>
        <source>Shift</source>
        <translation>Ca</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="181"/>
        <location filename="../../ui/centre/station_dialog.py" line="195"/>
        <source>Clerk</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="183"/>
        <source>Completed</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="197"/>
        <source>Fields compared</source>
        <translation>Trường đã đối chiếu</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="202"/>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="204"/>
        <source>Per 1,000 fields</source>
        <translation>Trên 1.000 trường</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="213"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="214"/>
        <source>Written</source>
        <translation>Ngày ghi lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="216"/>
        <source>Taken in</source>
        <translation>Tiếp nhận lúc</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="220"/>
        <source>Entries</source>
        <translation>Số mục</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="222"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="225"/>
        <source>Entries new to the centre</source>
        <translation>Số mục mới đối với trung tâm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="229"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../ui/centre/station_dialog.py" line="232"/>
        <source>Entries the centre held, replaced by a newer version</source>
        <translation>Số mục trung tâm đã có, được thay bằng phiên bản mới hơn</translation>
    </message>
</context>
<context>
    <name>StationKeysBox</name>
    <message>
        <location filename="../../ui/batches/keys.py" line="52"/>
        <source>Keys</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="59"/>
        <source>Create the signing key</source>
        <translation>Tạo khóa ký</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="62"/>
        <source>Save the public key for the centre…</source>
        <translation>Lưu khóa công khai cho trung tâm…</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="68"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="79"/>
        <source>Station&apos;s signing key:</source>
        <translation>Khóa ký của trạm:</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="81"/>
        <source>Centre&apos;s recipient:</source>
        <translation>Khóa nhận của trung tâm:</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="90"/>
        <source>This station has no signing key yet: batches cannot be signed.</source>
        <translation>Trạm này chưa có khóa ký: chưa thể ký lô.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="95"/>
        <source>{key_id}
fingerprint {fingerprint}</source>
        <translation>{key_id}
dấu vân tay {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="124"/>
        <source>There is no OS keyring on this computer, so batches cannot be signed. Ask IT to set one up (on Linux: GNOME Keyring or KWallet).</source>
        <translation>Máy này không có kho khóa (keyring) của hệ điều hành nên không thể ký lô. Hãy nhờ bộ phận tin học cài đặt (trên Linux: GNOME Keyring hoặc KWallet).</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="137"/>
        <source>The OS keyring could not be used, so the batch cannot be signed.</source>
        <translation>Không dùng được kho khóa của hệ điều hành nên không thể ký lô.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="144"/>
        <source>This station already has a signing key.</source>
        <translation>Trạm này đã có khóa ký.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="146"/>
        <source>This station has no signing key yet: create it below, and give the centre its public key.</source>
        <translation>Trạm này chưa có khóa ký: hãy tạo khóa ở dưới và gửi khóa công khai cho trung tâm.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="150"/>
        <source>The station&apos;s signing key is not in this computer&apos;s keyring: is this the station&apos;s own computer and user account?</source>
        <translation>Khóa ký của trạm không có trong kho khóa của máy này: đây có đúng là máy và tài khoản của trạm không?</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="154"/>
        <source>The signing key in the keyring is damaged or not this station&apos;s.</source>
        <translation>Khóa ký trong kho khóa bị hỏng hoặc không phải của trạm này.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="157"/>
        <source>The centre&apos;s recipient is not set: enter it below (age1…), as the centre gave it.</source>
        <translation>Chưa có khóa nhận của trung tâm: hãy nhập ở dưới (age1…), đúng như trung tâm đã cấp.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="175"/>
        <source>Signing key {key_id} created. Save its public key for the centre, which must trust it before it accepts this station&apos;s batches.</source>
        <translation>Đã tạo khóa ký {key_id}. Hãy lưu khóa công khai gửi trung tâm: trung tâm phải tin cậy khóa này thì mới nhận lô của trạm.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="191"/>
        <source>Save the public key for the centre</source>
        <translation>Lưu khóa công khai cho trung tâm</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="193"/>
        <source>Minisign public key (*.pub)</source>
        <translation>Khóa công khai minisign (*.pub)</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="207"/>
        <source>The public key could not be saved.</source>
        <translation>Không lưu được khóa công khai.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="210"/>
        <source>The public key is saved in {path}: give it to the centre.</source>
        <translation>Đã lưu khóa công khai vào {path}: hãy gửi cho trung tâm.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="221"/>
        <source>This is not the centre&apos;s recipient: it starts with age1 and is 62 characters long. Copy it exactly as the centre gave it.</source>
        <translation>Đây không phải khóa nhận của trung tâm: khóa bắt đầu bằng age1 và dài 62 ký tự. Hãy chép đúng như trung tâm đã cấp.</translation>
    </message>
    <message>
        <location filename="../../ui/batches/keys.py" line="231"/>
        <source>The next batches are encrypted for this centre.</source>
        <translation>Các lô tiếp theo được mã hóa cho trung tâm này.</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../../ui/centre/tabs.py" line="49"/>
        <source>Station</source>
        <translation>Trạm</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="52"/>
        <source>The station&apos;s code; red: late, silent or missing batches</source>
        <translation>Mã trạm; màu đỏ: chậm, im lặng hoặc thiếu lô</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="54"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../../ui/centre/tabs.py" line="55"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/access/users.py" line="55"/>
        <source>Users of the station</source>
        <translation>Người dùng của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="57"/>
        <source>Clerk</source>
        <translation>Cán bộ nhập liệu</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="58"/>
        <source>Team lead</source>
        <translation>Tổ trưởng</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="59"/>
        <source>Admin</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="63"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="64"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="65"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="66"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="77"/>
        <source>Add a user…</source>
        <translation>Thêm người dùng…</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="78"/>
        <source>Role and access…</source>
        <translation>Vai trò và quyền vào…</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="79"/>
        <source>Reset the password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="73"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="93"/>
        <source>No access</source>
        <translation>Không được vào</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="95"/>
        <source>Locked out (wrong passwords)</source>
        <translation>Bị khóa (sai mật khẩu)</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="97"/>
        <source>Temporary password</source>
        <translation>Mật khẩu tạm</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="98"/>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="108"/>
        <source>Choose a user in the list first.</source>
        <translation>Hãy chọn một người dùng trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="129"/>
        <source>{name} is added. Give them the temporary password: they choose their own at their first login.</source>
        <translation>Đã thêm {name}. Hãy đưa họ mật khẩu tạm: họ sẽ chọn mật khẩu riêng ở lần đăng nhập đầu.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="151"/>
        <source>{name} is changed.</source>
        <translation>Đã sửa {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="167"/>
        <source>{name} has a temporary password now and may log in again.</source>
        <translation>{name} đã có mật khẩu tạm và có thể đăng nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="193"/>
        <source>A password needs at least {count} characters.</source>
        <translation>Mật khẩu cần ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="197"/>
        <source>A user name is 2 to 64 lower-case letters or digits, without accents (. _ - allowed), e.g. lan.tran</source>
        <translation>Tên đăng nhập gồm 2 đến 64 chữ thường hoặc chữ số, không dấu (được dùng . _ -), ví dụ lan.tran</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="200"/>
        <source>This user name is taken.</source>
        <translation>Tên đăng nhập này đã có người dùng.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="201"/>
        <source>Write the user&apos;s full name.</source>
        <translation>Hãy ghi họ và tên của người dùng.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="202"/>
        <source>The station must keep one active admin.</source>
        <translation>Trạm phải giữ ít nhất một quản trị viên đang dùng.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ui/menus.py" line="26"/>
        <source>&amp;Station</source>
        <translation>&amp;Trạm</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="29"/>
        <source>Change my password…</source>
        <translation>Đổi mật khẩu của tôi…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="30"/>
        <source>Lock the screen</source>
        <translation>Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="31"/>
        <source>Log out (another user)</source>
        <translation>Đăng xuất (người dùng khác)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="36"/>
        <source>Hand over a book (Excel and PDFs)…</source>
        <translation>Bàn giao sổ (Excel và PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="43"/>
        <source>Users…</source>
        <translation>Người dùng…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="44"/>
        <source>Backups…</source>
        <translation>Sao lưu…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="50"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ (Language)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="60"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="61"/>
        <source>Keyboard keys…</source>
        <translation>Các phím tắt…</translation>
    </message>
</context>
<context>
    <name>WorkSettingsDialog</name>
    <message>
        <location filename="../../ui/work/settings.py" line="98"/>
        <source>Shifts, quotas and deadline</source>
        <translation>Ca làm việc, định mức và hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="112"/>
        <source>Shifts (Vietnam time)</source>
        <translation>Ca làm việc (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="114"/>
        <source>Add a shift</source>
        <translation>Thêm ca</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="125"/>
        <source>The campaign must be keyed by</source>
        <translation>Hạn hoàn thành chiến dịch</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="140"/>
        <source>Quotas and deadline</source>
        <translation>Định mức và hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="142"/>
        <source>Entries per clerk in a shift</source>
        <translation>Số mục mỗi người trong một ca</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="143"/>
        <source>Entries for the team in a day</source>
        <translation>Số mục của tổ trong một ngày</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="148"/>
        <source>Entries keyed a second time, blind</source>
        <translation>Tỷ lệ mục được nhập lần hai (không xem lần đầu)</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="153"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="154"/>
        <source>Lock a screen left idle after</source>
        <translation>Khóa màn hình không dùng sau</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="159"/>
        <source>e.g. Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước</source>
        <translation>ví dụ: Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="166"/>
        <source>The station&apos;s commune (as of January 2025)</source>
        <translation>Xã, phường, thị trấn của trạm (theo danh mục tháng 1/2025)</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="171"/>
        <source>Places of this commune, its district and its province are suggested first when keying.</source>
        <translation>Khi nhập liệu, các địa danh của xã này, của huyện và tỉnh của nó được gợi ý trước.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="183"/>
        <source>Clerk</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="184"/>
        <source>Own quota per shift</source>
        <translation>Định mức riêng mỗi ca</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="185"/>
        <source>Share keyed twice</source>
        <translation>Tỷ lệ nhập hai lần</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="186"/>
        <source>Errors per 1,000 fields, last 7 days</source>
        <translation>Lỗi trên 1.000 trường, 7 ngày qua</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="229"/>
        <source>the team&apos;s quota</source>
        <translation>theo định mức của tổ</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="229"/>
        <source>no quota (lead)</source>
        <translation>không có định mức (tổ trưởng)</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="238"/>
        <source>the team&apos;s share keyed twice</source>
        <translation>như cả tổ</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="260"/>
        <source>nothing keyed twice</source>
        <translation>chưa có mục nhập hai lần</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="203"/>
        <source>A clerk&apos;s own quota per shift, and share keyed twice</source>
        <translation>Định mức riêng mỗi ca và tỷ lệ nhập lần hai của từng người</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="262"/>
        <source>{rate} (few fields)</source>
        <translation>{rate} (ít trường)</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="286"/>
        <source>Shift {number}</source>
        <translation>Ca {number}</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="304"/>
        <source>Your words name {commune}: check it, then save again.</source>
        <translation>Bạn đã gõ tên {commune}: hãy kiểm tra rồi lưu lại.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="349"/>
        <source>Keep at least one shift.</source>
        <translation>Phải có ít nhất một ca.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="351"/>
        <source>The shift {start}–{end} ends before it starts.</source>
        <translation>Ca {start}–{end} kết thúc trước khi bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="355"/>
        <source>Two shifts overlap at {hour}.</source>
        <translation>Hai ca trùng nhau lúc {hour}.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="357"/>
        <source>A quota is a number of entries above zero.</source>
        <translation>Định mức phải là số mục lớn hơn 0.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="359"/>
        <source>An idle screen locks after 1 to 60 minutes.</source>
        <translation>Màn hình không dùng sẽ khóa sau 1 đến 60 phút.</translation>
    </message>
    <message>
        <location filename="../../ui/work/settings.py" line="362"/>
        <source>“{text}” is not one commune, ward or township of the January 2025 list. Write it whole, e.g. “Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước”.</source>
        <translation>“{text}” không phải là một xã, phường hay thị trấn trong danh mục tháng 1/2025. Hãy ghi đầy đủ, ví dụ “Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước”.</translation>
    </message>
</context>
<context>
    <name>_PasswordForm</name>
    <message>
        <location filename="../../ui/access/users.py" line="256"/>
        <source>Reset the password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="265"/>
        <source>A temporary password for {name}. They choose their own at their next login.</source>
        <translation>Mật khẩu tạm cho {name}. Họ sẽ chọn mật khẩu riêng ở lần đăng nhập tới.</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="269"/>
        <source>Temporary password</source>
        <translation>Mật khẩu tạm</translation>
    </message>
</context>
<context>
    <name>_ShiftRow</name>
    <message>
        <location filename="../../ui/work/settings.py" line="69"/>
        <source>Remove</source>
        <translation>Bỏ ca này</translation>
    </message>
</context>
<context>
    <name>_UserForm</name>
    <message>
        <location filename="../../ui/access/users.py" line="213"/>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="224"/>
        <source>May log in</source>
        <translation>Được đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="233"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="234"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="235"/>
        <location filename="../../ui/access/users.py" line="241"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/access/users.py" line="236"/>
        <source>Temporary password</source>
        <translation>Mật khẩu tạm</translation>
    </message>
</context>
</TS>
