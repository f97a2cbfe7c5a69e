namespace QmsPortal.Web.Email;

/// <summary>
/// A message to one person: plain text (Vietnamese, UTF-8), and optionally the same text as HTML (sent as
/// multipart/alternative). <paramref name="MessageId"/> (with or without angle brackets) is set by the outbox from the
/// message's row, so that a message sent again after a crash reaches the receiver as the same message; unset, the
/// sender makes a fresh one.
/// </summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string Body, string? HtmlBody = null, string? MessageId = null);

/// <summary>The seam to the mail system: SMTP in deployment and tests, a pickup folder on a bare machine.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
