using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Email;

/// <summary>
/// The portal with mail settings a test changes between cases, as an operator would between restarts (the sender and
/// the outbox read them at every message), behind a <see cref="LogCollector"/>. Real SMTP servers with TLS and sign-in
/// are started by the tests.
/// </summary>
public sealed class AdjustableMailPortal : LoggingPortalFactory
{
    public EmailOptions Mail { get; } = new() { SmtpHost = "127.0.0.1", SmtpPort = SmtpServer.FreePort(), Security = SmtpSecurity.None, TimeoutSeconds = 5 };

    public TestCertificate Certificate { get; } = TestCertificate.Create();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IOptions<EmailOptions>>(new OptionsWrapper<EmailOptions>(Mail));
    }

    public void Use(string host, int port, SmtpSecurity security, string? user = null, string? password = null, string? pin = null)
    {
        Mail.SmtpHost = host;
        Mail.SmtpPort = port;
        Mail.Security = security;
        Mail.UserName = user;
        Mail.Password = password;
        Mail.TrustedCertificateSha256 = pin;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Certificate.Dispose();
    }
}

/// <summary>
/// Bad mail settings (unknown host, wrong port, 465 without TLS, a certificate that is not the pinned one, a wrong
/// password): mail stays queued with the reason, the problem is logged once, the admin page shows it in red, and the
/// site answers as usual. Fixing the setting lets every waiting message go.
/// </summary>
public sealed class BadMailSettingsTests(AdjustableMailPortal portal) : IClassFixture<AdjustableMailPortal>
{
    public enum Case
    {
        WrongPort,
        UnknownHost,
        Port465WithoutTls,
        UntrustedCertificate,
        WrongPassword,
    }

    private async Task<List<long>> QueueAsync(params string[] recipients) => await portal.InScopeAsync(async sp =>
    {
        var outbox = sp.GetRequiredService<MailOutbox>();
        var rows = recipients.Select(r => outbox.Add(new EmailMessage(r, "Lê Văn Nhận", "Nhắc việc: hạn xem xét tài liệu", "Nội dung nhắc việc."))).ToList();
        await sp.GetRequiredService<QmsDbContext>().SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    });

