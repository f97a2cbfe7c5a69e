using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Audits.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Tthc;

namespace QmsPortal.Tests.Features.Provinces.Compliance;

/// <summary>The loader behind the province's compliance table: figures from the commune's records, on a day, in a fixed number of queries.</summary>
public sealed class ProvinceComplianceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_overdue_corrective_action_is_counted_as_the_reminder_rule_counts_it_and_not_before_it_was_planned()
    {
        var office = await portal.OfficeAsync("42");
        await portal.OverdueActionAsync(office);

        var row = Assert.Single(await portal.LoadAsync("42"), r => r.TenantId == office.Commune.Id);
        var rule = await portal.RunAsync(new CorrectiveActionDueRule(), DueScope.Commune(office.Commune.Id));

        Assert.Equal(1, row.OpenCorrectiveActions);
        Assert.Equal(1, row.OverdueCorrectiveActions);
        Assert.Equal(rule.Items.Count(i => i.IsOverdue(portal.Today())), row.OverdueCorrectiveActions);
        var yesterday = await portal.LoadCommuneAsync(office.Commune, portal.Today().AddDays(-1));
        Assert.Equal(0, yesterday!.OpenCorrectiveActions);
        Assert.Equal(0, yesterday.OverdueCorrectiveActions);
    }

    [Fact]
    public async Task The_last_internal_audit_comes_from_its_signed_record_and_a_day_before_it_shows_none()
    {
        var office = await portal.OfficeAsync("42");
        var signed = portal.Today().AddDays(-30);
        await portal.MilestoneAsync(office.Commune, IsoMilestoneKind.InternalAudit, signed, "danh-gia/cuoc-danh-gia/77");

        var row = (await portal.LoadCommuneAsync(office.Commune))!;
        var before = (await portal.LoadCommuneAsync(office.Commune, signed.AddDays(-1)))!;

        Assert.Equal(signed, row.LastInternalAudit);
        Assert.Equal($"/{office.Slug}/danh-gia/cuoc-danh-gia/77", ComplianceEvidence.PathOf(row, ComplianceColumn.LastInternalAudit));
        Assert.Null(before.LastInternalAudit);
        Assert.Equal($"/{office.Slug}/danh-gia/chuong-trinh", ComplianceEvidence.PathOf(before, ComplianceColumn.LastInternalAudit));
    }

    [Fact]
    public async Task Posting_completeness_is_the_score_the_communes_own_postings_page_shows()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        await portal.HalfCompletePostingsAsync(commune);

        var row = (await portal.LoadCommuneAsync(commune))!;
        var own = await portal.InScopeAsync(async sp => PostingCompleteness.Score(await sp.GetRequiredService<PostingCompleteness>().StatesAsync()), commune);

        Assert.Equal(50m, row.PostingCompleteness);
        Assert.Equal(own, (int)row.PostingCompleteness!.Value);
        Assert.Equal(0, row.StalePostings);
    }

    [Fact]
    public async Task A_commune_without_postings_has_no_completeness_figure_and_no_steps_done()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");

        var row = (await portal.LoadCommuneAsync(commune))!;

        Assert.Null(row.PostingCompleteness);
        Assert.Equal(0, row.StepsDone);
        Assert.Equal([1, 2, 3, 4], row.Steps.Select(s => s.Number));
        Assert.All(row.Steps, s => Assert.Null(s.Date));
    }

    [Fact]
    public async Task The_loader_runs_the_same_number_of_queries_for_two_communes_as_for_six()
    {
        // Quảng Ninh (22) is used by no other test of this class: its communes are exactly those made here.
        var communes = new List<QmsPortal.Web.Tenancy.TenantInfo>();
        for (var i = 0; i < 2; i++)
        {
            communes.Add(await SeededCommuneAsync("22"));
        }

        var two = await CountAsync("22");
        for (var i = 0; i < 4; i++)
        {
            communes.Add(await SeededCommuneAsync("22"));
        }

        var six = await CountAsync("22");

        Assert.Equal(2, two.Rows);
        Assert.Equal(6, six.Rows);
        Assert.Equal(two.Queries, six.Queries);
        Assert.InRange(six.Queries, 1, 15);
    }

    private async Task<QmsPortal.Web.Tenancy.TenantInfo> SeededCommuneAsync(string province)
    {
        var office = await portal.OfficeAsync(province);
        await portal.OverdueActionAsync(office);
        await portal.MilestoneAsync(office.Commune, IsoMilestoneKind.ManagementReview, portal.Today().AddDays(-3), "danh-gia/xem-xet-lanh-dao/1");
        await portal.HalfCompletePostingsAsync(office.Commune);
        return office.Commune;
    }

    private Task<(int Rows, int Queries)> CountAsync(string province) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        using var counter = new ContextQueryCounter(db);
        var rows = await sp.GetRequiredService<ProvinceCompliance>().LoadAsync(province, portal.Today());
        return (rows.Count, counter.Count);
    });
}
