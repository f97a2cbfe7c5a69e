using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Data;

public enum IsoMilestoneKind
{
    InternalAudit,
    ManagementReview,
    EffectivenessConfirmation,
}

/// <summary>
/// A dated fact the four-step ISO status needs: an internal audit whose report was signed, a management review that was
/// closed, the head's confirmation of effectiveness. The audit records write one when that happens, in the same save; the
/// status (in the documents feature) reads them here, so neither feature imports the other, and a province view reads every
/// commune's dates with one query.
/// </summary>
/// <remarks>
/// Before audit records existed the secretary typed these rows by hand; they are kept (with no <see cref="RecordPath"/>)
/// and shown as typed, but no longer count toward a step: only a record can.
/// </remarks>
public sealed class IsoMilestone : ITenantOwned, IStamped
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public IsoMilestoneKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Reference { get; set; } = "";

    /// <summary>The page of the record behind the fact, inside the commune (e.g. <c>danh-gia/cuoc-danh-gia/12</c>); null for a typed row.</summary>
    public string? RecordPath { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsTyped => RecordPath is null;

    public static IsoMilestone FromRecord(IsoMilestoneKind kind, DateOnly date, string reference, string recordPath) =>
        new() { Kind = kind, Date = date, Reference = reference, RecordPath = recordPath };

    public static string Label(IsoMilestoneKind kind) => kind switch
    {
        IsoMilestoneKind.InternalAudit => "Đánh giá nội bộ",
        IsoMilestoneKind.ManagementReview => "Xem xét của lãnh đạo",
        IsoMilestoneKind.EffectivenessConfirmation => "Người đứng đầu xác nhận hiệu lực",
        _ => kind.ToString(),
    };
}

internal sealed class IsoMilestoneConfiguration : IEntityTypeConfiguration<IsoMilestone>
{
    public void Configure(EntityTypeBuilder<IsoMilestone> builder)
    {
        // The table keeps the name it had when these rows were typed evidence, so the rows already there stay as they are.
        builder.ToTable("IsoEvidence");
        builder.Property(e => e.Reference).HasMaxLength(300);
        builder.Property(e => e.RecordPath).HasMaxLength(200);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.Kind, e.Date });
    }
}
