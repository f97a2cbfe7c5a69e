using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Features.Documents.Signatures;

internal sealed class DocumentSignatureConfiguration : IEntityTypeConfiguration<DocumentSignature>
{
    public void Configure(EntityTypeBuilder<DocumentSignature> builder)
    {
        builder.ToTable(SignatureTriggers.Table);
        builder.Property(s => s.SignerId).HasMaxLength(450);
        builder.Property(s => s.SignerName).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.Property(s => s.SignerTitle).HasMaxLength(DocumentRevision.NameMaxLength);
        builder.Property(s => s.Digest).HasMaxLength(DocumentSignature.DigestLength).IsFixedLength(false);
        // Restrict, never cascade: deleting a document or revision must not take its signatures with it.
        builder.HasOne<ControlledDocument>().WithMany(d => d.Signatures).HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Revision).WithMany().HasForeignKey(s => s.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RevisionId, s.Meaning });
    }
}
