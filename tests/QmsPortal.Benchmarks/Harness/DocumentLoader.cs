using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using QmsPortal.Benchmarks.Verbs;
using QmsPortal.Web.Features.Documents;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>
/// Writes issued controlled documents straight into the portal's tables (names from the Documents migration):
/// per document its revisions 1..R (the last Issued, earlier ones Superseded with an end date) and one Issued
/// event per revision. Prepared commands, explicit ids, one transaction per batch of communes.
/// </summary>
internal static class DocumentLoader
{
    private const int CommunesPerTransaction = 20;
    private const string Actor = "benchmark";

    private static readonly DateOnly Earliest = new(2020, 1, 1);
    private static readonly DateOnly Latest = new(2026, 10, 1);

    private static readonly string[] Titles =
    [
        "Quy trình giải quyết thủ tục đăng ký khai sinh",
        "Quy trình giải quyết thủ tục đăng ký kết hôn",
        "Quy trình giải quyết thủ tục đăng ký khai tử",
        "Quy trình chứng thực bản sao từ bản chính",
        "Quy trình chứng thực chữ ký",
        "Quy trình xác nhận tình trạng hôn nhân",
        "Quy trình kiểm soát tài liệu",
        "Quy trình kiểm soát hồ sơ",
        "Quy trình đánh giá nội bộ",
        "Quy trình kiểm soát sự không phù hợp và hành động khắc phục",
        "Quy trình xem xét của lãnh đạo",
        "Quy trình tiếp nhận và xử lý phản ánh, kiến nghị",
        "Hướng dẫn tiếp nhận hồ sơ tại Bộ phận Một cửa",
        "Hướng dẫn lưu trữ hồ sơ điện tử",
        "Biểu mẫu phiếu kiểm soát quá trình giải quyết hồ sơ",
        "Biểu mẫu sổ theo dõi hồ sơ",
        "Quy trình đăng ký thường trú",
        "Quy trình cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Quy trình hòa giải ở cơ sở",
        "Quy trình đăng ký giám hộ",
    ];

    private static readonly string[] Sentences =
    [
        "Công chức Bộ phận Một cửa kiểm tra tính đầy đủ, hợp lệ của hồ sơ và cấp giấy tiếp nhận, hẹn trả kết quả.",
        "Trường hợp hồ sơ chưa đầy đủ, công chức hướng dẫn người nộp bổ sung một lần bằng phiếu hướng dẫn.",
        "Công chức chuyên môn thẩm định hồ sơ trong thời hạn quy định và trình lãnh đạo UBND xã ký duyệt.",
        "Kết quả giải quyết được trả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích theo yêu cầu.",
        "Hồ sơ quá hạn phải có văn bản xin lỗi và hẹn lại ngày trả kết quả gửi người dân.",
        "Lệ phí được thu theo Nghị quyết của Hội đồng nhân dân tỉnh và có biên lai thu tiền.",
        "Thư ký ISO cập nhật danh mục tài liệu nội bộ và thông báo cho các bộ phận liên quan.",
        "Tài liệu hết hiệu lực được đóng dấu \"ĐÃ BỊ THAY THẾ\" và lưu riêng, không sử dụng để giải quyết hồ sơ.",
        "Lãnh đạo UBND xã xem xét định kỳ hiệu lực của quy trình ít nhất mỗi năm một lần.",
        "Mọi thay đổi của quy trình phải được phê duyệt trước khi ban hành và phổ biến đến công chức.",
        "Phiếu kiểm soát quá trình giải quyết hồ sơ đi kèm hồ sơ từ khi tiếp nhận đến khi trả kết quả.",
        "Hồ sơ được số hóa và lưu trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
        "Người dân có thể tra cứu tình trạng giải quyết hồ sơ bằng mã hồ sơ trên giấy tiếp nhận.",
        "Công chức Tư pháp – Hộ tịch ghi vào sổ hộ tịch và cấp bản chính giấy tờ cho người yêu cầu.",
    ];

    private static readonly string[] Owners = ["Công chức Tư pháp – Hộ tịch", "Công chức Văn phòng – Thống kê", "Công chức Địa chính – Xây dựng", "Chủ tịch UBND xã"];

