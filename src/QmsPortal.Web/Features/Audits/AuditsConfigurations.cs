using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Features.Audits;

internal sealed class ChecklistQuestionConfiguration : IEntityTypeConfiguration<ChecklistQuestion>
{
    public void Configure(EntityTypeBuilder<ChecklistQuestion> b)
    {
        b.ToTable("ChecklistQuestions");
        b.Property(q => q.Clause).HasMaxLength(10);
        b.Property(q => q.Text).HasMaxLength(ChecklistQuestion.TextMaxLength);
    }
}

internal sealed class AuditProgrammeConfiguration : IEntityTypeConfiguration<AuditProgramme>
{
    public void Configure(EntityTypeBuilder<AuditProgramme> b)
    {
        b.ToTable("AuditProgrammes");
        b.HasIndex(p => new { p.TenantId, p.Year }).IsUnique();
        b.Property(p => p.Notes).HasMaxLength(AuditProgramme.NotesMaxLength);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasMany(p => p.Audits).WithOne().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> b)
    {
        b.ToTable("Audits");
        b.Property(a => a.Title).HasMaxLength(Audit.TitleMaxLength);
        b.Property(a => a.ScopeDocuments).HasMaxLength(2000);
        b.Property(a => a.ScopeTthc).HasMaxLength(2000);
        b.Property(a => a.ScopeClauses).HasMaxLength(500);
        b.Property(a => a.LeadAuditorId).HasMaxLength(450);
        b.Property(a => a.LeadAuditorName).HasMaxLength(256);
        b.Property(a => a.Team).HasMaxLength(4000);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Participants).HasMaxLength(Audit.TextMaxLength);
        b.Property(a => a.Conclusion).HasMaxLength(Audit.TextMaxLength);
        b.Property(a => a.ReportSignedById).HasMaxLength(450);
        b.Property(a => a.ReportSignedByName).HasMaxLength(256);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.TenantId, a.Status, a.Year, a.Month });
        b.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Clauses);
        b.Ignore(a => a.TeamMembers);
    }
}

internal sealed class AuditAnswerConfiguration : IEntityTypeConfiguration<AuditAnswer>
{
    public void Configure(EntityTypeBuilder<AuditAnswer> b)
    {
        b.ToTable("AuditAnswers");
        b.Property(a => a.Clause).HasMaxLength(10);
        b.Property(a => a.Question).HasMaxLength(ChecklistQuestion.TextMaxLength);
        b.Property(a => a.Result).HasConversion<string>().HasMaxLength(14);
        b.Property(a => a.Evidence).HasMaxLength(Audit.EvidenceMaxLength);
    }
}

internal sealed class AuditEvidenceFileConfiguration : IEntityTypeConfiguration<AuditEvidenceFile>
{
    public void Configure(EntityTypeBuilder<AuditEvidenceFile> b)
    {
        b.ToTable("AuditEvidenceFiles");
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.ContentKey).HasMaxLength(64);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.UpdatedBy).HasMaxLength(256);
        b.HasOne<AuditAnswer>().WithMany().HasForeignKey(f => f.AnswerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.AuditId);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("Findings");
        b.HasIndex(f => new { f.TenantId, f.Reference }).IsUnique();
        b.HasIndex(f => new { f.TenantId, f.Status, f.Grade });
        b.Property(f => f.Reference).HasMaxLength(20);
        b.Property(f => f.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Clause).HasMaxLength(10);
        b.Property(f => f.SubjectKind).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.Subject).HasMaxLength(Finding.SubjectMaxLength);
        b.Property(f => f.Description).HasMaxLength(Finding.DescriptionMaxLength);
        b.Property(f => f.Source).HasConversion<string>().HasMaxLength(14);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(8);
        b.Property(f => f.RaisedById).HasMaxLength(450);
        b.Property(f => f.RaisedByName).HasMaxLength(256);
        b.Property(f => f.ClosedByName).HasMaxLength(256);
        b.Property(f => f.ClosingNote).HasMaxLength(Finding.DescriptionMaxLength);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.UpdatedBy).HasMaxLength(256);
        b.HasOne<Audit>().WithMany().HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProvinceInspection>().WithMany().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
        // One citizen's report becomes one finding, even when two people click at the same moment.
        b.HasIndex(f => f.FeedbackId).IsUnique();
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.ToTable("CorrectiveActions");
        foreach (var text in new[] { nameof(CorrectiveAction.Correction), nameof(CorrectiveAction.RootCause), nameof(CorrectiveAction.Action),
                     nameof(CorrectiveAction.SuccessCriteria), nameof(CorrectiveAction.CompletionEvidence), nameof(CorrectiveAction.CheckNote) })
        {
            b.Property(text).HasMaxLength(CorrectiveAction.TextMaxLength);
        }

        b.Property(a => a.OwnerId).HasMaxLength(450);
        b.Property(a => a.OwnerName).HasMaxLength(256);
        b.Property(a => a.CheckedByName).HasMaxLength(256);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.HasOne<Finding>().WithMany().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TenantId, a.Status, a.DueDate });
        b.HasIndex(a => new { a.TenantId, a.Status, a.CheckDueDate });
    }
}

