namespace QmsPortal.Web.Email;

/// <summary>A message to one person: plain text (Vietnamese, UTF-8), and optionally the same text as HTML (sent as multipart/alternative).</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string Body, string? HtmlBody = null);

/// <summary>The seam to the mail system: SMTP in deployment and tests, a pickup folder on a bare machine.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
