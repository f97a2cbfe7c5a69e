using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Reminders;

public sealed class YearlyInternalAuditRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly YearlyInternalAuditRule _rule = new();

    [Fact]
    public async Task Every_active_commune_without_a_signed_audit_this_year_is_reminded_in_two_queries()
    {
        var held = await portal.OfficeAsync();
        var onlyPlanned = await portal.OfficeAsync();
        var nothing = await portal.OfficeAsync();
        var disabled = await portal.OfficeAsync();
        var signed = (await portal.AuditAsync(held)).AuditId;
        await portal.AuditAsync(onlyPlanned, open: false);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var audit = await db.Set<Audit>().Include(a => a.Answers).SingleAsync(a => a.Id == signed);
            audit.SignReport(new DateOnly(2026, 10, 20), "Cơ bản phù hợp.", await portal.PersonAsync(held.Auditor), portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }, held.Commune);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            (await db.Tenants.SingleAsync(t => t.Id == disabled.Commune.Id)).Disable("Thử tạm ngừng.");
            await db.SaveChangesAsync();
        });

        var all = await portal.RunAsync(_rule, DueScope.AllCommunes);
        var one = await portal.RunAsync(_rule, DueScope.Commune(nothing.Commune.Id));
        var ofHeld = await portal.RunAsync(_rule, DueScope.Commune(held.Commune.Id));
        var june = await portal.RunAsync(_rule, DueScope.AllCommunes, new DateOnly(2026, 6, 1));

        var reminded = all.Items.Select(i => i.TenantId).ToHashSet();
        Assert.Contains(onlyPlanned.Commune.Id, reminded);
        Assert.Contains(nothing.Commune.Id, reminded);
        Assert.DoesNotContain(held.Commune.Id, reminded);
        Assert.DoesNotContain(disabled.Commune.Id, reminded);
        var item = Assert.Single(one.Items);
        Assert.Equal(("year:2026", new DateOnly(2026, 12, 31), "danh-gia/chuong-trinh/2026", "Đánh giá nội bộ năm 2026: chưa có cuộc đánh giá nào được ký báo cáo"),
            (item.ItemKey, item.DueDate, item.Path, item.Title));
        Assert.Equal([CommuneRole.QualitySecretary], item.Roles!);
        Assert.Empty(ofHeld.Items);
        Assert.Empty(june.Items);
        Assert.Equal((2, 2), (all.Queries, one.Queries));
        Assert.Equal(0, june.Queries);

        var calendar = await portal.CalendarAsync();
        Assert.Equal("truoc-30", _rule.StepOn(item, portal.Today(), calendar)!.Key);
        Assert.Equal("truoc-60", _rule.StepOn(item, new DateOnly(2026, 10, 8), calendar)!.Key);
        Assert.Equal("truoc-7", _rule.StepOn(item, new DateOnly(2026, 12, 22), calendar)!.Key);
        Assert.Null(_rule.StepOn(item, new DateOnly(2026, 9, 1), calendar));
    }
}
