using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Features.Documents.Reminders;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Reminders;

/// <summary>
/// Every registered rule reads a fixed number of SQL commands (at most 3), the same for one commune as for all of them
/// and the same however many communes have due work: the reminder pass covers 3,321 communes in one go.
/// </summary>
public sealed class ReminderRuleQueryCountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private async Task<TenantInfo> CommuneWithDueWorkAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var issued = await DocumentSeed.CreateAsync(portal, commune, "QT-01", RevisionStatus.Issued, secretary, chair);
        await SubmittedRevisions.SubmitAsync(portal, commune, "QT-02", secretary, null, portal.Clock.GetUtcNow());
        await SubmittedRevisions.SubmitAsync(portal, commune, "QT-03", secretary, staff, portal.Clock.GetUtcNow());
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(LegalText.Register("10/2026/NĐ-CP", "Văn bản thử nghiệm", new DateOnly(2026, 9, 1), null, [issued]));
            await db.SaveChangesAsync();
        }, commune);
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync(commune.ProvinceCode, TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var changed = TthcBuilder.Procedure(code);
        changed.FeeText = "20.000 đồng/trường hợp (nguyên văn)";
        await portal.ImportAsync(commune.ProvinceCode, changed);
        return commune;
    }

    private Task<Dictionary<string, (int Commands, int Items)>> CountAsync(DueScope scope) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            using var commands = new ContextQueryCounter(db);
            var result = new Dictionary<string, (int, int)>();
            foreach (var rule in sp.GetServices<IReminderRule>())
            {
                var before = commands.Count;
                var items = await rule.FindAsync(new DueContext(db, scope, Wednesday, WorkingCalendar.WeekendsOnly));
                result[rule.Key] = (commands.Count - before, items.Count);
            }

            return result;
        });

    [Fact]
    public async Task Rules_run_the_same_few_commands_over_one_commune_as_over_many()
    {
        var first = await CommuneWithDueWorkAsync();
        var overOne = await CountAsync(DueScope.AllCommunes);
        var inOne = await CountAsync(DueScope.Commune(first.Id));
        for (var i = 0; i < 3; i++)
        {
            await CommuneWithDueWorkAsync();
        }

        var overFour = await CountAsync(DueScope.AllCommunes);

        Assert.Contains("tai-lieu-phe-duyet", overOne.Keys);
        Assert.Contains("tthc-niem-yet-cu", overOne.Keys);
        foreach (var (rule, (commands, _)) in overFour)
        {
            Assert.True(commands is >= 1 and <= 3, $"{rule}: {commands} commands");
            Assert.Equal((rule, overOne[rule].Commands), (rule, commands));
            Assert.Equal((rule, inOne[rule].Commands), (rule, commands));
        }

        // The seeded work is really found, four times over (so the counts above are of queries that return rows).
        foreach (var rule in new[] { "tai-lieu-phe-duyet", "tai-lieu-xem-xet-truoc-phe-duyet", "tai-lieu-van-ban-phap-ly", "tai-lieu-xac-nhan-doc", "tthc-niem-yet-cu" })
        {
            Assert.True(overOne[rule].Items > 0, rule);
            Assert.Equal((rule, overOne[rule].Items * 4), (rule, overFour[rule].Items));
        }
    }
}
