using QmsPortal.Tests.Features.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Reminders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Reminders;

/// <summary>Posted TTHC left behind by a newer version of the province catalogue.</summary>
public sealed class StalePostingRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task A_posting_behind_the_catalogue_is_due_when_the_new_version_takes_effect_and_current_ones_are_not_listed()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var other = await portal.CreateCommuneAsync(provinceCode: "42");
        var stale = TthcBuilder.NextCode();
        var current = TthcBuilder.NextCode();
        var draft = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(stale), TthcBuilder.Procedure(current), TthcBuilder.Procedure(draft));
        await portal.PostAsync(commune, true, stale, current);
        await portal.PostAsync(commune, false, draft);
        await portal.PostAsync(other, true, stale);
        Assert.Empty(await RuleProbe.InCommuneAsync<StalePostingRule>(portal, commune, Wednesday));

        var changed = TthcBuilder.Procedure(stale);
        changed.FeeText = "20.000 đồng/trường hợp (nguyên văn)";
        changed.Decision = new AnnouncingDecision { Number = "200/QĐ-UBND", Date = new DateOnly(2026, 11, 20), EffectiveFrom = new DateOnly(2026, 12, 15) };
        var draftChanged = TthcBuilder.Procedure(draft);
        draftChanged.FeeText = "30.000 đồng/trường hợp (nguyên văn)";
        await portal.ImportAsync("42", changed, draftChanged);

        var item = Assert.Single(await RuleProbe.InCommuneAsync<StalePostingRule>(portal, commune, Wednesday));
        Assert.Equal((new DateOnly(2026, 12, 15), $"thu-tuc/quan-ly/{stale}"), (item.DueDate, item.Path));
        Assert.StartsWith($"posting:", item.ItemKey, StringComparison.Ordinal);
        Assert.EndsWith(":v2", item.ItemKey, StringComparison.Ordinal);
        Assert.Contains("200/QĐ-UBND", item.Title, StringComparison.Ordinal);
        Assert.Equal([CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin], item.Roles);
        Assert.NotEqual(item.TenantId, other.Id);
        Assert.Single(await RuleProbe.InCommuneAsync<StalePostingRule>(portal, other, Wednesday));
    }

    [Fact]
    public void Editors_are_reminded_7_working_days_before_the_new_version_applies()
    {
        var rule = RuleProbe.Rule<StalePostingRule>(portal);
        var item = new Web.Features.Reminders.DueWork(rule.Key, 1, "posting:1:v2", "Cập nhật niêm yết", new DateOnly(2026, 12, 15), "thu-tuc/quan-ly/1.000001");

        Assert.Null(rule.StepOn(item, Wednesday, WorkingCalendar.WeekendsOnly));
        Assert.Equal("truoc-7", rule.StepOn(item, new DateOnly(2026, 12, 4), WorkingCalendar.WeekendsOnly)?.Key);
        Assert.Equal("den-han", rule.StepOn(item, new DateOnly(2026, 12, 15), WorkingCalendar.WeekendsOnly)?.Key);
    }
}
