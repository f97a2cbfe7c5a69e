using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Reminders;

namespace QmsPortal.Tests.Features.Audits.Reminders;

public sealed class PlannedAuditDueRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly PlannedAuditDueRule _rule = new();

    [Fact]
    public async Task Audits_not_signed_by_the_end_of_their_month_go_to_the_lead_auditor_until_signed_or_cancelled()
    {
        var office = await portal.OfficeAsync();
        var other = await portal.OfficeAsync();
        var planned = (await portal.AuditAsync(office, open: false)).AuditId;    // October 2026: overdue
        var inProgress = (await portal.AuditAsync(office)).AuditId;
        var reported = (await portal.AuditAsync(office)).AuditId;
        var cancelled = (await portal.AuditAsync(office, open: false)).AuditId;
        var nextYear = (await portal.AuditAsync(office, open: false, year: 2027)).AuditId;
        var elsewhere = (await portal.AuditAsync(other, open: false)).AuditId;
        var lead = await portal.PersonAsync(office.Auditor);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var audits = await db.Set<Audit>().Include(a => a.Answers).Where(a => a.Id == reported || a.Id == cancelled).ToListAsync();
            audits.Single(a => a.Id == reported).SignReport(new DateOnly(2026, 10, 20), "Cơ bản phù hợp.", lead, portal.Clock.GetUtcNow());
            audits.Single(a => a.Id == cancelled).Cancel("Trùng lịch kiểm tra của tỉnh.");
            await db.SaveChangesAsync();
        }, office.Commune);

        var one = await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id));
        var all = await portal.RunAsync(_rule, DueScope.AllCommunes);
        var october2027 = await portal.RunAsync(_rule, DueScope.Commune(office.Commune.Id), new DateOnly(2027, 10, 1));

        Assert.Equal([$"audit:{planned}:2026-10", $"audit:{inProgress}:2026-10"], one.Items.Select(i => i.ItemKey));
        var item = one.Items[0];
        Assert.Equal((new DateOnly(2026, 10, 31), lead.UserId, $"danh-gia/cuoc-danh-gia/{planned}", "Cuộc đánh giá nội bộ tháng 10/2026: Đánh giá quy trình hộ tịch"),
            (item.DueDate, item.UserId, item.Path, item.Title));
        Assert.Contains(all.Items, i => i.ItemKey == $"audit:{elsewhere}:2026-10" && i.TenantId == other.Commune.Id);
        Assert.Contains(october2027.Items, i => i.ItemKey == $"audit:{nextYear}:2027-10");
        Assert.Equal((1, 1), (one.Queries, all.Queries));
        Assert.Equal("qua-han-4", _rule.StepOn(item, portal.Today(), await portal.CalendarAsync())!.Key);
    }
}
