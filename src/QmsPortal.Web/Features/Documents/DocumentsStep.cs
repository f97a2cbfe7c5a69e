using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// <c>"step": "documents"</c> — controlled documents for a commune, idempotent by code (an existing code is left
/// as the commune changed it). Each document may list earlier issues in <c>history</c> (they end up superseded)
/// and is brought to <c>status</c> through the same entity rules a user goes through. Long bodies may live in
/// Markdown files beside the recipe (<c>"bodyFile": "documents/qt-kiem-soat-tai-lieu.md"</c>). A
/// <c>"announcement"</c> records the conformity announcement (idempotent by decision number).
/// </summary>
public sealed class DocumentsStep(QmsDbContext db, TimeProvider clock, IOptions<RecipeOptions> options) : IRecipeStep
{
    private static readonly Dictionary<string, DocumentKind> Kinds = new(StringComparer.Ordinal)
    {
        ["quality-policy"] = DocumentKind.QualityPolicy,
        ["quality-objectives"] = DocumentKind.QualityObjectives,
        ["system-procedure"] = DocumentKind.SystemProcedure,
        ["tthc-procedure"] = DocumentKind.TthcProcedure,
        ["work-instruction"] = DocumentKind.WorkInstruction,
        ["form"] = DocumentKind.Form,
        ["external"] = DocumentKind.ExternalDocument,
    };

