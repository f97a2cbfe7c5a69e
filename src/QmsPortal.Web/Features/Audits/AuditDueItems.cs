using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits;

public enum DueKind
{
    CorrectiveAction,
    EffectivenessCheck,
    InspectionReport,
    PlannedAudit,
    ManagementReview,
}

/// <summary>
/// Something of a commune's audit records that falls due. <see cref="OwnerId"/> is null when the work is the
/// commune's quality secretary's (an effectiveness check, the inspection report) or the chair's (the yearly review).
/// <see cref="Path"/> is relative to the commune's address ("danh-gia/phat-hien/12").
/// </summary>
public sealed record DueItem(DueKind Kind, int? RecordId, string Title, DateOnly DueDate, string? OwnerId, string? OwnerName, string Path)
{
    public bool IsOverdue(DateOnly today) => DueDate < today;
}

/// <summary>
/// The due dates of the audit records, one query per kind, for the commune of the request (the tenant filter applies):
/// the pages list them now, the reminder service will read the same queries. Each returns what is due on or before
/// <c>until</c>, overdue items included, earliest first.
/// </summary>
public sealed class AuditDueItems(QmsDbContext db)
{
    private const int TitleText = 80;

    /// <summary>Open (planned or reopened) corrective actions by their due date; the owner is who must act.</summary>
    public async Task<IReadOnlyList<DueItem>> CorrectiveActionsAsync(DateOnly until, CancellationToken cancellationToken = default) =>
        (await db.Set<CorrectiveAction>().AsNoTracking()
            .Where(a => a.Status == CorrectiveActionStatus.Open && a.DueDate <= until)
            .Join(db.Set<Finding>(), a => a.FindingId, f => f.Id, (a, f) => new { a.Id, a.FindingId, f.Reference, a.Action, a.DueDate, a.OwnerId, a.OwnerName })
            .OrderBy(x => x.DueDate).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken))
        .Select(x => new DueItem(DueKind.CorrectiveAction, x.Id, $"Hành động khắc phục {x.Reference}: {Short(x.Action)}", x.DueDate, x.OwnerId, x.OwnerName,
            $"danh-gia/phat-hien/{x.FindingId}#hanh-dong-{x.Id}"))
        .ToList();

    /// <summary>Actions reported done whose effectiveness check is due (completion + the waiting days).</summary>
    public async Task<IReadOnlyList<DueItem>> EffectivenessChecksAsync(DateOnly until, CancellationToken cancellationToken = default) =>
        (await db.Set<CorrectiveAction>().AsNoTracking()
            .Where(a => a.Status == CorrectiveActionStatus.Done && a.CheckDueDate <= until)
            .Join(db.Set<Finding>(), a => a.FindingId, f => f.Id, (a, f) => new { a.Id, a.FindingId, f.Reference, a.Action, a.CheckDueDate })
            .OrderBy(x => x.CheckDueDate).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken))
        .Select(x => new DueItem(DueKind.EffectivenessCheck, x.Id, $"Kiểm tra hiệu lực hành động khắc phục {x.Reference}: {Short(x.Action)}", x.CheckDueDate!.Value,
            null, null, $"danh-gia/phat-hien/{x.FindingId}#hanh-dong-{x.Id}"))
        .ToList();

    /// <summary>Province inspections whose corrective report (due two months after the minutes) has not been sent.</summary>
    public async Task<IReadOnlyList<DueItem>> InspectionReportsAsync(DateOnly until, CancellationToken cancellationToken = default) =>
        (await db.Set<ProvinceInspection>().AsNoTracking()
            .Where(i => i.ReportSubmittedOn == null && i.ReportDueDate <= until)
            .OrderBy(i => i.ReportDueDate).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Unit, i.MinutesDate, i.ReportDueDate })
            .ToListAsync(cancellationToken))
        .Select(x => new DueItem(DueKind.InspectionReport, x.Id, $"Báo cáo khắc phục sau kiểm tra của {x.Unit} (biên bản ngày {VietnameseFormat.Date(x.MinutesDate)})",
            x.ReportDueDate, null, null, $"danh-gia/kiem-tra-cua-tinh/{x.Id}"))
        .ToList();

    /// <summary>Planned audits not reported (signed off) by the end of their month; the lead auditor is who must act.</summary>
    public async Task<IReadOnlyList<DueItem>> PlannedAuditsAsync(DateOnly until, CancellationToken cancellationToken = default)
    {
        // An audit is due on the last day of its month: that day is on or before `until` exactly when its month comes
        // before the month of the day after `until` (months counted as year × 12 + month, so the index on Year, Month serves).
        var next = until.AddDays(1);
        var before = next.Year * 12 + next.Month;
        return (await db.Set<Audit>().AsNoTracking()
                .Where(a => (a.Status == AuditStatus.Planned || a.Status == AuditStatus.InProgress) && a.Year * 12 + a.Month < before)
                .OrderBy(a => a.Year).ThenBy(a => a.Month).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Title, a.Year, a.Month, a.LeadAuditorId, a.LeadAuditorName })
                .ToListAsync(cancellationToken))
            .Select(x => new DueItem(DueKind.PlannedAudit, x.Id, $"Cuộc đánh giá nội bộ tháng {x.Month}/{x.Year}: {Short(x.Title)}",
                new DateOnly(x.Year, x.Month, 1).AddMonths(1).AddDays(-1), x.LeadAuditorId, x.LeadAuditorName, $"danh-gia/cuoc-danh-gia/{x.Id}"))
            .ToList();
    }

    /// <summary>
    /// The yearly management review (ISO 9001 9.3), due on 31 December: nothing when a review of that year has closed
    /// minutes; otherwise one item, pointing at a draft record of that year when there is one (its chair acts).
    /// </summary>
    public async Task<IReadOnlyList<DueItem>> ManagementReviewAsync(int year, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var reviews = await db.Set<ManagementReview>().AsNoTracking().Where(r => r.HeldOn >= from && r.HeldOn <= to)
            .OrderBy(r => r.HeldOn).Select(r => new { r.Id, r.Status, r.ChairId, r.ChairName }).ToListAsync(cancellationToken);
        if (reviews.Any(r => r.Status == ReviewStatus.Closed))
        {
            return [];
        }

        var draft = reviews.FirstOrDefault();
        return [new DueItem(DueKind.ManagementReview, draft?.Id, $"Xem xét của lãnh đạo năm {year}", to, draft?.ChairId, draft?.ChairName,
            draft is null ? "danh-gia/xem-xet-lanh-dao" : $"danh-gia/xem-xet-lanh-dao/{draft.Id}")];
    }

    private static string Short(string text) => text.Length <= TitleText ? text : text[..(TitleText - 1)].TrimEnd() + "…";
}
