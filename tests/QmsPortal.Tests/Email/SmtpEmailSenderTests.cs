using System.Text;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Email;

namespace QmsPortal.Tests.Email;

/// <summary>
/// The mail seam against real SMTP servers (build/smtp-sink.py) on loopback: STARTTLS and TLS from connect with a
/// self-signed certificate made at run time and pinned by its SHA-256, sign-in, refusals; and the pickup folder.
/// The received .eml files are read back with MimeKit, as a mail program would.
/// </summary>
public sealed class SmtpEmailSenderTests : IDisposable
{
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private readonly LogCollector _log = new();
    private readonly List<IDisposable> _owned = [];

    private static readonly EmailMessage Reminder = new(
        "ngoc.tran@thu.vn", "Trần Thị Bích Ngọc", "Nhắc việc: rà soát tài liệu QT-01 «Kiểm soát tài liệu» đến hạn 05/12/2026",
        "Kính gửi chị Ngọc,\nTài liệu QT-01 đến hạn rà soát định kỳ ngày 05/12/2026.\n.Dòng bắt đầu bằng dấu chấm.",
        "<p>Kính gửi chị Ngọc,</p><p>Tài liệu <strong>QT-01</strong> đến hạn rà soát định kỳ ngày 05/12/2026.</p>",
        "<outbox-42-20261125020000@xa.qms.test>");

    public MailHealth Health { get; }

    public SmtpEmailSenderTests() => Health = new MailHealth(TimeProvider.System, LoggerFactory.Create(b => b.AddProvider(_log)).CreateLogger<MailHealth>());

    private SmtpEmailSender Sender(EmailOptions settings) =>
        new(Options.Create(settings), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, Health, LoggerFactory.Create(b => b.AddProvider(_log)).CreateLogger<SmtpEmailSender>());

    private EmailOptions Settings(SmtpServer server, SmtpSecurity security, string? pin = "") => new()
    {
        SmtpHost = "127.0.0.1", SmtpPort = server.Port, Security = security, TrustedCertificateSha256 = pin == "" ? _certificate.Sha256 : pin,
        FromAddress = "no-reply@xa.qms.test", FromName = "Cổng ISO Xã Tuyên Bình", TimeoutSeconds = 5,
    };