    /// <summary>Loads the documents; returns each commune's first document id (its documents have consecutive ids).</summary>
    public static async Task<Dictionary<int, int>> LoadAsync(BenchDatabase database, IReadOnlyList<DocumentsBenchmark.TenantRow> tenants, int documents, int revisions)
    {
        await using var connection = BulkSql.Open(database);
        await connection.OpenAsync();
        if (connection is SqliteConnection)
        {
            // Only this loading connection (not pooled, see Open): a crash mid-load loses a benchmark database, nothing else.
            await BulkSql.Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        }

        var documentId = await BulkSql.MaxId(connection, "ControlledDocument");
        var revisionId = await BulkSql.MaxId(connection, "DocumentRevision");
        var eventId = await BulkSql.MaxId(connection, "DocumentEvent");

        var first = new Dictionary<int, int>(tenants.Count);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < tenants.Count; start += CommunesPerTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insertDocument = BulkSql.Command(connection, transaction, "ControlledDocument",
                "Id", "TenantId", "Code", "Title", "Kind", "Owner", "ReviewIntervalMonths", "TthcCodes", "LegalBases", "IsPublic", "Status",
                "PendingStatus", "IssueNumber", "EffectiveDate", "NextReviewDate", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var insertRevision = BulkSql.Command(connection, transaction, "DocumentRevision",
                "Id", "TenantId", "DocumentId", "Number", "Status", "Title", "Body", "ChangeSummary", "AuthorId", "AuthorName", "AuthorTitle",
                "ContributorIds", "SubmitterId", "SubmitterName", "SubmitterTitle", "SubmittedAt", "ApproverId", "ApproverName", "ApproverTitle", "ApprovedAt", "RejectionReason",
                "IssueNumber", "EffectiveDate", "IssuedAt", "EndDate", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var insertEvent = BulkSql.Command(connection, transaction, "DocumentEvent",
                "Id", "TenantId", "DocumentId", "RevisionId", "RevisionNumber", "Action", "ActorId", "ActorName", "At", "Reason", "EffectiveDate");

            foreach (var tenant in tenants.Skip(start).Take(CommunesPerTransaction))
            {
                var random = new Random(tenant.Id);
                first[tenant.Id] = documentId + 1;
                for (var i = 0; i < documents; i++)
                {
                    documentId++;
                    var (kind, prefix) = (i % 10) switch
                    {
                        < 4 => (DocumentKind.TthcProcedure, "QT"),
                        < 6 => (DocumentKind.SystemProcedure, "QT"),
                        < 8 => (DocumentKind.Form, "BM"),
                        8 => (DocumentKind.WorkInstruction, "HD"),
                        _ => (DocumentKind.ExternalDocument, "TL"),
                    };
                    var code = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i + 1:000}");
                    var title = Titles[(i + tenant.Id) % Titles.Length];
                    var interval = random.Next(2) == 0 ? 12 : 24;
                    var span = Latest.DayNumber - Earliest.DayNumber;
                    var dates = new DateOnly[revisions];
                    dates[0] = Earliest.AddDays(random.Next(span / (revisions + 1)));
                    for (var r = 1; r < revisions; r++)
                    {
                        dates[r] = dates[r - 1].AddDays(random.Next(span / (2 * revisions + 2), span / (revisions + 1)));
                    }

                    var last = dates[^1];
                    BulkSql.Set(insertDocument, documentId, tenant.Id, code, title, (int)kind, Owners[i % Owners.Length], interval,
                        kind == DocumentKind.TthcProcedure ? string.Create(CultureInfo.InvariantCulture, $"1.00{1000 + (i % 900)}") : "",
                        "Nghị định 61/2018/NĐ-CP\nQuyết định 19/2014/QĐ-TTg", i % 3 == 0, (int)RevisionStatus.Issued, null, revisions,
                        last, last.AddMonths(interval), revisions * 4, At(dates[0], -10), Actor, At(last, -1), Actor);
                    await insertDocument.ExecuteNonQueryAsync();

                    for (var r = 0; r < revisions; r++)
                    {
                        revisionId++;
                        var issued = r == revisions - 1;
                        BulkSql.Set(insertRevision, revisionId, tenant.Id, documentId, r + 1, (int)(issued ? RevisionStatus.Issued : RevisionStatus.Superseded),
                            title, Body(title, random), r == 0 ? "Ban hành lần đầu." : "Cập nhật theo quy định mới và kết quả đánh giá nội bộ.",
                            "bench-author", "Nguyễn Thị Thư", "Thư ký ISO", "bench-author", "bench-author", "Nguyễn Thị Thư", "Thư ký ISO", At(dates[r], -7),
                            "bench-approver", "Lê Văn Duyệt", "Chủ tịch UBND xã", At(dates[r], -3), null,
                            r + 1, dates[r], At(dates[r], -1), issued ? null : dates[r + 1], At(dates[r], -10), Actor, At(issued ? dates[r] : dates[r + 1], -1), Actor);
                        await insertRevision.ExecuteNonQueryAsync();

                        eventId++;
                        BulkSql.Set(insertEvent, eventId, tenant.Id, documentId, revisionId, r + 1, (int)DocumentAction.Issued, "bench-approver", "Lê Văn Duyệt",
                            At(dates[r], -1), null, dates[r]);
                        await insertEvent.ExecuteNonQueryAsync();
                    }
                }
            }

            await transaction.CommitAsync();
            var done = Math.Min(start + CommunesPerTransaction, tenants.Count);
            if (done % 200 == 0 || done == tenants.Count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  loaded documents of {done}/{tenants.Count} communes ({(long)done * documents * revisions:N0} revisions) in {watch.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        if (connection is NpgsqlConnection)
        {
            // Explicit ids leave the identity sequences behind; a later insert by the portal must not collide.
            foreach (var table in new[] { "ControlledDocument", "DocumentRevision", "DocumentEvent" })
            {
                await BulkSql.Exec(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
            }

            await BulkSql.Exec(connection, "ANALYZE");
        }
        else
        {
            await BulkSql.Exec(connection, "PRAGMA synchronous=NORMAL; ANALYZE;");
        }

        return first;
    }

    /// <summary>A short Markdown procedure, 400–800 bytes, different from one revision to the next.</summary>
    private static string Body(string title, Random random)
    {
        var text = new StringBuilder(900);
        text.Append("## 1. Mục đích\n\n").Append(title).Append(" nhằm giải quyết đúng hạn, đúng quy định.\n\n## 2. Nội dung\n\n");
        var count = 2 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            text.Append("- ").Append(Sentences[random.Next(Sentences.Length)]).Append('\n');
        }

        text.Append("\n**Thời hạn:** ").Append((1 + random.Next(15)).ToString(CultureInfo.InvariantCulture)).Append(" ngày làm việc.\n");
        return text.ToString();
    }

    private static DateTimeOffset At(DateOnly date, int days) => new(date.AddDays(days).ToDateTime(new TimeOnly(2, 30)), TimeSpan.Zero);
}
