using MimeKit;

namespace QmsPortal.Tests.Support;

/// <summary>
/// Reads what the test SMTP server (build/smtp-sink.py, started by build/test.sh) received: one .eml file per message,
/// parsed by MimeKit (multipart, quoted-printable, base64, encoded words) as a mail program would.
/// </summary>
public static class MailSink
{
    public static string Folder => Environment.GetEnvironmentVariable("QMS_TEST_SMTP_FOLDER")
        ?? throw new InvalidOperationException("QMS_TEST_SMTP_FOLDER is not set: run the tests with build/test.sh, which starts the SMTP server.");

    public static int? Port => int.TryParse(Environment.GetEnvironmentVariable("QMS_TEST_SMTP_PORT"), out var port) ? port : null;

    /// <summary>One received message: the envelope recipient (X-Envelope-To), the decoded subject and plain text, and the whole MIME message.</summary>
    public sealed record Mail(string To, string Subject, string Body, string? HtmlBody, string MessageId, MimeMessage Message, string File);

    /// <summary>Messages to <paramref name="recipient"/> (in the test run's server folder unless another is named), waiting up to a few seconds for them to arrive.</summary>
    public static async Task<IReadOnlyList<Mail>> ForAsync(string recipient, int atLeast = 1, string? folder = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = All(folder ?? Folder).Where(m => m.To.Contains(recipient, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every message in a folder, oldest first (the server names files by arrival time).</summary>
    public static IReadOnlyList<Mail> All(string folder) => [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(Parse)];

    public static Mail Parse(string file)
    {
        var message = MimeMessage.Load(file);
        var to = message.Headers["X-Envelope-To"] ?? string.Join(",", message.To.Mailboxes.Select(m => m.Address));
        return new Mail(to, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody, message.MessageId ?? "", message, file);
    }
}