    private async Task<SmtpServer> ServerAsync(SmtpServerOptions options)
    {
        var server = await SmtpServer.StartAsync(SmtpServer.FreePort(), options);
        _owned.Add(server);
        return server;
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect)]
    public async Task A_message_over_TLS_arrives_as_plain_text_and_HTML_with_its_Vietnamese_subject_and_names(SmtpSecurity security)
    {
        var server = await ServerAsync(security == SmtpSecurity.StartTls ? new() { StartTls = _certificate } : new() { ImplicitTls = _certificate });

        await Sender(Settings(server, security)).SendAsync(Reminder);

        var mail = Assert.Single(await MailSink.ForAsync(Reminder.ToAddress, folder: server.Folder));
        var alternative = Assert.IsType<MultipartAlternative>(mail.Message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal(Reminder.Subject, mail.Subject);
        Assert.Equal(Reminder.Body, mail.Body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        Assert.Contains("<strong>QT-01</strong>", mail.HtmlBody);
        Assert.Equal("Trần Thị Bích Ngọc", mail.Message.To.Mailboxes.Single().Name);
        Assert.Equal("Cổng ISO Xã Tuyên Bình", mail.Message.From.Mailboxes.Single().Name);
        Assert.Equal("outbox-42-20261125020000@xa.qms.test", mail.MessageId);
        // UTF-8 headers travel as RFC 2047 encoded words: the header block itself is plain ASCII.
        var raw = await File.ReadAllBytesAsync(mail.File);
        var headerEnd = Encoding.ASCII.GetString(raw).IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.All(raw[..headerEnd], b => Assert.True(b < 128));
        Assert.Null(Health.Current.Problem);
        Assert.NotNull(Health.Current.LastSuccessAt);
    }

    [Fact]
    public async Task Sign_in_with_the_right_password_delivers_and_a_wrong_one_is_named_as_the_problem()
    {
        var server = await ServerAsync(new() { StartTls = _certificate, Credentials = ("guithu", "Mat-khau-dung") });
        var settings = Settings(server, SmtpSecurity.StartTls);
        settings.UserName = "guithu";

        settings.Password = "sai-mat-khau";
        var refused = await Assert.ThrowsAsync<MailServerException>(() => Sender(settings).SendAsync(Reminder));
        settings.Password = "Mat-khau-dung";
        await Sender(settings).SendAsync(Reminder);

        Assert.Equal("credentials", refused.Problem.Kind);
        Assert.Contains($"127.0.0.1:{server.Port}", refused.Problem.Cause);
        Assert.Contains("Email:Password", refused.Problem.Cause);
        Assert.Single(await MailSink.ForAsync(Reminder.ToAddress, folder: server.Folder));
    }

    [Fact]
    public async Task A_server_that_wants_a_sign_in_the_settings_do_not_give_is_a_server_problem_not_a_refused_message()
    {
        var server = await ServerAsync(new() { Credentials = ("guithu", "Mat-khau-dung") });

        var refused = await Assert.ThrowsAsync<MailServerException>(() => Sender(Settings(server, SmtpSecurity.None, pin: null)).SendAsync(Reminder));

        Assert.Equal("reply-530", refused.Problem.Kind);
        Assert.Contains("Email:UserName", refused.Problem.Cause);
    }

    [Fact]
    public async Task A_certificate_other_than_the_pinned_one_is_refused()
    {
        using var stranger = TestCertificate.Create();
        var server = await ServerAsync(new() { StartTls = stranger });

        var refused = await Assert.ThrowsAsync<MailServerException>(() => Sender(Settings(server, SmtpSecurity.StartTls)).SendAsync(Reminder));

        Assert.Equal("tls", refused.Problem.Kind);
        Assert.Contains("không khớp Email:TrustedCertificateSha256", refused.Problem.Cause);
        Assert.Empty(Directory.GetFiles(server.Folder));
    }

    [Fact]
    public async Task Without_a_pin_a_self_signed_certificate_fails_the_normal_validation()
    {
        var server = await ServerAsync(new() { ImplicitTls = _certificate });

        var refused = await Assert.ThrowsAsync<MailServerException>(() => Sender(Settings(server, SmtpSecurity.SslOnConnect, pin: null)).SendAsync(Reminder));

        Assert.Equal("tls", refused.Problem.Kind);
        Assert.Contains("không hợp lệ", refused.Problem.Cause);
    }

    [Fact]
    public async Task STARTTLS_required_from_a_server_that_does_not_offer_it_is_refused_rather_than_sent_in_clear()
    {
        var server = await ServerAsync(new());

        var refused = await Assert.ThrowsAsync<MailServerException>(() => Sender(Settings(server, SmtpSecurity.StartTls)).SendAsync(Reminder));

        Assert.Equal("no-starttls", refused.Problem.Kind);
        Assert.Empty(Directory.GetFiles(server.Folder));
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_a_refusal_of_the_message_with_the_servers_reply_and_the_server_stays_healthy()
    {
        var server = await ServerAsync(new() { RejectAfter = 0 });

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => Sender(Settings(server, SmtpSecurity.None, pin: null)).SendAsync(Reminder));

        Assert.Equal(550, (int)refused.StatusCode);
        Assert.Contains("accepts 0 messages", refused.Message);
        Assert.Null(Health.Current.Problem);
    }

    [Fact]
    public async Task One_problem_is_logged_once_however_many_messages_meet_it_and_again_only_after_mail_flowed()
    {
        var port = SmtpServer.FreePort();
        var settings = new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, Security = SmtpSecurity.None, TimeoutSeconds = 5 };

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<MailServerException>(() => Sender(settings).SendAsync(Reminder));
        }

        var server = await SmtpServer.StartAsync(port);
        _owned.Add(server);
        await Sender(settings).SendAsync(Reminder);
        server.Stop();
        await Assert.ThrowsAsync<MailServerException>(() => Sender(settings).SendAsync(Reminder));

        var problems = _log.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, l => Assert.Contains($"127.0.0.1:{port}", l.Message));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith($"Mail goes through 127.0.0.1:{port} again", StringComparison.Ordinal));
        Assert.Equal("refused", Health.Current.Problem!.Kind);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_message_is_a_complete_eml_file_in_the_pickup_folder()
    {
        var folder = SmtpServer.NewFolder();
        try
        {
            await Sender(new EmailOptions { PickupFolder = folder, FromAddress = "no-reply@xa.qms.test" }).SendAsync(Reminder);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".eml", file);
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal(Reminder.Subject, message.Subject);
            Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Contains("đến hạn rà soát định kỳ", message.TextBody);
            Assert.Equal("outbox-42-20261125020000@xa.qms.test", message.MessageId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _certificate.Dispose();
    }
}
