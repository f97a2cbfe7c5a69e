using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Features.Reminders.Sending;

public enum ReminderChannel
{
    /// <summary>Listed in the person's daily digest.</summary>
    Digest,

    /// <summary>Overdue past the commune's limit: mailed at once to the commune's approvers.</summary>
    Escalation,

    /// <summary>Decided but not mailed: the person turned the digest off (escalations are never turned off).</summary>
    Suppressed,
}

/// <summary>
/// The decision that a reminder step of one due item goes to one person, saved in the same transaction as the outbox
/// message that carries it. Its key (rule, item, step, recipient) is unique, so a step is never mailed twice — not
/// by a second pass on the same day, not by a second process. Platform data: a pass reads every commune at once;
/// <see cref="TenantId"/> says which commune the item belongs to.
/// </summary>
public sealed class ReminderNotice
{
    public const int RuleMaxLength = 40;
    public const int ItemKeyMaxLength = 120;
    public const int StepMaxLength = 20;
    public const int TitleMaxLength = 300;

    public long Id { get; set; }
    public string Rule { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string Step { get; set; } = "";
    public string RecipientUserId { get; set; } = "";
    public int TenantId { get; set; }
    public ReminderChannel Channel { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueDate { get; set; }

    /// <summary>The day (Asia/Ho_Chi_Minh) of the pass that decided it.</summary>
    public DateOnly PassDate { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The mail that carries it (a digest carries many); null when suppressed.</summary>
    public long? OutboxMessageId { get; set; }
}

/// <summary>
/// A lease that lets one process at a time run a periodic job (the reminder pass) when several share one database:
/// taken with one conditional UPDATE, held until <see cref="ExpiresAt"/>, and free for another process once it
/// lapses, so a holder that dies hands the job on within one period.
/// </summary>
public sealed class SchedulerLease
{
    public const int NameMaxLength = 60;
    public const int HolderMaxLength = 200;

    public string Name { get; set; } = "";
    public string? Holder { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>The last day (Asia/Ho_Chi_Minh) whose pass completed, so a day's pass runs once.</summary>
    public DateOnly? LastCompletedOn { get; set; }

    public DateTime? LastCompletedAt { get; set; }

    /// <summary>One line about the last pass (how many reminders, how long), shown to the platform administrator.</summary>
    public string? LastSummary { get; set; }
}

internal sealed class ReminderNoticeConfiguration : IEntityTypeConfiguration<ReminderNotice>
{
    public void Configure(EntityTypeBuilder<ReminderNotice> builder)
    {
        builder.ToTable("ReminderNotices");
        builder.Property(n => n.Rule).HasMaxLength(ReminderNotice.RuleMaxLength);
        builder.Property(n => n.ItemKey).HasMaxLength(ReminderNotice.ItemKeyMaxLength);
        builder.Property(n => n.Step).HasMaxLength(ReminderNotice.StepMaxLength);
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        builder.Property(n => n.Title).HasMaxLength(ReminderNotice.TitleMaxLength);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(n => new { n.Rule, n.ItemKey, n.Step, n.RecipientUserId }).IsUnique();
        // What a pass reads of earlier notices: recent ones, and escalations however old (ReminderPass).
        builder.HasIndex(n => n.PassDate);
        builder.HasIndex(n => n.Step);
        builder.HasIndex(n => n.OutboxMessageId);
    }
}

internal sealed class SchedulerLeaseConfiguration : IEntityTypeConfiguration<SchedulerLease>
{
    public void Configure(EntityTypeBuilder<SchedulerLease> builder)
    {
        builder.ToTable("SchedulerLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(SchedulerLease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(SchedulerLease.HolderMaxLength);
        builder.Property(l => l.LastSummary).HasMaxLength(500);
    }
}