internal sealed class CorrectiveActionEventConfiguration : IEntityTypeConfiguration<CorrectiveActionEvent>
{
    public void Configure(EntityTypeBuilder<CorrectiveActionEvent> b)
    {
        b.ToTable("CorrectiveActionEvents");
        b.Property(e => e.Change).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(CorrectiveAction.TextMaxLength);
    }
}

internal sealed class ManagementReviewConfiguration : IEntityTypeConfiguration<ManagementReview>
{
    public void Configure(EntityTypeBuilder<ManagementReview> b)
    {
        b.ToTable("ManagementReviews");
        b.Property(r => r.ChairId).HasMaxLength(450);
        b.Property(r => r.ChairName).HasMaxLength(256);
        b.Property(r => r.ChairTitle).HasMaxLength(256);
        foreach (var text in new[] { nameof(ManagementReview.Participants), nameof(ManagementReview.Risks), nameof(ManagementReview.Discussion), nameof(ManagementReview.ImprovementOpportunities),
                     nameof(ManagementReview.QmsChanges), nameof(ManagementReview.ResourceNeeds) })
        {
            b.Property(text).HasMaxLength(ManagementReview.TextMaxLength);
        }

        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(8);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.TenantId, r.Status, r.HeldOn });
    }
}

internal sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> b)
    {
        b.ToTable("ReviewActions");
        b.Property(a => a.Text).HasMaxLength(ReviewAction.TextMaxLength);
        b.Property(a => a.OwnerId).HasMaxLength(450);
        b.Property(a => a.OwnerName).HasMaxLength(256);
        b.Property(a => a.DoneNote).HasMaxLength(ReviewAction.TextMaxLength);
        b.HasIndex(a => new { a.TenantId, a.DoneOn, a.DueDate });
    }
}

internal sealed class EffectivenessConfirmationConfiguration : IEntityTypeConfiguration<EffectivenessConfirmation>
{
    public void Configure(EntityTypeBuilder<EffectivenessConfirmation> b)
    {
        b.ToTable("EffectivenessConfirmations");
        b.Property(c => c.ApproverId).HasMaxLength(450);
        b.Property(c => c.ApproverName).HasMaxLength(256);
        b.Property(c => c.ApproverTitle).HasMaxLength(256);
        b.Property(c => c.Statement).HasMaxLength(2000);
        b.HasOne<ManagementReview>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityObjectiveConfiguration : IEntityTypeConfiguration<QualityObjective>
{
    public void Configure(EntityTypeBuilder<QualityObjective> b)
    {
        b.ToTable("QualityObjectives");
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Indicator).HasMaxLength(300);
        b.Property(o => o.Unit).HasMaxLength(20);
        b.Property(o => o.Target).HasPrecision(12, 2);
        b.Property(o => o.Direction).HasConversion<string>().HasMaxLength(8);
        b.Property(o => o.Measure).HasConversion<string>().HasMaxLength(14);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.Property(o => o.UpdatedBy).HasMaxLength(256);
        b.HasMany(o => o.Values).WithOne().HasForeignKey(v => v.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectiveValueConfiguration : IEntityTypeConfiguration<ObjectiveValue>
{
    public void Configure(EntityTypeBuilder<ObjectiveValue> b)
    {
        b.ToTable("ObjectiveValues");
        b.Property(v => v.Value).HasPrecision(12, 2);
        b.Property(v => v.Source).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(v => new { v.ObjectiveId, v.Month }).IsUnique();
    }
}

internal sealed class DeskStatisticsConfiguration : IEntityTypeConfiguration<DeskStatistics>
{
    public void Configure(EntityTypeBuilder<DeskStatistics> b)
    {
        b.ToTable("DeskStatistics");
        b.HasIndex(s => new { s.TenantId, s.Month }).IsUnique();
    }
}

internal sealed class ProvinceInspectionConfiguration : IEntityTypeConfiguration<ProvinceInspection>
{
    public void Configure(EntityTypeBuilder<ProvinceInspection> b)
    {
        b.ToTable("ProvinceInspections");
        b.Property(i => i.Unit).HasMaxLength(200);
        b.Property(i => i.Inspectors).HasMaxLength(1000);
        b.Property(i => i.Summary).HasMaxLength(8000);
        b.Property(i => i.RecordedById).HasMaxLength(450);
        b.Property(i => i.RecordedByName).HasMaxLength(256);
        b.Property(i => i.ReportReference).HasMaxLength(200);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
        b.HasIndex(i => new { i.TenantId, i.ReportSubmittedOn, i.ReportDueDate });
        b.HasIndex(i => i.PlanItemId);
    }
}
