using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Sending;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Reminders.Sending;

/// <summary>A commune with a secretary, an approver and a staff member, and documents whose periodic review falls due on a chosen day.</summary>
internal sealed record ReminderOffice(TenantInfo Commune, string Secretary, string Approver, string Staff)
{
    public const string ReviewRule = "tai-lieu-xem-xet";

    public static async Task<ReminderOffice> CreateAsync(PortalFactory portal, string? secretary = null)
    {
        var commune = await portal.CreateCommuneAsync();
        if (secretary is not null)
        {
            await portal.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<QmsDbContext>();
                var userId = await db.Users.Where(u => u.Email == secretary).Select(u => u.Id).SingleAsync();
                db.Memberships.Add(new TenantMembership { TenantId = commune.Id, UserId = userId, Role = CommuneRole.QualitySecretary });
                await db.SaveChangesAsync();
            });
        }

        return new ReminderOffice(commune,
            secretary ?? await portal.CreateUserAsync(PortalFactory.UniqueEmail("thuky"), [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư Ký"),
            await portal.CreateUserAsync(PortalFactory.UniqueEmail("chutich"), [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chủ Tịch"),
            await portal.CreateUserAsync(PortalFactory.UniqueEmail("canbo"), [(commune, CommuneRole.Staff)], fullName: "Phạm Thị Cán Bộ"));
    }

    /// <summary>An issued document (12-month review interval) whose periodic review is due on <paramref name="due"/>.</summary>
    public Task<int> DocumentDueAsync(PortalFactory portal, string code, DateOnly due) =>
        DocumentSeed.CreateAsync(portal, Commune, code, RevisionStatus.Issued, Secretary, Approver, effective: due.AddMonths(-12));
}

internal static class ReminderRecords
{
    /// <summary>
    /// A pass with the periodic review rule only: these tests are about the pass (steps, digests, escalation, the
    /// outbox); each rule has its own tests, and the other rules' items (acknowledgements of the seeded documents, the
    /// year's audit and review) would only blur the counts.
    /// </summary>
    public static ReminderPass ReviewOnlyPass(this PortalFactory portal) =>
        ActivatorUtilities.CreateInstance<ReminderPass>(portal.Services,
            (IEnumerable<IReminderRule>)[portal.Services.GetServices<IReminderRule>().Single(r => r.Key == ReminderOffice.ReviewRule)]);

    public static Task<ReminderPassResult> PassAsync(this PortalFactory portal, DateOnly day, bool dryRun = false) =>
        portal.ReviewOnlyPass().RunAsync(day, dryRun);

    /// <summary>The reminders decided for a person, in the order they were decided.</summary>
    public static Task<List<ReminderNotice>> NoticesForAsync(this PortalFactory portal, string email) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Set<ReminderNotice>().AsNoTracking().Where(n => n.RecipientUserId == userId).OrderBy(n => n.Id).ToListAsync();
    });

    public static Task<List<OutboxMessage>> MailsToAsync(this PortalFactory portal, string email) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());
}
