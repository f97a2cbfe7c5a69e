using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Documents;

public static class DocumentsRegistration
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentLibrary>();
        services.AddScoped<Signatures.RevisionSigning>();
        services.AddScoped<Signatures.SignatureIntegrity>();
        services.AddScoped<IRecipeStep, DocumentsStep>();
        services.AddCommuneNavItem("Hệ thống ISO", "iso", 20);
        return services;
    }

    /// <summary>Attachment downloads: public issued documents for everyone, everything else for readers of the commune only.</summary>
    public static WebApplication MapDocuments(this WebApplication app)
    {
        app.MapGet("/{slug}/tai-lieu/tep/{id:int}", async (int id, TenantContext tenant, QmsDbContext db, CommuneAccess access, IFileStore files, CancellationToken cancellationToken) =>
        {
            if (tenant.Current is null)
            {
                return Results.NotFound();
            }

            var file = await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.Id == id)
                .Select(a => new
                {
                    a.FileName,
                    a.ContentType,
                    a.ContentKey,
                    Public = db.Set<ControlledDocument>().Any(d => d.Id == a.DocumentId && d.IsPublic)
                        && db.Set<DocumentRevision>().Any(r => r.Id == a.RevisionId && r.Status == RevisionStatus.Issued),
                })
                .FirstOrDefaultAsync(cancellationToken);
            // Unknown, another commune's, or not readable by this user: the same 404, so ids cannot be probed.
            if (file is null || (!file.Public && !await access.CanReadInternalAsync()))
            {
                return Results.NotFound();
            }

            var stream = files.OpenRead(file.ContentKey);
            return stream is null ? Results.NotFound() : Results.File(stream, file.ContentType, file.FileName);
        });
        return app;
    }
}

/// <summary>Small helpers the document pages share: who is acting, and the commune's ISO status.</summary>
public sealed class DocumentLibrary(QmsDbContext db, UserManager<PortalUser> users, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<DocumentActor> ActorAsync()
    {
        var principal = http.HttpContext?.User ?? new ClaimsPrincipal();
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("No signed-in user.");
        return new DocumentActor(user.Id, user.FullName.Length > 0 ? user.FullName : user.Email ?? user.Id, user.JobTitle);
    }

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public DateOnly Today => Text.VietnameseFormat.Today(clock);

    public async Task<IsoStatus> IsoStatusAsync(CancellationToken cancellationToken = default)
    {
        var issued = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Status == RevisionStatus.Issued)
            .Select(d => new { d.Kind, d.TthcCodes }).ToListAsync(cancellationToken);
        var evidence = await db.Set<IsoEvidence>().AsNoTracking().GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Last = g.Max(e => e.Date) }).ToListAsync(cancellationToken);
        var announcement = await db.Set<ConformityAnnouncement>().AsNoTracking().OrderByDescending(a => a.DecisionDate).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var today = Today;
        var overdue = await db.Set<LegalChangeItem>().CountAsync(i => i.ResolvedAt == null && i.DueDate < today, cancellationToken);
        DateOnly? Last(IsoEvidenceKind kind) => evidence.FirstOrDefault(e => e.Kind == kind)?.Last;
        var scope = issued.Where(d => d.Kind == DocumentKind.TthcProcedure)
            .SelectMany(d => d.TthcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        return IsoStatus.Derive(new IsoFacts(
            issued.Any(d => d.Kind == DocumentKind.QualityPolicy),
            issued.Any(d => d.Kind == DocumentKind.QualityObjectives),
            issued.Count(d => d.Kind is DocumentKind.SystemProcedure or DocumentKind.TthcProcedure),
            Last(IsoEvidenceKind.InternalAudit), Last(IsoEvidenceKind.ManagementReview), Last(IsoEvidenceKind.EffectivenessConfirmation),
            announcement is null ? null : new ConformityAnnouncementFacts(announcement.DecisionNumber, announcement.DecisionDate, announcement.SignerName,
                announcement.SignerTitle, announcement.ScopeCodes.ToHashSet(), announcement.PostedOn, announcement.PostingPlace),
            scope, overdue, today));
    }

    /// <summary>Suggests the next free number for a kind's prefix, keeping the commune's usual suffix (e.g. QT-07/CX-HCTP).</summary>
    public async Task<string> SuggestCodeAsync(DocumentKind kind, CancellationToken cancellationToken = default)
    {
        var prefix = DocumentLabels.Prefix(kind) + "-";
        var codes = await db.Set<ControlledDocument>().AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken);
        var numbers = codes.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c[prefix.Length..].Split('/')[0], out var n) ? n : 0).DefaultIfEmpty(0);
        var suffix = codes.Select(c => c.IndexOf('/', StringComparison.Ordinal) is var i && i > 0 ? c[i..] : null)
            .Where(s => s is not null).GroupBy(s => s).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";
        return $"{prefix}{numbers.Max() + 1:00}{suffix}";
    }
}
