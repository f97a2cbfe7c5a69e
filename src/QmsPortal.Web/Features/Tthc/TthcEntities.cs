using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>
/// One TTHC in a province's master catalogue (the list announced by the provincial chair's decisions).
/// Province data, not commune data: deliberately not <see cref="ITenantOwned"/>; every query names the province.
/// </summary>
public sealed class CatalogueProcedure
{
    public int Id { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string Code { get; set; } = "";

    /// <summary>Former codes, space-separated, so postings and links made before re-announcement still resolve.</summary>
    public string Aliases { get; set; } = "";

    public int CurrentVersion { get; set; }
    public List<CatalogueVersion> Versions { get; } = [];

    public CatalogueVersion Current => Versions.Single(v => v.Number == CurrentVersion);
}

/// <summary>One announced state of a catalogue TTHC; immutable once stored, so it is kept ready to render.</summary>
public sealed class CatalogueVersion
{
    public int Id { get; set; }
    public int CatalogueProcedureId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public string ContentJson { get; set; } = "";
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public bool Rescinded { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public ProcedureContent Content => _content ??= ProcedureContent.FromJson(ContentJson);
    private ProcedureContent? _content;
}

public enum PostingStatus
{
    Draft,
    Posted,
    Withdrawn,
}

/// <summary>
/// A commune's posting (niêm yết) of a catalogue TTHC: which announced version it shows, plus local details.
/// Stale when the catalogue has a newer version than the one accepted here.
/// </summary>
public sealed class TthcPosting : ITenantOwned, IStamped
{
    public const int LocalMax = 500;

    public int Id { get; set; }
    public int TenantId { get; set; }
    public int CatalogueProcedureId { get; set; }
    public CatalogueProcedure? CatalogueProcedure { get; set; }
    public string Code { get; set; } = "";
    public PostingStatus Status { get; private set; } = PostingStatus.Draft;
    public int CurrentRevision { get; private set; }
    public List<TthcPostingRevision> Revisions { get; } = [];

    // Denormalised from the accepted version so the public list needs no JSON.
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public string TimeSummary { get; set; } = "";
    public string FeeSummary { get; set; } = "";

    public string? Room { get; set; }
    public string? Contact { get; set; }
    public string? OfficeHours { get; set; }

    /// <summary>Local fee decision text, verbatim, where the province lets communes set one.</summary>
    public string? LocalFeeNote { get; set; }

    /// <summary>The ISO work procedure that handles this TTHC (e.g. "QT-05/CX-HT").</summary>
    public string? WorkProcedureCode { get; set; }

