using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QmsPortal.Web.Email;

/// <summary>
/// Sends one message with MailKit (multipart/alternative plain text + HTML, UTF-8 headers, the Message-Id the outbox
/// gives), or writes it as an .eml file to the pickup folder when no SMTP host is configured. One attempt only:
/// retries belong to the <see cref="OutboxDispatcher"/>, which records them. When the server itself cannot be used
/// (wrong host or port, TLS, credentials) it throws <see cref="MailServerException"/> and tells <see cref="MailHealth"/>;
/// a refusal of this one message comes out as MailKit's <see cref="SmtpCommandException"/> with the server's reply.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, MailHealth health, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = Compose(message, settings);
        if (settings.UsesPickupFolder)
        {
            await WriteToPickupFolderAsync(mime, settings, cancellationToken);
            return;
        }

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        string? certificateRefusal = null;
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            (var accepted, certificateRefusal) = Judge(certificate, errors, settings.TrustedCertificateSha256);
            return accepted;
        };

        try
        {
            await ConnectAsync(client, settings, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = e is MailServerException known ? known.Problem : Diagnose(e, settings, certificateRefusal);
            health.Failed(problem, e);
            throw e as MailServerException ?? new MailServerException(problem, e);
        }

        health.Succeeded();
        try
        {
            await client.SendAsync(mime, cancellationToken);
        }
        catch (ServiceNotAuthenticatedException e)
        {
            // Not about this message: the server wants a sign-in the settings do not give.
            var problem = new MailProblem("reply-530", settings.Server,
                $"{settings.Server} đòi đăng nhập trước khi nhận thư ({e.Message.Trim()}): đặt Email:UserName và Email:Password.");
            health.Failed(problem, e);
            throw new MailServerException(problem, e);
        }
        catch (SmtpCommandException e) when (e.StatusCode is SmtpStatusCode.AuthenticationRequired or SmtpStatusCode.ServiceNotAvailable)
        {
            // Not about this message either: the server is closing down, or wants a sign-in.
            var problem = Reply(e, settings);
            health.Failed(problem, e);
            throw new MailServerException(problem, e);
        }

        logger.LogInformation("Mail \"{Subject}\" sent to {To} ({MessageId})", message.Subject, message.ToAddress, mime.MessageId);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or SocketException or TimeoutException)
        {
            // The server has accepted the message: a failed goodbye must not make the outbox send it again.
            logger.LogDebug(e, "Closing the SMTP connection after {MessageId} failed", mime.MessageId);
        }
    }

    /// <summary>The MIME message as it is sent or written; also what tests parse.</summary>
    internal static MimeMessage Compose(EmailMessage message, EmailOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId is { Length: > 0 } id ? id.Trim('<', '>') : MimeKit.Utils.MimeUtils.GenerateMessageId(settings.FromDomain);
        mime.Body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static async Task ConnectAsync(SmtpClient client, EmailOptions settings, CancellationToken cancellationToken)
    {
        var security = settings.EffectiveSecurity;
        if (settings.SmtpPort == 465 && security != SmtpSecurity.SslOnConnect)
        {
            // A plain greeting never comes from a port that waits for a TLS handshake: say why instead of timing out.
            throw new MailServerException(new MailProblem("port-465-without-tls", settings.Server,
                $"cổng 465 của {settings.Server} cần TLS ngay khi kết nối, nhưng Email:Security là {security}: đặt Email:Security=SslOnConnect (hoặc dùng cổng 587 với STARTTLS)."));
        }

        await client.ConnectAsync(settings.SmtpHost!.Trim(), settings.SmtpPort, security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
    }

    /// <summary>A pinned certificate is accepted by its SHA-256 alone (self-signed LAN or test servers); otherwise the normal checks.</summary>
    private static (bool Accepted, string? Refusal) Judge(X509Certificate? certificate, SslPolicyErrors errors, string? pin)
    {
        if (string.IsNullOrWhiteSpace(pin))
        {
            return errors == SslPolicyErrors.None ? (true, null) : (false, $"chứng chỉ TLS của máy chủ không hợp lệ ({errors})");
        }

        if (certificate is null)
        {
            return (false, "máy chủ không đưa chứng chỉ TLS");
        }

        var actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        var expected = new string([.. pin.Where(Uri.IsHexDigit)]).ToUpperInvariant();
        return actual == expected
            ? (true, null)
            : (false, $"chứng chỉ TLS của máy chủ (SHA-256 {actual}) không khớp Email:TrustedCertificateSha256");
    }

    private static MailProblem Diagnose(Exception error, EmailOptions settings, string? certificateRefusal)
    {
        var server = settings.Server;
        var socket = Find<SocketException>(error);
        return error switch
        {
            _ when socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData =>
                new("unknown-host", server, $"không tìm thấy máy chủ thư {server} (tên máy sai hoặc không phân giải được): kiểm tra Email:SmtpHost."),
            _ when socket?.SocketErrorCode == SocketError.ConnectionRefused =>
                new("refused", server, $"{server} từ chối kết nối: sai cổng (Email:SmtpPort) hoặc máy chủ thư không chạy."),
            _ when Find<TimeoutException>(error) is not null || socket?.SocketErrorCode == SocketError.TimedOut || error is OperationCanceledException =>
                new("timeout", server, $"{server} không trả lời sau {settings.TimeoutSeconds} giây: sai cổng, tường lửa chặn, hoặc cổng này cần cách mã hoá khác (Email:Security)."),
            _ when socket is not null =>
                new("network", server, $"không kết nối được tới {server} ({socket.SocketErrorCode})."),
            SslHandshakeException =>
                new("tls", server, $"bắt tay TLS với {server} không thành công: {certificateRefusal ?? "máy chủ không nói TLS ở cổng này hoặc không chấp nhận cách mã hoá"} (Email:Security, Email:TrustedCertificateSha256)."),
            NotSupportedException when settings.EffectiveSecurity == SmtpSecurity.StartTls =>
                new("no-starttls", server, $"{server} không hỗ trợ STARTTLS: dùng cổng có STARTTLS, hoặc Email:Security=SslOnConnect cho cổng TLS."),
            AuthenticationException =>
                new("credentials", server, $"{server} từ chối tên đăng nhập hoặc mật khẩu (Email:UserName, Email:Password): {error.Message}"),
            NotSupportedException when !string.IsNullOrEmpty(settings.UserName) =>
                new("credentials", server, $"{server} không cho đăng nhập theo cách này: {error.Message}"),
            SmtpCommandException command => Reply(command, settings),
            SmtpProtocolException =>
                new("protocol", server, $"{server} không trả lời theo giao thức SMTP: sai cổng, hoặc cổng cần cách mã hoá khác (Email:Security)."),
            _ => new("other", server, $"không gửi được qua {server}: {error.GetBaseException().Message}"),
        };
    }

    private static MailProblem Reply(SmtpCommandException e, EmailOptions settings) =>
        new("reply-" + (int)e.StatusCode, settings.Server, $"{settings.Server} trả lời {(int)e.StatusCode} {e.Message.Trim()}" + (e.StatusCode == SmtpStatusCode.AuthenticationRequired
            ? " — máy chủ đòi đăng nhập: đặt Email:UserName và Email:Password."
            : ""));

    private static T? Find<T>(Exception? error) where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Written under a temporary name and then renamed, so a pickup service never reads half a message.</summary>
    private async Task WriteToPickupFolderAsync(MimeMessage mime, EmailOptions settings, CancellationToken cancellationToken)
    {
        var folder = settings.PickupPath(environment.ContentRootPath);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, "." + name + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
            mime.Prepare(EncodingConstraint.SevenBit);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await mime.WriteToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path.Combine(folder, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            var problem = new MailProblem("pickup-folder", folder, $"không ghi được thư vào thư mục {folder}: {e.Message}");
            health.Failed(problem, e);
            throw new MailServerException(problem, e);
        }

        health.Succeeded();
        logger.LogInformation("Mail \"{Subject}\" to {To} written to {File}", mime.Subject, mime.To, name);
    }
}

public static class EmailRegistration
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailHealth>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