    private Task<List<OutboxMessage>> RowsAsync(List<long> ids) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());

    /// <summary>Passes of the outbox, the clock moved past each retry delay, until every message was tried (one connection attempt per pass).</summary>
    private async Task<List<OutboxMessage>> TriedAsync(List<long> ids)
    {
        var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();
        for (var pass = 0; pass < 20; pass++)
        {
            var rows = await RowsAsync(ids);
            if (rows.All(r => r.LastError is not null || r.Status != OutboxStatus.Pending))
            {
                return rows;
            }

            await dispatcher.DispatchDueAsync();
            portal.Clock.Advance(TimeSpan.FromMinutes(11));
        }

        var state = string.Join("; ", (await RowsAsync(ids)).Select(r => $"{r.Id} {r.Status} {r.Attempts} {r.NextAttemptAt:O} {r.LastError}"));
        throw new TimeoutException($"The outbox did not try every message: {state} — clock {portal.Clock.GetUtcNow():O}\n"
            + string.Join("\n", portal.Log.Lines.Where(l => l.Level >= LogLevel.Information && l.Category.Contains("Email", StringComparison.Ordinal)).Select(l => l.Message)));
    }

    [Theory]
    [InlineData(Case.WrongPort, "refused")]
    [InlineData(Case.UnknownHost, "unknown-host")]
    [InlineData(Case.Port465WithoutTls, "port-465-without-tls")]
    [InlineData(Case.UntrustedCertificate, "tls")]
    [InlineData(Case.WrongPassword, "credentials")]
    public async Task A_bad_setting_keeps_mail_queued_with_the_reason_logs_once_and_shows_red_on_the_admin_page(Case setting, string kind)
    {
        using var stranger = TestCertificate.Create();
        using var server = setting switch
        {
            Case.UntrustedCertificate => await SmtpServer.StartAsync(SmtpServer.FreePort(), new() { StartTls = stranger }),
            Case.WrongPassword => await SmtpServer.StartAsync(SmtpServer.FreePort(), new() { StartTls = portal.Certificate, Credentials = ("guithu", "Dung@2026") }),
            _ => null,
        };
        var target = setting switch
        {
            Case.WrongPort => ("127.0.0.1", SmtpServer.FreePort()),
            Case.UnknownHost => ($"may-chu-thu-{PortalFactory.Next()}.invalid", 587),
            Case.Port465WithoutTls => ("127.0.0.1", 465),
            _ => ("127.0.0.1", server!.Port),
        };
        portal.Use(target.Item1, target.Item2, setting == Case.Port465WithoutTls ? SmtpSecurity.None : SmtpSecurity.StartTls,
            user: setting == Case.WrongPassword ? "guithu" : null, password: setting == Case.WrongPassword ? "sai-mat-khau" : null, pin: portal.Certificate.Sha256);
        var where = $"{target.Item1}:{target.Item2}";
        var recipients = Enumerable.Range(0, 3).Select(_ => PortalFactory.UniqueEmail("cho")).ToArray();
        var ids = await QueueAsync(recipients);
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        try
        {
            var rows = await TriedAsync(ids);

            // An attempt counts while a message is claimed; the background dispatcher may hold one at this moment.
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, true), (r.Status, r.Attempts == 0 || r.LockedUntil is not null)));
            Assert.All(rows, r => Assert.Contains(where, r.LastError));
            Assert.Equal(kind, portal.Services.GetRequiredService<MailHealth>().Current.Problem?.Kind);
            var logged = portal.Log.Lines.Where(l => l.Level >= LogLevel.Warning && l.Message.Contains(where, StringComparison.Ordinal)).ToList();
            Assert.Single(logged);
            Assert.DoesNotContain(portal.Log.Lines, l => l.Level >= LogLevel.Warning && recipients.Any(r => l.Message.Contains(r, StringComparison.Ordinal)));
            var response = await admin.GetAsync("/admin/thu-di");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var red = (await Html.ParseAsync(response)).QuerySelector(".mail-health")!.TextContent;
            Assert.StartsWith("Không gửi được thư:", red);
            Assert.Contains(where, red);
            Assert.Equal(HttpStatusCode.OK, (await portal.Anonymous().GetAsync("/")).StatusCode);
        }
        finally
        {
            // The next case starts with an empty queue, so its own messages are the ones tried.
            await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task Once_the_setting_is_right_every_waiting_message_goes_with_its_outbox_Message_Id_and_the_red_line_disappears()
    {
        using var server = await SmtpServer.StartAsync(SmtpServer.FreePort(), new() { ImplicitTls = portal.Certificate, Credentials = ("guithu", "Dung@2026") });
        portal.Use("127.0.0.1", server.Port, SmtpSecurity.SslOnConnect, "guithu", "Sai@2026", portal.Certificate.Sha256);
        var recipients = Enumerable.Range(0, 3).Select(_ => PortalFactory.UniqueEmail("sua")).ToArray();
        var ids = await QueueAsync(recipients);
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        try
        {
            Assert.All(await TriedAsync(ids), r => Assert.Equal(OutboxStatus.Pending, r.Status));
            Assert.NotNull((await Html.GetDocumentAsync(admin, "/admin/thu-di")).QuerySelector(".mail-health"));

            portal.Use("127.0.0.1", server.Port, SmtpSecurity.SslOnConnect, "guithu", "Dung@2026", portal.Certificate.Sha256);
            portal.Clock.Advance(TimeSpan.FromMinutes(11));
            await portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

            var rows = await RowsAsync(ids);
            Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
            var received = MailSink.All(server.Folder);
            Assert.Equal(rows.Select(r => $"outbox-{r.Id}-{r.CreatedAt:yyyyMMddHHmmss}@qmsportal.local").Order(), received.Select(m => m.MessageId).Order());
            Assert.Null((await Html.GetDocumentAsync(admin, "/admin/thu-di")).QuerySelector(".mail-health"));
            Assert.Contains(portal.Log.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith($"Mail goes through 127.0.0.1:{server.Port} again", StringComparison.Ordinal));
        }
        finally
        {
            await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync());
        }
    }
}
