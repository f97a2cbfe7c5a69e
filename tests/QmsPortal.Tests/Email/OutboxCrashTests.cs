using System.Globalization;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Email;

namespace QmsPortal.Tests.Email;

/// <summary>
/// The real portal process killed (-9) in the middle of sending a batch, then started again on the same database.
///
/// What can and cannot be promised: SMTP cannot make "the server has the message" and "the database says sent" one
/// atomic step. The sink here stores each message and then waits before it says 250, so the kill lands in exactly that
/// window: the message in flight is with the receiver but not marked sent, and after the restart (once its claim has
/// expired) it is sent again. So the honest assertion is: none lost, and at most that one message twice — carrying the
/// same Message-Id both times, which is how a receiver recognises the duplicate.
/// </summary>
public sealed class OutboxCrashTests
{
    private const int Messages = 24;

    private const string Unsent = "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" <> 'Sent'";

    [Fact]
    public async Task A_sender_killed_mid_batch_loses_nothing_and_repeats_at_most_the_one_in_flight_with_the_same_Message_Id()
    {
        await using var database = PortalDatabase.Create();
        await database.EnsureCreatedOnServerAsync();
        await database.MigrateAsync();
        var recipients = Enumerable.Range(0, Messages).Select(_ => PortalFactory.UniqueEmail("lo")).ToList();
        await using (var db = database.CreateContext())
        {
            var now = DateTime.UtcNow;
            db.AddRange(recipients.Select((r, i) => OutboxMessage.ForReady(
                new EmailMessage(r, "Người Nhận", $"Nhắc việc {i + 1:00}", "Nội dung nhắc việc.", "<p>Nội dung nhắc việc.</p>"), null, now)));
            await db.SaveChangesAsync();
        }

        var folder = SmtpServer.NewFolder();
        try
        {
            using var sink = await SmtpServer.StartAsync(SmtpServer.FreePort(), new SmtpServerOptions { DelayMs = 400 }, folder);
            var settings = new Dictionary<string, string?>
            {
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
                ["Email:Security"] = "None",
                ["Email:OutboxPollSeconds"] = "1",
                // A message being sent is held for 10 × this (20 s), then another sender may take it.
                ["Email:TimeoutSeconds"] = "2",
            };

            var first = await PortalProcess.StartAsync(database, new PortalProcessOptions { Settings = settings, WaitFor = PortalReadiness.Listening });
            await using (first)
            {
                Assert.True(await first.WaitForOutputAsync($"Thư gửi đi qua: SMTP 127.0.0.1:{sink.Port} (không mã hoá)", TimeSpan.FromSeconds(30)), first.Output);
                await WaitForAsync(() => Task.FromResult(Directory.GetFiles(folder, "*.eml").Length >= 6), TimeSpan.FromSeconds(60));
                // The sink has just stored a message and waits 400 ms before confirming it: kill now.
                first.Kill();
            }

            var beforeRestart = Directory.GetFiles(folder, "*.eml").Length;
            Assert.InRange(beforeRestart, 6, Messages - 1);

            await using var second = await PortalProcess.StartAsync(database, new PortalProcessOptions { Settings = settings, WaitFor = PortalReadiness.Listening });
            // Until every row is marked sent: the one in flight at the kill waits for its claim to expire first.
            await WaitForAsync(async () => Convert.ToInt64(await database.ScalarAsync(Unsent), CultureInfo.InvariantCulture) == 0, TimeSpan.FromSeconds(120));

            var received = MailSink.All(folder).Where(m => recipients.Contains(m.To)).ToList();
            var byId = received.GroupBy(m => m.MessageId).ToList();
            Assert.Equal(Messages, byId.Count);
            Assert.Equal(recipients.Order(), byId.Select(g => g.First().To).Order());
            Assert.InRange(received.Count - Messages, 0, 1);
            var twice = byId.Where(g => g.Count() > 1).ToList();
            Assert.True(twice.Count <= 1, $"More than one message arrived twice: {string.Join(", ", twice.Select(g => g.Key))}");
            Assert.All(twice, g => Assert.Single(g.Select(m => m.Subject).Distinct()));
            Assert.All(byId, g => Assert.StartsWith("outbox-", g.Key));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Waited in vain.");
            }

            await Task.Delay(20);
        }
    }
}
