using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Files;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Documents;

public static class DocumentsRegistration
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentLibrary>();
        services.AddScoped<IDocumentCodes, DocumentCodes>();
        services.AddScoped<Signatures.RevisionSigning>();
        services.AddScoped<Signatures.SignatureIntegrity>();
        services.AddScoped<IRecipeStep, DocumentsStep>();
        services.AddCommuneNavItem("Hệ thống ISO", "iso", 20);
        services.AddStaffNavItem("Thư viện tài liệu", "tai-lieu", 10, CommunePolicies.Reader);
        services.AddStaffNavItem("Tình trạng ISO", "tai-lieu/he-thong-iso", 40, CommunePolicies.Reader);
        services.AddReminderRule<Reminders.DocumentReviewDueRule>();
        services.AddReminderRule<Reminders.RevisionAwaitingReviewRule>();
        services.AddReminderRule<Reminders.RevisionAwaitingApprovalRule>();
        services.AddReminderRule<Reminders.LegalChangeUpdateDueRule>();
        services.AddReminderRule<Reminders.AcknowledgementPendingRule>();
        services.AddSearchSource<Search.DocumentSearchSource>();
        return services;
    }

    /// <summary>
    /// Attachment downloads: issued revisions of public documents for everyone (including one superseded on a date still to
    /// come, which is in force until then), everything else for readers of the commune only.
    /// </summary>
    public static WebApplication MapDocuments(this WebApplication app)
    {
        app.MapGet("/{slug}/tai-lieu/tep/{id:int}", async (int id, TenantContext tenant, QmsDbContext db, CommuneAccess access, IFileStore files, TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            if (tenant.Current is null)
            {
                return Results.NotFound();
            }

            var today = Text.VietnameseFormat.Today(clock);
            var file = await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.Id == id)
                .Select(a => new
                {
                    a.FileName,
                    a.ContentType,
                    a.ContentKey,
                    Public = db.Set<ControlledDocument>().Any(d => d.Id == a.DocumentId && d.IsPublic)
                        && db.Set<DocumentRevision>().Any(r => r.Id == a.RevisionId
                            && (r.Status == RevisionStatus.Issued || (r.Status == RevisionStatus.Superseded && r.EndDate > today))),
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

/// <summary>Small helpers the document pages share: who is acting, who may review, what applies today, and the commune's ISO status.</summary>
public sealed class DocumentLibrary(QmsDbContext db, UserManager<PortalUser> users, IHttpContextAccessor http, TimeProvider clock, TenantContext tenant)
{
    public async Task<DocumentActor> ActorAsync()
    {
        var principal = http.HttpContext?.User ?? new ClaimsPrincipal();
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("No signed-in user.");
        return new DocumentActor(user.Id, user.FullName.Length > 0 ? user.FullName : user.Email ?? user.Id, user.JobTitle);
    }

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public DateOnly Today => Text.VietnameseFormat.Today(clock);

    /// <summary>Whether the commune wants every document reviewed by a named member before approval.</summary>
    public async Task<bool> ReviewRequiredAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Required.Id;
        return await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.DocumentReviewRequired).FirstAsync(cancellationToken);
    }

    /// <summary>A member of this commune as an actor (e.g. the reviewer a submitter names), or null for anyone else.</summary>
    public async Task<DocumentActor?> MemberActorAsync(string? userId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Required.Id;
        var member = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenantId && m.UserId == userId)
            .Select(m => new { m.UserId, m.User!.FullName, m.User.Email, m.User.JobTitle }).FirstOrDefaultAsync(cancellationToken);
        return member is null ? null : new DocumentActor(member.UserId, member.FullName.Length > 0 ? member.FullName : member.Email ?? member.UserId, member.JobTitle);
    }

    /// <summary>The commune's members a submitter may name as reviewer: not the submitter, not anyone who wrote or changed the revision.</summary>
    public async Task<IReadOnlyList<ReviewerChoice>> ReviewerChoicesAsync(string contributorIds, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Required.Id;
        var excluded = contributorIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(UserId ?? "").ToHashSet(StringComparer.Ordinal);
        var members = await db.Memberships.AsNoTracking().Where(m => m.TenantId == tenantId)
            .Select(m => new { m.UserId, m.User!.FullName, m.User.Email, m.User.JobTitle, m.Role }).ToListAsync(cancellationToken);
        return members.Where(m => !excluded.Contains(m.UserId)).GroupBy(m => m.UserId)
            .Select(g => new ReviewerChoice(g.Key, g.First().FullName.Length > 0 ? g.First().FullName : g.First().Email ?? g.Key, g.First().JobTitle,
                g.Select(m => m.Role).Order().ToList()))
            .OrderBy(c => c.Name, StringComparer.Create(Text.VietnameseFormat.Culture, false)).ToList();
    }

    /// <summary>Every issued revision of the commune's documents (in force, to come, or ended), for deciding what applies on a day.</summary>
    public async Task<ILookup<int, IssuedRow>> IssuedRevisionsAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.IssueNumber != null && r.EffectiveDate != null)
            .Select(r => new IssuedRow(r.DocumentId, r.Id, r.IssueNumber!.Value, r.Status, r.EffectiveDate!.Value, r.EndDate, r.ApproverId, r.IssuerId))
            .ToListAsync(cancellationToken))
        .ToLookup(r => r.DocumentId);

    /// <summary>Per document, the issued revision in force today and the one to come (by effective and end dates, not by status alone).</summary>
    public async Task<IReadOnlyDictionary<int, DocumentStanding>> StandingsAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        return (await IssuedRevisionsAsync(cancellationToken)).ToDictionary(g => g.Key, g => DocumentStanding.Of(g, today));
    }

    /// <summary>The TTHC codes of the procedures the commune itself issued and applies today: the scope a conformity announcement must match.</summary>
    public async Task<IReadOnlySet<string>> CurrentScopeAsync(CancellationToken cancellationToken = default) =>
        (await InForceAsync(cancellationToken)).Where(d => d.Kind == DocumentKind.TthcProcedure && d.Standing.InForceAsCommunes)
            .SelectMany(d => d.TthcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();

    /// <summary>The commune's four-step status today, from the same gathering the province's compliance table reads.</summary>
    public async Task<IsoStatus> IsoStatusAsync(CancellationToken cancellationToken = default) =>
        IsoStatus.Derive((await new IsoFactsGathering(db).ForCommuneAsync(tenant.Required.Id, Today, cancellationToken)).Facts);

    /// <summary>The commune's documents that have been issued at least once, with what applies today.</summary>
    private async Task<List<IssuedDocument>> InForceAsync(CancellationToken cancellationToken)
    {
        var standings = await StandingsAsync(cancellationToken);
        var documents = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.IssueNumber > 0)
            .Select(d => new { d.Id, d.Kind, d.TthcCodes }).ToListAsync(cancellationToken);
        return documents.Select(d => new IssuedDocument(d.Kind, d.TthcCodes, standings.GetValueOrDefault(d.Id, DocumentStanding.None))).ToList();
    }

    private sealed record IssuedDocument(DocumentKind Kind, string TthcCodes, DocumentStanding Standing);

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

/// <summary>A member a submitter may name as reviewer, with their job title and roles so the right person is easy to pick.</summary>
public sealed record ReviewerChoice(string UserId, string Name, string? JobTitle, IReadOnlyList<CommuneRole> Roles);
