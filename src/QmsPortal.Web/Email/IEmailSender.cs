namespace QmsPortal.Web.Email;

/// <summary>A message to one person; the body is plain text (Vietnamese, UTF-8).</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string Body);

/// <summary>The seam to the mail system: SMTP in deployment and tests, a pickup folder on a bare machine.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
