using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Features.Documents;

internal sealed class ControlledDocumentConfiguration : IEntityTypeConfiguration<ControlledDocument>
{
    public void Configure(EntityTypeBuilder<ControlledDocument> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(ControlledDocument.CodeMaxLength);
        builder.Property(d => d.Title).HasMaxLength(ControlledDocument.TitleMaxLength);
        builder.Property(d => d.Owner).HasMaxLength(ControlledDocument.OwnerMaxLength);
        builder.Property(d => d.TthcCodes).HasMaxLength(ControlledDocument.TthcCodesMaxLength);
        builder.Property(d => d.LegalBases).HasMaxLength(ControlledDocument.LegalBasesMaxLength);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // The library page filters a commune's documents by code, state and review date.
        builder.HasIndex(d => new { d.TenantId, d.Code }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.Status });
        builder.HasIndex(d => new { d.TenantId, d.NextReviewDate });
        builder.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.IssuedRevision);
        builder.Ignore(d => d.OpenRevision);
        builder.Ignore(d => d.TthcCodeList);
    }
}

internal sealed class DocumentRevisionConfiguration : IEntityTypeConfiguration<DocumentRevision>
{
    public void Configure(EntityTypeBuilder<DocumentRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(ControlledDocument.TitleMaxLength);
        builder.Property(r => r.Body).HasMaxLength(ControlledDocument.BodyMaxLength);
        builder.Property(r => r.ChangeSummary).HasMaxLength(DocumentRevision.SummaryMaxLength);
        builder.Property(r => r.AuthorId).HasMaxLength(450);
        builder.Property(r => r.ApproverId).HasMaxLength(450);
        builder.Property(r => r.SubmitterId).HasMaxLength(450);
        builder.Property(r => r.IssuerId).HasMaxLength(450);
        builder.Property(r => r.ReviewerId).HasMaxLength(450);
        builder.Property(r => r.ReviewComment).HasMaxLength(ControlledDocument.ReviewCommentMaxLength);
        foreach (var name in new[] { nameof(DocumentRevision.AuthorName), nameof(DocumentRevision.AuthorTitle), nameof(DocumentRevision.SubmitterName),
                     nameof(DocumentRevision.SubmitterTitle), nameof(DocumentRevision.ReviewerName), nameof(DocumentRevision.ReviewerTitle),
                     nameof(DocumentRevision.ApproverName), nameof(DocumentRevision.ApproverTitle),
                     nameof(DocumentRevision.IssuerName), nameof(DocumentRevision.IssuerTitle) })
        {
            builder.Property(name).HasMaxLength(DocumentRevision.NameMaxLength);
        }

        builder.Property(r => r.RejectionReason).HasMaxLength(1000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Status });
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.AwaitsReview);
    }
}

internal sealed class DocumentEventConfiguration : IEntityTypeConfiguration<DocumentEvent>
{
    public void Configure(EntityTypeBuilder<DocumentEvent> builder)
    {
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.HasOne(e => e.Revision).WithMany().HasForeignKey(e => e.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DocumentId, e.At });
    }
}

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(120);
        builder.Property(a => a.ContentKey).HasMaxLength(64);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentRevision>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.RevisionId);
    }
}

internal sealed class ReadAcknowledgementConfiguration : IEntityTypeConfiguration<ReadAcknowledgement>
{
    public void Configure(EntityTypeBuilder<ReadAcknowledgement> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.HasOne<DocumentRevision>().WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RevisionId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.UserId });
    }
}

internal sealed class LegalTextConfiguration : IEntityTypeConfiguration<LegalText>
{
    public void Configure(EntityTypeBuilder<LegalText> builder)
    {
        builder.Property(l => l.Number).HasMaxLength(60);
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.Replaces).HasMaxLength(200);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.HasMany(l => l.Items).WithOne(i => i.LegalText).HasForeignKey(i => i.LegalTextId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.UpdateDue);
    }
}

internal sealed class LegalChangeItemConfiguration : IEntityTypeConfiguration<LegalChangeItem>
{
    public void Configure(EntityTypeBuilder<LegalChangeItem> builder)
    {
        builder.Property(i => i.ResolvedBy).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.Property(i => i.Resolution).HasMaxLength(500);
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.DocumentId, i.ResolvedAt });
    }
}

internal sealed class ConformityAnnouncementConfiguration : IEntityTypeConfiguration<ConformityAnnouncement>
{
    public void Configure(EntityTypeBuilder<ConformityAnnouncement> builder)
    {
        builder.Property(a => a.DecisionNumber).HasMaxLength(60);
        builder.Property(a => a.SignerName).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.Property(a => a.SignerTitle).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.Property(a => a.Scope).HasMaxLength(ControlledDocument.TthcCodesMaxLength * 4);
        builder.Property(a => a.PostingPlace).HasMaxLength(300);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.Ignore(a => a.ScopeCodes);
    }
}
