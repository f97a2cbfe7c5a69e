using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Email;

public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Every attempt failed; an administrator may send it again.</summary>
    Failed,

    /// <summary>Nothing to send when its turn came (e.g. a password reset for an address without an account).</summary>
    Dropped,
}

/// <summary>
/// One e-mail waiting to be sent, or the record that it was. Pages only add rows (in their own transaction); the
/// <see cref="OutboxDispatcher"/> sends them, so a slow or absent mail server never decides what a page answers and a
/// message saved with its data is never lost. Platform data: <see cref="TenantId"/> only says which commune a mail
/// is about. Times used in queries are UTC <see cref="DateTime"/>: SQLite compares them as text, which EF Core
/// translates, unlike <see cref="DateTimeOffset"/>.
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 256;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 500;

    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    /// <summary><see cref="Ready"/> for a message written in full; otherwise the <see cref="IMailComposer.Kind"/> that writes it at send time.</summary>
    public string Kind { get; private set; } = Ready;

    public int? TenantId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string ToName { get; private set; } = "";
    public string? Subject { get; private set; }

    /// <summary>Only for ready messages: composed kinds carry one-time links that must not rest in the database.</summary>
    public string? Body { get; private set; }

    /// <summary>The same text as HTML, when the message has one (reminder digests); sent as multipart/alternative.</summary>
    public string? HtmlBody { get; private set; }

    /// <summary>What a composer needs (e.g. a user id).</summary>
    public string? Reference { get; private set; }

    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>Set while one process sends it, so two processes never send the same message.</summary>
    public DateTime? LockedUntil { get; private set; }

    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public const string Ready = "ready";

    public static OutboxMessage ForReady(EmailMessage message, int? tenantId, DateTime now) => new()
    {
        Kind = Ready, TenantId = tenantId, ToAddress = message.ToAddress, ToName = Trim(message.ToName, NameMaxLength),
        Subject = Trim(message.Subject, SubjectMaxLength), Body = message.Body, HtmlBody = message.HtmlBody, CreatedAt = now, NextAttemptAt = now,
    };

    public static OutboxMessage ForComposer(string kind, string toAddress, string toName, string? reference, int? tenantId, DateTime now) => new()
    {
        Kind = kind, TenantId = tenantId, ToAddress = Trim(toAddress, AddressMaxLength), ToName = Trim(toName, NameMaxLength),
        Reference = reference, CreatedAt = now, NextAttemptAt = now,
    };

    internal void MarkSent(string subject, DateTime now)
    {
        Status = OutboxStatus.Sent;
        Subject = Trim(subject, SubjectMaxLength);
        SentAt = now;
        LockedUntil = null;
        LastError = null;
    }

    internal void Drop(string reason, DateTime now)
    {
        Status = OutboxStatus.Dropped;
        LastError = Trim(reason, ErrorMaxLength);
        SentAt = null;
        NextAttemptAt = now;
        LockedUntil = null;
    }

    /// <summary>Tries again later with a growing delay; after <paramref name="maxAttempts"/> the message is marked failed.</summary>
    internal void Fail(string error, DateTime now, int maxAttempts)
    {
        LastError = Trim(error, ErrorMaxLength);
        LockedUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        // 1, 4, 9, 16 … minutes: a mail server that is down for maintenance gets time to come back.
        NextAttemptAt = now.AddMinutes(Attempts * Attempts);
    }

    /// <summary>
    /// The mail server could not be used at all (down, wrong settings): the message waits until <paramref name="until"/>
    /// without losing one of its attempts, which are kept for refusals of the message itself. The claim counted one.
    /// </summary>
    internal void Defer(string error, DateTime until)
    {
        LastError = Trim(error, ErrorMaxLength);
        LockedUntil = null;
        Attempts = Math.Max(0, Attempts - 1);
        NextAttemptAt = until;
    }

    /// <summary>An administrator asks for another try of a failed message.</summary>
    public void Retry(DateTime now)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new Data.DomainException("Chỉ gửi lại được thư đã gửi không thành công.");
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    internal static string Trim(string value, int max) => value.Length <= max ? value : value[..max];
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.Reference).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.TenantId, m.Kind, m.Reference });
    }
}
