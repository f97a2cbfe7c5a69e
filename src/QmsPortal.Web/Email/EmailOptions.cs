using System.ComponentModel.DataAnnotations;

namespace QmsPortal.Web.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS before anything is sent (submission port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465, "SMTPS").</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a server on the same machine or a closed test network.</summary>
    None,
}

/// <summary>
/// Section <c>Email</c>. Mail is queued in the database and sent by the outbox. With <see cref="SmtpHost"/> set, it
/// goes through that SMTP server (STARTTLS on 587 by default, TLS from connect on 465 with
/// <see cref="Security"/> = <see cref="SmtpSecurity.SslOnConnect"/>); without it, each message is written as an .eml
/// file to <see cref="PickupFolder"/> so a bare machine still works and nothing is lost. A wrong server setting never
/// stops the portal: mail waits in the outbox and /admin/thu-di names the problem (<see cref="MailHealth"/>).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Unset means <see cref="SmtpSecurity.StartTls"/> (or <see cref="SmtpSecurity.None"/> when the older <see cref="EnableStartTls"/> is false).</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The setting before <see cref="Security"/> existed; still read so that old configurations keep working.</summary>
    public bool? EnableStartTls { get; set; }

    /// <summary>
    /// SHA-256 of the server certificate (hex; colons and spaces ignored), for a LAN or test server with a self-signed
    /// certificate: that certificate and only that one is then accepted. Unset: the normal validation against the
    /// machine's trusted authorities and the host name.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@qmsportal.local";

    [Required]
    public string FromName { get; set; } = "Cổng quản lý chất lượng ISO cấp xã";

    /// <summary>Relative to the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>How many times the outbox tries a message the server refuses (1, 4, 9 … minutes apart) before marking it failed.</summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 6;

    /// <summary>How often the outbox looks for mail queued by other processes (its own process wakes it at once).</summary>
    [Range(1, 3600)]
    public int OutboxPollSeconds { get; set; } = 5;

    /// <summary>
    /// Limit of each step of the SMTP conversation (connect, TLS, sign-in, each command). A message being sent is
    /// held for ten times this, so that after a crash another process (or the restarted one) sends it then.
    /// </summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public SmtpSecurity EffectiveSecurity => Security ?? (EnableStartTls == false ? SmtpSecurity.None : SmtpSecurity.StartTls);

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>host:port, as the log and the admin page name the server.</summary>
    public string Server => $"{SmtpHost}:{SmtpPort}";

    /// <summary>The domain of the sender address: the right-hand side of every Message-Id the portal makes.</summary>
    public string FromDomain => FromAddress[(FromAddress.LastIndexOf('@') + 1)..] is { Length: > 0 } domain ? domain : "qmsportal.local";

    public string PickupPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, PickupFolder));

    /// <summary>Where mail goes, in the words of the start-up banner and the admin page.</summary>
    public string Destination(string contentRoot) => UsesPickupFolder
        ? $"thư mục {PickupPath(contentRoot)}"
        : $"SMTP {Server} ({EffectiveSecurity switch
        {
            SmtpSecurity.StartTls => "STARTTLS",
            SmtpSecurity.SslOnConnect => "TLS",
            _ => "không mã hoá",
        }})";
}