    public bool InIsoScope { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static TthcPosting Adopt(CatalogueProcedure procedure, CatalogueVersion version, DateTimeOffset at)
    {
        var posting = new TthcPosting { CatalogueProcedureId = procedure.Id, CatalogueProcedure = procedure, Code = procedure.Code };
        posting.AddRevision(version, at);
        return posting;
    }

    /// <summary>Shows a newer announced version (accepting a change); the previous revision stays readable.</summary>
    public void Accept(CatalogueVersion version, DateTimeOffset at)
    {
        if (Revisions.Count > 0 && Revisions.Max(r => r.CatalogueVersionNumber) >= version.Number)
        {
            throw new DomainException("Niêm yết đã theo phiên bản này hoặc mới hơn.");
        }

        AddRevision(version, at);
        if (version.Rescinded)
        {
            Status = PostingStatus.Withdrawn;
        }
    }

    private void AddRevision(CatalogueVersion version, DateTimeOffset at)
    {
        CurrentRevision++;
        Revisions.Add(new TthcPostingRevision { Number = CurrentRevision, CatalogueVersionId = version.Id, CatalogueVersion = version, CatalogueVersionNumber = version.Number, AcceptedAt = at });
        var c = version.Content;
        // A TTHC re-announced under a new code is posted under the new code; the old one resolves as an alias.
        Code = c.Code;
        Name = c.Name;
        Field = c.Field;
        TimeSummary = Cut(ProcedureRules.TimeSummary(c), 300);
        FeeSummary = Cut(ProcedureRules.FeeSummary(c), 300);
    }

    public void Publish(ProcedureContent content)
    {
        if (Status == PostingStatus.Withdrawn && content.Rescinded)
        {
            throw new DomainException("Thủ tục đã bị bãi bỏ, không niêm yết lại được.");
        }

        var missing = ProcedureRules.MissingForPosting(content);
        if (missing.Count > 0)
        {
            throw new DomainException("Chưa niêm yết được: " + string.Join(" ", missing));
        }

        Status = PostingStatus.Posted;
    }

    public void Withdraw() => Status = PostingStatus.Withdrawn;

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

public sealed class TthcPostingRevision : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public int TthcPostingId { get; set; }
    public int Number { get; set; }
    public int CatalogueVersionId { get; set; }
    public CatalogueVersion? CatalogueVersion { get; set; }
    public int CatalogueVersionNumber { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
}

public enum FeedbackStatus
{
    New,
    Handled,
}

/// <summary>A citizen's report that a posting is wrong ("Báo sai sót"); input to nonconformities later.</summary>
public sealed class TthcFeedback : ITenantOwned
{
    public const int MessageMax = 2000;
    public const int ContactMax = 200;

    public int Id { get; set; }
    public int TenantId { get; set; }
    public string Reference { get; set; } = "";
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Contact { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public FeedbackStatus Status { get; set; }

    /// <summary>The finding the report was turned into ("PH-2026-001"): the audit records write it when they raise that finding.</summary>
    public string? FindingReference { get; private set; }

    /// <summary>The report became a finding: it is handled, and the list shows which finding took it up.</summary>
    public void TurnIntoFinding(string findingReference)
    {
        if (FindingReference is not null)
        {
            throw new DomainException($"Phản ánh {Reference} đã được lập thành phát hiện {FindingReference}.");
        }

        FindingReference = findingReference;
        Status = FeedbackStatus.Handled;
    }
}

/// <summary>A downloadable form (mẫu đơn, tờ khai) of a province catalogue, addressed by its SHA-256.</summary>
public sealed class TthcFormFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public int Id { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CatalogueProcedureConfiguration : IEntityTypeConfiguration<CatalogueProcedure>
{
    public void Configure(EntityTypeBuilder<CatalogueProcedure> b)
    {
        b.Property(p => p.ProvinceCode).HasMaxLength(2);
        b.Property(p => p.Code).HasMaxLength(60);
        b.Property(p => p.Aliases).HasMaxLength(1000);
        b.HasIndex(p => new { p.ProvinceCode, p.Code }).IsUnique();
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.CatalogueProcedureId);
        b.Ignore(p => p.Current);
    }
}

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> b)
    {
        b.Property(v => v.Name).HasMaxLength(ProcedureRules.NameMax);
        b.Property(v => v.Field).HasMaxLength(200);
        b.Property(v => v.ContentJson).HasMaxLength(200_000);
        b.Property(v => v.DecisionNumber).HasMaxLength(100);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.CatalogueProcedureId, v.Number }).IsUnique();
        b.Ignore(v => v.Content);
    }
}

internal sealed class TthcPostingConfiguration : IEntityTypeConfiguration<TthcPosting>
{
    public void Configure(EntityTypeBuilder<TthcPosting> b)
    {
        b.Property(p => p.Code).HasMaxLength(60);
        b.Property(p => p.Name).HasMaxLength(ProcedureRules.NameMax);
        b.Property(p => p.Field).HasMaxLength(200);
        b.Property(p => p.TimeSummary).HasMaxLength(300);
        b.Property(p => p.FeeSummary).HasMaxLength(300);
        b.Property(p => p.Room).HasMaxLength(TthcPosting.LocalMax);
        b.Property(p => p.Contact).HasMaxLength(TthcPosting.LocalMax);
        b.Property(p => p.OfficeHours).HasMaxLength(TthcPosting.LocalMax);
        b.Property(p => p.LocalFeeNote).HasMaxLength(2000);
        b.Property(p => p.WorkProcedureCode).HasMaxLength(60);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
        b.HasOne(p => p.CatalogueProcedure).WithMany().HasForeignKey(p => p.CatalogueProcedureId);
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.TthcPostingId);
    }
}

internal sealed class TthcPostingRevisionConfiguration : IEntityTypeConfiguration<TthcPostingRevision>
{
    public void Configure(EntityTypeBuilder<TthcPostingRevision> b)
    {
        b.HasIndex(r => new { r.TthcPostingId, r.Number }).IsUnique();
        b.HasOne(r => r.CatalogueVersion).WithMany().HasForeignKey(r => r.CatalogueVersionId);
    }
}

internal sealed class TthcFeedbackConfiguration : IEntityTypeConfiguration<TthcFeedback>
{
    public void Configure(EntityTypeBuilder<TthcFeedback> b)
    {
        b.Property(f => f.Reference).HasMaxLength(20);
        b.Property(f => f.Code).HasMaxLength(60);
        b.Property(f => f.Message).HasMaxLength(TthcFeedback.MessageMax);
        b.Property(f => f.Contact).HasMaxLength(TthcFeedback.ContactMax);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.FindingReference).HasMaxLength(20);
        b.HasIndex(f => new { f.TenantId, f.Reference }).IsUnique();
    }
}

internal sealed class TthcFormFileConfiguration : IEntityTypeConfiguration<TthcFormFile>
{
    public void Configure(EntityTypeBuilder<TthcFormFile> b)
    {
        b.Property(f => f.ProvinceCode).HasMaxLength(2);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.HasIndex(f => new { f.ProvinceCode, f.Sha256 }).IsUnique();
    }
}
