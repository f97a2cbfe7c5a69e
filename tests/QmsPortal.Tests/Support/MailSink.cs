using System.Text;
using System.Text.RegularExpressions;

namespace QmsPortal.Tests.Support;

/// <summary>
/// Reads what the test SMTP server (build/smtp-sink.py, started by build/test.sh) received: one .eml file per message.
/// </summary>
public static partial class MailSink
{
    public static string Folder => Environment.GetEnvironmentVariable("QMS_TEST_SMTP_FOLDER")
        ?? throw new InvalidOperationException("QMS_TEST_SMTP_FOLDER is not set: run the tests with build/test.sh, which starts the SMTP server.");

    public static int? Port => int.TryParse(Environment.GetEnvironmentVariable("QMS_TEST_SMTP_PORT"), out var port) ? port : null;

    public sealed record Mail(string To, string Subject, string Body);

    /// <summary>Messages to <paramref name="recipient"/> (in the test run's server folder unless another is named), waiting up to a few seconds for them to arrive.</summary>
    public static async Task<IReadOnlyList<Mail>> ForAsync(string recipient, int atLeast = 1, string? folder = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = Directory.GetFiles(folder ?? Folder, "*.eml").Order().Select(f => Parse(File.ReadAllText(f)))
                .Where(m => m.To.Contains(recipient, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    private static Mail Parse(string eml)
    {
        // The SMTP server stores lines with \n or \r\n depending on where they came from.
        eml = eml.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = eml.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = Unfold(eml[..split]);
        var body = eml[(split + 2)..];
        var to = Header(headers, "X-Envelope-To");
        var subject = DecodeWords(Header(headers, "Subject"));
        if (Header(headers, "Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal).Trim()));
        }

        return new Mail(to, subject, body);
    }

    private static string Unfold(string headers) => headers.Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal);

    private static string Header(string headers, string name) =>
        headers.Split('\n').FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";

    /// <summary>RFC 2047 encoded words (=?utf-8?B?...?=), as System.Net.Mail writes non-ASCII subjects.</summary>
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : Encoding.UTF8.GetString(QuotedPrintable(m.Groups[3].Value.Replace('_', ' '))));

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?([^?]+)\?([bBqQ])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
