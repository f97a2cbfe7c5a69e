using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace QmsPortal.Web.Email;

/// <summary>
/// Sends one message through <see cref="SmtpClient"/>, or writes it as an .eml file to the pickup folder when no SMTP
/// host is configured. One attempt only: retries belong to the <see cref="OutboxDispatcher"/>, which records them.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName, Encoding.UTF8));

        using var client = CreateClient(settings);
        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Mail \"{Subject}\" sent to {To}", message.Subject, message.ToAddress);
    }

    private SmtpClient CreateClient(EmailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = Path.Combine(environment.ContentRootPath, settings.PickupFolder);
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }

        var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.EnableStartTls, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        return client;
    }
}

public static class EmailRegistration
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
