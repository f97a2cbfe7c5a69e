using System.ComponentModel.DataAnnotations;

namespace QmsPortal.Web.Email;

/// <summary>
/// Section <c>Email</c>. Mail is queued in the database and sent by the outbox. With <see cref="SmtpHost"/> set, it
/// goes through that SMTP server (STARTTLS on 587 when <see cref="EnableStartTls"/>); without it, each message is
/// written as an .eml file to <see cref="PickupFolder"/> so a bare machine still works and nothing is lost.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public bool EnableStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@qmsportal.local";

    [Required]
    public string FromName { get; set; } = "Cổng quản lý chất lượng ISO cấp xã";

    /// <summary>Relative to the content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>How many times the outbox tries a message (1, 4, 9 … minutes apart) before marking it failed.</summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 6;

    /// <summary>How often the outbox looks for mail queued by other processes (its own process wakes it at once).</summary>
    [Range(1, 3600)]
    public int OutboxPollSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // System.Net.Mail speaks STARTTLS but not implicit TLS (DESIGN.md): fail at start-up, not at the first mail.
        if (SmtpPort == 465)
        {
            yield return new ValidationResult(
                "Email:SmtpPort 465 (implicit TLS) is not supported; use 587 with STARTTLS (Email:EnableStartTls=true).",
                [nameof(SmtpPort)]);
        }
    }
}
