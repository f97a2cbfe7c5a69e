using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;

namespace QmsPortal.Tests.Features.Audits;

/// <summary>The due-date queries, one per kind, for one commune: what is due on or before a day, and nothing of another commune.</summary>
public sealed class AuditDueItemsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<IReadOnlyList<DueItem>> DueAsync(AuditOffice office, Func<AuditDueItems, Task<IReadOnlyList<DueItem>>> query) =>
        portal.InScopeAsync(sp => query(sp.GetRequiredService<AuditDueItems>()), office.Commune);

    [Fact]
    public async Task Corrective_actions_due_are_the_open_ones_up_to_the_day_with_their_owner()
    {
        var office = await portal.OfficeAsync();
        var other = await portal.OfficeAsync();
        var today = portal.Today();
        var finding = await portal.FindingAsync(office, reference: "PH-2026-007");
        var overdue = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(-1), plannedOn: today.AddDays(-10));
        var dueOnTheDay = await portal.ActionAsync(office, finding, office.Approver, today.AddDays(7));
        await portal.ActionAsync(office, finding, office.Staff, today.AddDays(8));
        await portal.ActionAsync(office, finding, office.Staff, today.AddDays(1), doneOn: today);
        await portal.ActionAsync(other, await portal.FindingAsync(other), other.Staff, today.AddDays(-1), plannedOn: today.AddDays(-10));

        var due = await DueAsync(office, d => d.CorrectiveActionsAsync(today.AddDays(7)));

        Assert.Equal([overdue, dueOnTheDay], due.Select(d => d.RecordId));
        var first = due[0];
        Assert.Equal((DueKind.CorrectiveAction, today.AddDays(-1), "Trần Thị Cán", $"danh-gia/phat-hien/{finding}#hanh-dong-{overdue}"),
            (first.Kind, first.DueDate, first.OwnerName, first.Path));
        Assert.Equal((await portal.PersonAsync(office.Staff)).UserId, first.OwnerId);
        Assert.StartsWith("Hành động khắc phục PH-2026-007: Lập sổ theo dõi", first.Title, StringComparison.Ordinal);
        Assert.True(first.IsOverdue(today));
        Assert.False(due[1].IsOverdue(today));
    }

    [Fact]
    public async Task Effectiveness_checks_due_are_the_done_actions_whose_waiting_time_has_passed()
    {
        var office = await portal.OfficeAsync();
        var today = portal.Today();
        var finding = await portal.FindingAsync(office);
        var ready = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5), checkAfterDays: 0, doneOn: today);
        var inAMonth = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5), checkAfterDays: 30, doneOn: today);
        await portal.ActionAsync(office, finding, office.Staff, today.AddDays(5));

        var now = await DueAsync(office, d => d.EffectivenessChecksAsync(today));
        var later = await DueAsync(office, d => d.EffectivenessChecksAsync(today.AddDays(30)));

        Assert.Equal([ready], now.Select(d => d.RecordId));
        Assert.Equal([ready, inAMonth], later.Select(d => d.RecordId));
        Assert.Equal((DueKind.EffectivenessCheck, today.AddDays(30), (string?)null), (later[1].Kind, later[1].DueDate, later[1].OwnerId));
    }

    [Fact]
    public async Task Inspection_reports_due_are_the_unsent_ones_two_months_after_the_minutes()
    {
        var office = await portal.OfficeAsync();
        var today = portal.Today();
        var unsent = await portal.InspectionAsync(office, new DateOnly(2026, 9, 20));
        await portal.InspectionAsync(office, new DateOnly(2026, 8, 1), reportedOn: new DateOnly(2026, 9, 15));
        var recent = await portal.InspectionAsync(office, today);

        var due = await DueAsync(office, d => d.InspectionReportsAsync(today));
        var later = await DueAsync(office, d => d.InspectionReportsAsync(today.AddMonths(2)));

        var item = Assert.Single(due);
        Assert.Equal((DueKind.InspectionReport, unsent, new DateOnly(2026, 11, 20), $"danh-gia/kiem-tra-cua-tinh/{unsent}"), (item.Kind, item.RecordId, item.DueDate, item.Path));
        Assert.Contains("Sở Khoa học và Công nghệ", item.Title, StringComparison.Ordinal);
        Assert.Equal([unsent, recent], later.Select(d => d.RecordId));
    }

    [Fact]
    public async Task Planned_audits_are_due_at_the_end_of_their_month_until_their_report_is_signed()
    {
        var office = await portal.OfficeAsync();
        var planned = (await portal.AuditAsync(office, open: false)).AuditId;
        var inProgress = (await portal.AuditAsync(office)).AuditId;
        var reported = (await portal.AuditAsync(office)).AuditId;
        var cancelled = (await portal.AuditAsync(office, open: false)).AuditId;
        var nextYear = (await portal.AuditAsync(office, open: false, year: 2027)).AuditId;
        var lead = await portal.PersonAsync(office.Auditor);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var audits = await db.Set<Audit>().Include(a => a.Answers).Where(a => a.Id == reported || a.Id == cancelled).ToListAsync();
            audits.Single(a => a.Id == reported).SignReport(new DateOnly(2026, 10, 20), "Cơ bản phù hợp.", lead, portal.Clock.GetUtcNow());
            audits.Single(a => a.Id == cancelled).Cancel("Trùng lịch kiểm tra của tỉnh.");
            await db.SaveChangesAsync();
        }, office.Commune);

        var dayBefore = await DueAsync(office, d => d.PlannedAuditsAsync(new DateOnly(2026, 10, 30)));
        var monthEnd = await DueAsync(office, d => d.PlannedAuditsAsync(new DateOnly(2026, 10, 31)));

        Assert.Empty(dayBefore);
        Assert.Equal([planned, inProgress], monthEnd.Select(d => d.RecordId));
        Assert.Equal((DueKind.PlannedAudit, new DateOnly(2026, 10, 31), lead.UserId, "Nguyễn Văn Đánh"),
            (monthEnd[0].Kind, monthEnd[0].DueDate, monthEnd[0].OwnerId, monthEnd[0].OwnerName));
        Assert.Equal("Cuộc đánh giá nội bộ tháng 10/2026: Đánh giá quy trình hộ tịch", monthEnd[0].Title);
        Assert.Contains(nextYear, (await DueAsync(office, d => d.PlannedAuditsAsync(new DateOnly(2027, 12, 31)))).Select(d => d.RecordId));
    }

    [Fact]
    public async Task The_yearly_management_review_is_due_until_a_review_of_that_year_is_closed()
    {
        var office = await portal.OfficeAsync();
        var chair = await portal.PersonAsync(office.Approver);

        var none = await DueAsync(office, d => d.ManagementReviewAsync(2026));
        var draftId = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var review = ManagementReview.Open(new DateOnly(2026, 11, 20), new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31), chair, true, null, "{}");
            db.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        }, office.Commune);
        var draft = await DueAsync(office, d => d.ManagementReviewAsync(2026));
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var review = await db.Set<ManagementReview>().SingleAsync(r => r.Id == draftId);
            review.RecordOutputs(null, "Hệ thống phù hợp và được duy trì.", null, null, null);
            review.Close(chair, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }, office.Commune);
        var held = await DueAsync(office, d => d.ManagementReviewAsync(2026));
        var nextYear = await DueAsync(office, d => d.ManagementReviewAsync(2027));

        var item = Assert.Single(none);
        Assert.Equal((DueKind.ManagementReview, (int?)null, new DateOnly(2026, 12, 31), (string?)null), (item.Kind, item.RecordId, item.DueDate, item.OwnerId));
        var pending = Assert.Single(draft);
        Assert.Equal((draftId, chair.UserId, $"danh-gia/xem-xet-lanh-dao/{draftId}"), (pending.RecordId, pending.OwnerId, pending.Path));
        Assert.Empty(held);
        Assert.Equal(new DateOnly(2027, 12, 31), Assert.Single(nextYear).DueDate);
    }

    [Fact]
    public async Task The_actions_page_lists_every_kind_that_falls_due_within_thirty_days()
    {
        var office = await portal.OfficeAsync();
        var today = portal.Today();
        var finding = await portal.FindingAsync(office);
        var action = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(20));
        var check = await portal.ActionAsync(office, finding, office.Staff, today.AddDays(20), checkAfterDays: 10, doneOn: today);
        var inspection = await portal.InspectionAsync(office, new DateOnly(2026, 10, 10));
        var audit = (await portal.AuditAsync(office)).AuditId;

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(office.Staff), office.Actions);

        var due = page.QuerySelectorAll("#viec-den-han li").Select(li => (li.GetAttribute("data-kind"), li.GetAttribute("data-id"))).ToList();
        Assert.Equal([
            (nameof(DueKind.PlannedAudit), FindingsKit.Number(audit)), (nameof(DueKind.EffectivenessCheck), FindingsKit.Number(check)),
            (nameof(DueKind.InspectionReport), FindingsKit.Number(inspection)), (nameof(DueKind.CorrectiveAction), FindingsKit.Number(action)),
        ], due);
        Assert.Contains("Quá hạn", page.QuerySelector($"#viec-den-han li[data-kind='{nameof(DueKind.PlannedAudit)}']")!.TextContent, StringComparison.Ordinal);
    }
}
