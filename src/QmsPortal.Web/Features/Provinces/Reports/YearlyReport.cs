using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Exports;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Reports;

/// <summary>
/// The province's yearly report to the Ministry of Science and Technology (Phụ lục II, Quyết định 19/2014/QĐ-TTg): per
/// commune its ISO status on the report's day (the steps as the compliance table derives them, the conformity announcement
/// in force, its scope) and the inspections of the year with their corrective reports; then the province's totals.
/// </summary>
public sealed record YearlyReport(string ProvinceCode, string ProvinceName, int Year, DateOnly AsOf, IReadOnlyList<YearlyReportRow> Rows)
{
    public int Communes => Rows.Count;

    /// <summary>Communes that reached the second step (áp dụng): they apply the system.</summary>
    public int Applying => Rows.Count(r => r.StepsDone >= 2);

    public int Announced => Rows.Count(r => r.StepsDone >= 3);

    public int Inspected => Rows.Count(r => r.Inspections.Count > 0);

    public int InspectedOnSite => Rows.Count(r => r.Inspections.Any(i => i.OnSite));

    public const string Title = "Báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001";

    /// <summary>The same report as two sheets: one row per commune, then one row per inspection of the year.</summary>
    public byte[] ToXlsx()
    {
        var communes = new ExportTable($"Phụ lục II năm {Year}", [
            new("TT", 5), new("Mã xã", 8), new("Xã, phường", 28), new("Số bước đã đạt", 10),
            new("Xây dựng", 12), new("Áp dụng", 12), new("Công bố", 12), new("Duy trì, cải tiến", 12),
            new("Số quyết định công bố", 18), new("Ngày quyết định công bố", 12), new("Số TTHC trong phạm vi", 10), new("Phạm vi (mã TTHC)", 40),
            new("Số lần kiểm tra", 10), new("Kiểm tra tại xã", 10), new("Kết quả kiểm tra", 50),
        ]);
        communes.Preamble.Add($"{Title} năm {Year}");
        communes.Preamble.Add($"{ProvinceName}; số liệu đến ngày {VietnameseFormat.Date(AsOf)}");
        communes.Preamble.Add($"Tổng số xã, phường: {Communes}; đang áp dụng: {Applying}; đã công bố: {Announced}; đã kiểm tra: {Inspected}; kiểm tra tại xã: {InspectedOnSite}");
        var n = 0;
        foreach (var r in Rows)
        {
            communes.Add(++n, r.Code, r.Name, r.StepsDone,
                ExportCell.Of(r.StepDate(1)), ExportCell.Of(r.StepDate(2)), ExportCell.Of(r.StepDate(3)), ExportCell.Of(r.StepDate(4)),
                r.Announcement?.DecisionNumber, ExportCell.Of(r.Announcement?.DecisionDate), ExportCell.Of(r.Announcement?.ScopeCodes.Count), r.Announcement is { } a ? string.Join(" ", a.ScopeCodes) : null,
                r.Inspections.Count, r.Inspections.Count(i => i.OnSite), r.Inspections.Count == 0 ? "Chưa kiểm tra" : string.Join("; ", r.Inspections.Select(i => i.Summary ?? "—")));
        }

        var inspections = new ExportTable($"Kiểm tra năm {Year}", [
            new("Mã xã", 8), new("Xã, phường", 28), new("Ngày kiểm tra", 12), new("Hình thức", 12), new("Ngày biên bản", 12),
            new("Kết quả kiểm tra", 50), new("Hạn báo cáo khắc phục", 12), new("Ngày nhận báo cáo", 12), new("Văn bản báo cáo", 24),
        ]);
        foreach (var r in Rows)
        {
            foreach (var i in r.Inspections)
            {
                inspections.Add(r.Code, r.Name, i.InspectedOn, i.OnSite ? "Tại xã" : "Qua hồ sơ", i.MinutesDate, i.Summary, i.ReportDueDate, ExportCell.Of(i.ReportSubmittedOn), i.ReportReference);
            }
        }

        return XlsxWriter.Write(communes, inspections);
    }

    /// <summary>
    /// Reads the report of a year: the day is the year's last day, or today while the year runs. The ISO steps come from
    /// <see cref="ProvinceCompliance"/> (one rule for the table, the ranking and this report).
    /// </summary>
    public static async Task<YearlyReport> LoadAsync(QmsDbContext db, ProvinceCompliance compliance, OverseenProvince province, int year, DateOnly today,
        CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var asOf = yearEnd < today ? yearEnd : today;
        var rows = await compliance.LoadAsync(province.Code, asOf, cancellationToken);
        var ids = rows.Select(r => r.TenantId).ToList();
        var yearStart = new DateOnly(year, 1, 1);

        // Across the province's communes on purpose (the report is the province's); the id list is the scope.
        var announcements = (await db.Set<ConformityAnnouncement>().IgnoreQueryFilters().AsNoTracking()
                .Where(a => ids.Contains(a.TenantId) && a.DecisionDate <= asOf)
                .Select(a => new { a.TenantId, a.Id, a.DecisionNumber, a.DecisionDate, a.Scope }).ToListAsync(cancellationToken))
            .GroupBy(a => a.TenantId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.DecisionDate).ThenByDescending(a => a.Id)
                .Select(a => new ReportAnnouncement(a.DecisionNumber, a.DecisionDate, a.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))).First());

        // Same scope; the report received after the report's day is not yet known on that day.
        var inspections = (await db.Set<ProvinceInspection>().IgnoreQueryFilters().AsNoTracking()
                .Where(i => ids.Contains(i.TenantId) && i.InspectedOn >= yearStart && i.InspectedOn <= asOf)
                .OrderBy(i => i.InspectedOn).ThenBy(i => i.Id)
                .Select(i => new { i.TenantId, i.Id, i.InspectedOn, i.MinutesDate, i.OnSite, i.Summary, i.ReportDueDate, i.ReportSubmittedOn, i.ReportReference })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.TenantId, i => new ReportInspection(i.Id, i.InspectedOn, i.MinutesDate, i.OnSite, i.Summary, i.ReportDueDate,
                i.ReportSubmittedOn <= asOf ? i.ReportSubmittedOn : null, i.ReportSubmittedOn <= asOf ? i.ReportReference : null));

        return new YearlyReport(province.Code, province.Name, year, asOf, rows
            .OrderBy(r => r.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).ThenBy(r => r.Code)
            .Select(r => new YearlyReportRow(r.TenantId, r.Slug, r.Code, r.Name, r.Steps, r.StepsDone, announcements.GetValueOrDefault(r.TenantId), inspections[r.TenantId].ToList()))
            .ToList());
    }
}

public sealed record YearlyReportRow(int TenantId, string Slug, string Code, string Name, IReadOnlyList<ComplianceStep> Steps, int StepsDone,
    ReportAnnouncement? Announcement, IReadOnlyList<ReportInspection> Inspections)
{
    /// <summary>The day a step was reached, shown only for the steps reached in order.</summary>
    public DateOnly? StepDate(int number) => number <= StepsDone ? Steps.FirstOrDefault(s => s.Number == number)?.Date : null;
}

public sealed record ReportAnnouncement(string DecisionNumber, DateOnly DecisionDate, IReadOnlyList<string> ScopeCodes);

public sealed record ReportInspection(int Id, DateOnly InspectedOn, DateOnly MinutesDate, bool OnSite, string? Summary, DateOnly ReportDueDate,
    DateOnly? ReportSubmittedOn, string? ReportReference);