    private static readonly Dictionary<string, RevisionStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["draft"] = RevisionStatus.Draft,
        ["in-review"] = RevisionStatus.InReview,
        ["approved"] = RevisionStatus.Approved,
        ["issued"] = RevisionStatus.Issued,
    };

    public string Name => "documents";

    public RecipeScope Scope => RecipeScope.Commune;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var json in Documents(step))
        {
            var field = $"documents[{i++}]";
            try
            {
                var document = Build(json, field);
                if (!codes.Add(document.Code))
                {
                    step.Error(field + ".code", $"Mã tài liệu {document.Code} bị lặp trong tệp.");
                }
            }
            catch (DomainException e)
            {
                step.Error(field + "." + JsonField(e.Field), e.Message);
            }
        }

        if (step.Json["announcement"] is JsonObject announcement)
        {
            try
            {
                ControlledDocument.CheckTthcCodes(string.Join(' ', Strings(announcement["scope"])));
                _ = Date(announcement["decisionDate"], "announcement.decisionDate");
            }
            catch (DomainException e)
            {
                step.Error("announcement." + JsonField(e.Field), e.Message);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<ControlledDocument>().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var i = 0;
        foreach (var json in Documents(step))
        {
            var field = $"documents[{i++}]";
            var code = ControlledDocument.CheckCode((string?)json["code"]);
            if (existing.Contains(code))
            {
                continue;
            }

            // Revisions are driven one by one through the entity rules; each needs its id, hence a save per revision.
            var versions = Versions(json, field);
            var (author, approver) = Actors(json);
            var at = clock.GetUtcNow();
            var first = versions[0];
            var document = ControlledDocument.Create(code, (string)json["title"]!, Kind(json), (string)json["owner"]!, Interval(json),
                string.Join(' ', Strings(json["tthcCodes"])), string.Join('\n', Strings(json["legalBases"])), IsPublic(json), first.Body, author, at, first.Summary);
            db.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            for (var v = 0; v < versions.Count; v++)
            {
                var revision = v == 0 ? document.Revisions[0] : document.StartRevision(author, at);
                if (v > 0)
                {
                    document.EditDraft(revision, document.Title, document.Owner, document.ReviewIntervalMonths, document.TthcCodes,
                        document.LegalBases, document.IsPublic, versions[v].Body, versions[v].Summary, author, at);
                }

                Advance(document, revision, versions[v], author, approver, at);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        if (step.Json["announcement"] is JsonObject a)
        {
            var number = ((string?)a["decisionNumber"] ?? "").Trim();
            if (!await db.Set<ConformityAnnouncement>().AnyAsync(x => x.DecisionNumber == number, cancellationToken))
            {
                db.Add(new ConformityAnnouncement
                {
                    DecisionNumber = number,
                    DecisionDate = Date(a["decisionDate"], "announcement.decisionDate")!.Value,
                    SignerName = VietnameseText.Normalize((string?)a["signerName"]),
                    SignerTitle = VietnameseText.Normalize((string?)a["signerTitle"]),
                    Scope = ControlledDocument.CheckTthcCodes(string.Join(' ', Strings(a["scope"]))),
                    PostedOn = Date(a["postedOn"], "announcement.postedOn"),
                    PostingPlace = (string?)a["postingPlace"],
                });
            }
        }
    }

    private DateOnly Today => VietnameseFormat.Today(clock);

    /// <summary>Builds the document in memory exactly as Apply would, so every rule is checked without writing.</summary>
    private ControlledDocument Build(JsonObject json, string field)
    {
        var versions = Versions(json, field);
        var (author, approver) = Actors(json);
        var at = clock.GetUtcNow();
        if (!Kinds.ContainsKey((string?)json["kind"] ?? ""))
        {
            throw new DomainException("Loại tài liệu không hợp lệ.", "Kind");
        }

        var document = ControlledDocument.Create((string?)json["code"] ?? "", (string?)json["title"] ?? "", Kind(json), (string?)json["owner"] ?? "",
            Interval(json), string.Join(' ', Strings(json["tthcCodes"])), string.Join('\n', Strings(json["legalBases"])), IsPublic(json), versions[0].Body, author, at, versions[0].Summary);
        for (var v = 0; v < versions.Count; v++)
        {
            var revision = v == 0 ? document.Revisions[0] : document.StartRevision(author, at);
            if (v > 0)
            {
                document.EditDraft(revision, document.Title, document.Owner, document.ReviewIntervalMonths, document.TthcCodes,
                    document.LegalBases, document.IsPublic, versions[v].Body, versions[v].Summary, author, at);
            }

            Advance(document, revision, versions[v], author, approver, at);
        }

        return document;
    }

    private void Advance(ControlledDocument document, DocumentRevision revision, Version version, DocumentActor author, DocumentActor approver, DateTimeOffset at)
    {
        if (version.Status >= RevisionStatus.InReview)
        {
            document.Submit(revision, author, at);
        }

        // A recipe is no person and signs nothing: its approvals and issues carry no electronic signature, and the pages say so.
        if (version.Status >= RevisionStatus.Approved)
        {
            document.Approve(revision, approver, actorIsApprover: true, at, signature: null);
        }

        if (version.Status >= RevisionStatus.Issued)
        {
            document.Issue(revision, version.EffectiveDate ?? Today, approver, at, signature: null);
        }
    }

    private sealed record Version(string Body, string? Summary, RevisionStatus Status, DateOnly? EffectiveDate);

    private List<Version> Versions(JsonObject json, string field)
    {
        var mainBody = Body(json, field);
        var list = new List<Version>();
        if (json["history"] is JsonArray history)
        {
            var h = 0;
            foreach (var item in history.OfType<JsonObject>())
            {
                var body = item["body"] is null && item["bodyFile"] is null ? mainBody : Body(item, $"{field}.history[{h}]");
                list.Add(new Version(body, (string?)item["changeSummary"], RevisionStatus.Issued, Date(item["effectiveDate"], $"history[{h}].effectiveDate")));
                h++;
            }
        }

        var status = Statuses.TryGetValue((string?)json["status"] ?? "issued", out var s) ? s : throw new DomainException("Trạng thái không hợp lệ.", "Status");
        list.Add(new Version(mainBody, (string?)json["changeSummary"], status, Date(json["effectiveDate"], "effectiveDate")));
        return list;
    }

    private string Body(JsonObject json, string field)
    {
        if ((string?)json["body"] is { } body)
        {
            return body;
        }

        var file = (string?)json["bodyFile"] ?? throw new DomainException("Cần \"body\" hoặc \"bodyFile\".", "Body");
        var root = Path.GetFullPath(options.Value.FullFolder);
        var path = Path.GetFullPath(Path.Combine(root, file));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"Tệp nội dung \"{file}\" phải là tệp .md trong thư mục công thức ({field}).", "BodyFile");
        }

        if (!File.Exists(path))
        {
            throw new DomainException($"Không tìm thấy tệp nội dung \"{file}\".", "BodyFile");
        }

        return File.ReadAllText(path);
    }

    private static (DocumentActor Author, DocumentActor Approver) Actors(JsonObject json) => (
        new DocumentActor(DocumentActor.RecipePrefix + "drafter", (string?)json["drafter"] ?? "Thư ký ISO", (string?)json["drafterTitle"]),
        new DocumentActor(DocumentActor.RecipePrefix + "approver", (string?)json["approver"] ?? "Chủ tịch UBND", (string?)json["approverTitle"]));

    private static DocumentKind Kind(JsonObject json) => Kinds.GetValueOrDefault((string?)json["kind"] ?? "", DocumentKind.WorkInstruction);

    private static int Interval(JsonObject json) => json["reviewIntervalMonths"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 12;

    private static bool IsPublic(JsonObject json) => json["public"] is JsonValue v && v.TryGetValue<bool>(out var b)
        ? b
        : Kind(json) is DocumentKind.QualityPolicy or DocumentKind.QualityObjectives or DocumentKind.SystemProcedure or DocumentKind.TthcProcedure;

    private static DateOnly? Date(JsonNode? node, string field)
    {
        if ((string?)node is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DomainException($"Ngày \"{text}\" phải có dạng yyyy-MM-dd ({field}).", "EffectiveDate");
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node is JsonArray array ? array.Select(n => (string?)n ?? "") : [];

    private static IEnumerable<JsonObject> Documents(RecipeStepContext step) =>
        step.Json["documents"] is JsonArray array ? array.OfType<JsonObject>() : [];

    private static string JsonField(string? field) => field is null or "" ? "(cả mục)" : char.ToLowerInvariant(field[0]) + field[1..];
}
