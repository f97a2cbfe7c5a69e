using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Reminders.Sending;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Reminders.Sending;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>
/// The reminder pass reads every commune at once, so isolation is its own duty: a person is told only of their own
/// communes' work, whatever roles they hold elsewhere, and an approver is escalated only their own commune's items.
/// </summary>
public sealed class RemindersIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Digests_and_escalations_carry_only_the_recipients_own_communes_work()
    {
        var day = new DateOnly(2027, 5, 19);
        var mine = await ReminderOffice.CreateAsync(portal);
        var other = await ReminderOffice.CreateAsync(portal);
        await mine.DocumentDueAsync(portal, "QT-981", day.AddDays(-14));
        await other.DocumentDueAsync(portal, "QT-982", day.AddDays(-14));
        // Same roles, another commune of the same province: roles never cross communes.
        var third = await portal.CreateCommuneAsync();
        var outsider = await portal.CreateUserAsync(PortalFactory.UniqueEmail("xakhac"),
            [(third, CommuneRole.QualitySecretary), (third, CommuneRole.Approver), (third, CommuneRole.CommuneAdmin)]);

        // Every registered rule: isolation holds for all of them, not only the one seeded here.
        await portal.Services.GetRequiredService<ReminderPass>().RunAsync(day, dryRun: false);

        foreach (var (office, foreign) in new[] { (mine, other), (other, mine) })
        {
            foreach (var person in new[] { office.Secretary, office.Approver })
            {
                var mails = await portal.MailsToAsync(person);
                Assert.NotEmpty(mails);
                foreach (var mail in mails)
                {
                    Assert.DoesNotContain(foreign.Commune.Name, mail.Subject + mail.Body + mail.HtmlBody, StringComparison.Ordinal);
                    Assert.DoesNotContain(foreign.Commune.Slug, mail.Body + mail.HtmlBody, StringComparison.Ordinal);
                    Assert.DoesNotContain(foreign == other ? "QT-982" : "QT-981", mail.Body + mail.HtmlBody, StringComparison.Ordinal);
                }

                Assert.All(await portal.NoticesForAsync(person), n => Assert.Equal(office.Commune.Id, n.TenantId));
            }
        }

        Assert.All(await portal.NoticesForAsync(outsider), n => Assert.Equal(third.Id, n.TenantId));
        Assert.All(await portal.MailsToAsync(outsider), m => Assert.DoesNotContain("QT-98", m.Body + m.HtmlBody, StringComparison.Ordinal));
    }
}
