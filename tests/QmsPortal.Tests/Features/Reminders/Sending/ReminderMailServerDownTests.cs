using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Email;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;

namespace QmsPortal.Tests.Features.Reminders.Sending;

/// <summary>A pass while the mail server is down: every reminder waits in the outbox and arrives once when it is back.</summary>
public sealed class ReminderMailServerDownTests(MailServerDownPortal portal) : IClassFixture<MailServerDownPortal>
{
    [Fact]
    public async Task With_smtp_down_for_an_hour_no_reminder_is_lost_and_none_arrives_twice()
    {
        var day = new DateOnly(2027, 8, 11);
        var offices = new List<ReminderOffice>();
        for (var i = 0; i < 4; i++)
        {
            var office = await ReminderOffice.CreateAsync(portal);
            await office.DocumentDueAsync(portal, $"QT-97{i}", day.AddDays(-7 * (i + 1))); // overdue by 1–4 weeks: digests and escalations
            offices.Add(office);
        }

        var recipients = offices.SelectMany(o => new[] { o.Secretary, o.Approver }).ToList();
        var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();

        await portal.PassAsync(day);
        await dispatcher.DispatchDueAsync();
        var waiting = await OutboxAsync(recipients);
        Assert.Equal(recipients.Count, waiting.Count); // a digest to each secretary, an escalation to each approver (all 5+ working days late)
        Assert.All(waiting, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        Assert.All(waiting, m => Assert.NotNull(m.LastError));

        // An hour later, the server is back; the pass runs again (a second process, a restart): nothing is decided twice.
        portal.Clock.Advance(TimeSpan.FromHours(1));
        using var server = await SmtpServer.StartAsync(portal.SmtpPort);
        await portal.PassAsync(day);
        // Mail the server could not take waits (up to 10 minutes while the outage lasted) before its next try. The fake
        // clock moves to that time only while no message is held by a sender, so no hold lapses under a sender's feet.
        var queued = await OutboxAsync(recipients);
        for (var i = 0; i < 150 && queued.Any(m => m.Status != OutboxStatus.Sent); i++)
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            if (queued.All(m => m.LockedUntil is null || m.LockedUntil < now) && queued.Where(m => m.Status == OutboxStatus.Pending).Max(m => m.NextAttemptAt) is var next && next > now)
            {
                portal.Clock.Advance(next - now);
            }

            await dispatcher.DispatchDueAsync();
            await Task.Delay(200);
            queued = await OutboxAsync(recipients);
        }

        Assert.All(queued, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        foreach (var recipient in recipients)
        {
            var expected = queued.Count(m => m.ToAddress == recipient);
            var received = await MailSink.ForAsync(recipient, atLeast: expected, folder: server.Folder);
            Assert.Equal(expected, received.Count); // 0 lost, 0 duplicates
            Assert.Equal(queued.Where(m => m.ToAddress == recipient).Select(m => m.Subject).Order(), received.Select(m => m.Subject).Order());
        }
    }

    private Task<List<OutboxMessage>> OutboxAsync(IReadOnlyCollection<string> recipients) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => recipients.Contains(m.ToAddress)).ToListAsync());
}
