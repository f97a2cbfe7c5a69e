using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Features.Account;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Email;

/// <summary>The portal with its mail server down: pages answer as usual, and mail waits in the outbox until the server is back.</summary>
public sealed class MailServerDownPortal : PortalFactory
{
    public int SmtpPort { get; } = SmtpServer.FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:SmtpHost", "127.0.0.1");
        builder.UseSetting("Email:SmtpPort", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Security", "None");
    }
}

/// <summary>Sending never decides a page's answer, and nothing queued is lost (security review, finding 3).</summary>
public sealed class MailOutboxTests(MailServerDownPortal portal) : IClassFixture<MailServerDownPortal>
{
    private Task<OutboxMessage?> QueuedAsync(Func<OutboxMessage, bool> match) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync()).LastOrDefault(match));

    /// <summary>Waits (a few seconds at most) for the background dispatcher to have tried the message once.</summary>
    private async Task<OutboxMessage> AfterFirstAttemptAsync(Func<OutboxMessage, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await QueuedAsync(match) is { } message && (message.LastError is not null || message.Status != OutboxStatus.Pending))
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox did not try the message.");
    }

    [Fact]
    public async Task Forgot_password_answers_alike_with_the_server_down_and_the_mail_goes_out_when_it_is_back()
    {
        var email = await portal.CreateUserAsync(fullName: "Đỗ Văn Chờ");
        var unknown = PortalFactory.UniqueEmail("khongco");

        var known = await Html.PostFormAsync(portal.Anonymous(), "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = email });
        var other = await Html.PostFormAsync(portal.Anonymous(), "/tai-khoan/quen-mat-khau", new() { ["Input.Email"] = unknown });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, other.StatusCode));
        Assert.Equal((await Html.ParseAsync(known)).QuerySelector("[role=status]")!.TextContent, (await Html.ParseAsync(other)).QuerySelector("[role=status]")!.TextContent);
        var waiting = await AfterFirstAttemptAsync(m => m.ToAddress == email);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.NotNull(waiting.LastError);
        Assert.Equal(OutboxStatus.Dropped, (await AfterFirstAttemptAsync(m => m.ToAddress == unknown)).Status);

        using var server = await SmtpServer.StartAsync(portal.SmtpPort);
        // Past the longest wait of mail the server could not take (MailHealth.RetryDelay).
        portal.Clock.Advance(TimeSpan.FromMinutes(11));
        await portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var mail = Assert.Single(await MailSink.ForAsync(email, folder: server.Folder));
        Assert.StartsWith("Đặt lại mật khẩu", mail.Subject);
        Assert.Equal(OutboxStatus.Sent, (await QueuedAsync(m => m.ToAddress == email))!.Status);
        Assert.Empty(await MailSink.ForAsync(unknown, atLeast: 0, folder: server.Folder));
    }

    [Fact]
    public async Task An_invitation_with_the_server_down_keeps_the_member_and_shows_the_mail_waiting()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var newcomer = PortalFactory.UniqueEmail("moi");

        var response = await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", new()
        {
            ["Input.Email"] = newcomer, ["Input.FullName"] = "Mai Thị Đợi", ["Input.Role"] = "Staff",
        }, handler: "Add");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AfterFirstAttemptAsync(m => m.ToAddress == newcomer);
        var page = await Html.GetDocumentAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien");
        var row = page.QuerySelectorAll("#thanh-vien tbody tr").Single(r => r.TextContent.Contains(newcomer));
        Assert.Contains("Chưa đặt mật khẩu", row.TextContent);
        Assert.Contains("chưa gửi được, sẽ thử lại", row.QuerySelector(".invitation-status")!.TextContent);
        Assert.Contains("Thư mời " + "Mai Thị Đợi", await ResendRefusalAsync(admin, commune));
    }

    /// <summary>While the first invitation still waits, a resend is refused rather than queued twice.</summary>
    private static async Task<string> ResendRefusalAsync(HttpClient admin, TenantInfo commune)
    {
        await Html.PostFormAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien", [], handler: "Resend");
        return (await Html.GetDocumentAsync(admin, $"/{commune.Slug}/quan-tri/thanh-vien")).Body!.TextContent;
    }

    [Fact]
    public async Task A_message_the_server_keeps_refusing_is_marked_failed_with_its_reply_and_an_administrator_sends_it_again()
    {
        var recipient = PortalFactory.UniqueEmail("nhac");
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        await portal.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<MailOutbox>().Add(new EmailMessage(recipient, "Người Nhận", "Nhắc việc: xem xét tài liệu", "Nội dung nhắc việc."));
            await sp.GetRequiredService<QmsDbContext>().SaveChangesAsync();
        });

        var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();
        using (await SmtpServer.StartAsync(portal.SmtpPort, new SmtpServerOptions { RejectAfter = 0 }))
        {
            for (var round = 0; round < 10 && (await QueuedAsync(m => m.ToAddress == recipient))!.Status == OutboxStatus.Pending; round++)
            {
                portal.Clock.Advance(TimeSpan.FromHours(1));
                await dispatcher.DispatchDueAsync();
            }
        }

        var failed = (await QueuedAsync(m => m.ToAddress == recipient))!;
        Assert.Equal((OutboxStatus.Failed, 6), (failed.Status, failed.Attempts));
        Assert.StartsWith("550 ", failed.LastError);
        var page = await Html.GetDocumentAsync(admin, "/admin/thu-di?trang-thai=Failed");
        var row = page.QuerySelector($"#thu-di tr[data-id='{failed.Id}']")!;
        Assert.Contains("Gửi không thành công", row.TextContent);
        Assert.Contains("550 5.7.1", row.TextContent);

        using var server = await SmtpServer.StartAsync(portal.SmtpPort);
        var retried = await Html.PostFormAsync(admin, "/admin/thu-di?trang-thai=Failed", [], handler: "Retry");
        await dispatcher.DispatchDueAsync();

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var mail = Assert.Single(await MailSink.ForAsync(recipient, folder: server.Folder));
        Assert.Equal("Nhắc việc: xem xét tài liệu", mail.Subject);
        Assert.Equal(OutboxStatus.Sent, (await QueuedAsync(m => m.ToAddress == recipient))!.Status);
    }

    /// <summary>
    /// The issue's count: the server is down for a while (passes run, time passes, nothing is spent of the messages'
    /// attempts), then back; every message arrives exactly once, told apart by its Message-Id.
    /// </summary>
    [Fact]
    public async Task Mail_queued_while_the_server_is_down_arrives_once_each_when_it_is_back_none_lost_none_twice()
    {
        var recipients = Enumerable.Range(0, 12).Select(_ => PortalFactory.UniqueEmail("cho")).ToList();
        var ids = await portal.InScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<MailOutbox>();
            var rows = recipients.Select((r, i) => outbox.Add(new EmailMessage(r, "Người Nhận", $"Nhắc việc số {i + 1}", "Nội dung."))).ToList();
            await sp.GetRequiredService<QmsDbContext>().SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();
        for (var minute = 0; minute < 60; minute += 7)
        {
            await dispatcher.DispatchDueAsync();
            // The clock jumps only when no sender holds a claim: a jump past a claim held by the background dispatcher
            // would let this one claim the same message too, and the two deferrals would leave a spent attempt.
            for (var wait = 0; wait < 50 && await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>()
                     .AnyAsync(m => ids.Contains(m.Id) && m.LockedUntil != null)); wait++)
            {
                await Task.Delay(100);
            }

            portal.Clock.Advance(TimeSpan.FromMinutes(7));
        }

        var waiting = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        // An attempt counts while a message is claimed; the background dispatcher may hold one at this moment.
        Assert.All(waiting, m => Assert.Equal((OutboxStatus.Pending, true), (m.Status, m.Attempts == 0 || m.LockedUntil is not null)));
        Assert.NotNull(portal.Services.GetRequiredService<MailHealth>().Current.Problem);

        var folder = SmtpServer.NewFolder();
        try
        {
            using (await SmtpServer.StartAsync(portal.SmtpPort, folder: folder))
            {
                // One step past the longest wait; the clock then stands still, so no claim of a message being sent
                // expires under it (a fake clock jumping minutes ahead mid-send would let a second sender take it).
                portal.Clock.Advance(TimeSpan.FromMinutes(11));
                for (var round = 0; round < 3; round++)
                {
                    await dispatcher.DispatchDueAsync();
                }

                // The background dispatcher may hold the last one a moment longer.
                await MailSink.ForAsync("@", atLeast: recipients.Count, folder: folder);
            }

            var received = MailSink.All(folder).Where(m => recipients.Contains(m.To)).ToList();
            // The server has the last mail before its sender records it as sent: give that write a moment (bounded).
            List<OutboxMessage> sent = [];
            for (var wait = 0; wait < 50; wait++)
            {
                sent = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
                if (sent.All(m => m.Status == OutboxStatus.Sent))
                {
                    break;
                }

                await Task.Delay(100);
            }

            Assert.All(sent, m => Assert.Equal(OutboxStatus.Sent, m.Status));
            Assert.Equal(recipients.Count, received.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(recipients.Count, received.Count);
            Assert.Equal(recipients.Order(), received.Select(m => m.To).Order());
            Assert.Null(portal.Services.GetRequiredService<MailHealth>().Current.Problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
