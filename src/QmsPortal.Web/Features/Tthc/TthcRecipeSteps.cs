using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Features.Tthc.Catalogue;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>
/// <c>"step": "tthc-catalogue"</c> (platform) — loads a province catalogue from <c>file</c> (import format,
/// relative to the recipe folder) or inline <c>procedures</c>; idempotent by TTHC code (an identical record adds nothing).
/// </summary>
public sealed class TthcCatalogueStep(CatalogueImport import, IOptions<RecipeOptions> options) : IRecipeStep
{
    public string Name => "tthc-catalogue";

    public RecipeScope Scope => RecipeScope.Platform;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        Load(step, options.Value, report: true);
        return Task.CompletedTask;
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var records = Load(step, options.Value, report: false);
        await import.ApplyAsync((string)step.Json["province"]!, records, onlyMissing: false, cancellationToken);
    }

    internal static List<ProcedureContent> Load(RecipeStepContext step, RecipeOptions options, bool report, string fileField = "file")
    {
        var records = new List<ProcedureContent>();
        if ((string?)step.Json[fileField] is { } file)
        {
            var path = Path.Combine(options.FullFolder, file);
            if (file.Contains("..", StringComparison.Ordinal) || !File.Exists(path))
            {
                if (report)
                {
                    step.Error(fileField, $"Không tìm thấy tệp danh mục \"{file}\" trong thư mục công thức.");
                }

                return records;
            }

            var (_, parsed, errors) = CatalogueImport.ParseFile(File.ReadAllText(path));
            if (report)
            {
                foreach (var e in errors)
                {
                    step.Error(fileField, $"{file}: {e}");
                }
            }

            records.AddRange(parsed);
        }

        if (step.Json["procedures"] is JsonArray inline)
        {
            var (parsed, errors) = CatalogueImport.ParseRecords(inline);
            if (report)
            {
                foreach (var e in errors)
                {
                    step.Error($"procedures[{e.Record - 1}].{e.Field}", e.Message);
                }
            }

            records.AddRange(parsed);
        }

        return records;
    }
}

/// <summary>
/// <c>"step": "tthc-postings"</c> (commune) — makes sure the commune's province catalogue holds the
/// <c>starter</c> catalogue's TTHC (only those it lacks), adopts <c>adopt</c> ("all" or codes), sets local
/// details from <c>postings</c> and posts them when <c>publish</c> is true. Idempotent by TTHC code. A
/// <c>workProcedureCode</c> must name a document the commune has when the step applies (earlier steps may create it).
/// </summary>
public sealed class TthcPostingsStep(CatalogueImport import, Postings postings, IOptions<RecipeOptions> options, Data.QmsDbContext db, Data.IDocumentCodes documents)
    : IRecipeStep
{
    public string Name => "tthc-postings";

    public RecipeScope Scope => RecipeScope.Commune;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        TthcCatalogueStep.Load(step, options.Value, report: true, fileField: "starter");
        var i = 0;
        foreach (var posting in step.Json["postings"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (!ProcedureRules.IsValidCode((string?)posting["code"]))
            {
                step.Error($"postings[{i}].code", ProcedureRules.CodeMessage);
            }

            i++;
        }

        if (step.Json["adopt"] is JsonArray codes)
        {
            for (var j = 0; j < codes.Count; j++)
            {
                if (!ProcedureRules.IsValidCode((string?)codes[j]))
                {
                    step.Error($"adopt[{j}]", ProcedureRules.CodeMessage);
                }
            }
        }

        return Task.CompletedTask;
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var tenant = step.RequiredTenant;
        var starter = TthcCatalogueStep.Load(step, options.Value, report: false, fileField: "starter");
        if (starter.Count > 0)
        {
            await import.ApplyAsync(tenant.ProvinceCode, starter, onlyMissing: true, cancellationToken);
        }

        var codes = step.Json["adopt"] is JsonArray list ? list.Select(c => (string)c!).ToList() : null;
        await postings.AdoptAsync(tenant.ProvinceCode, codes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var publish = step.Json["publish"] is JsonValue p && p.GetValue<bool>();
        var details = (step.Json["postings"]?.AsArray().OfType<JsonObject>() ?? []).ToDictionary(o => (string)o["code"]!);
        foreach (var code in codes ?? (await new PostingCompleteness(db).StatesAsync(cancellationToken)).Select(s => s.Code).ToList())
        {
            var posting = await postings.FindAsync(code, cancellationToken);
            if (posting is null)
            {
                continue;
            }

            if (details.TryGetValue(code, out var d))
            {
                posting.Room = (string?)d["room"] ?? posting.Room;
                posting.Contact = (string?)d["contact"] ?? posting.Contact;
                posting.OfficeHours = (string?)d["officeHours"] ?? posting.OfficeHours;
                posting.LocalFeeNote = (string?)d["localFeeNote"] ?? posting.LocalFeeNote;
                posting.WorkProcedureCode = (string?)d["workProcedureCode"] is { } procedure
                    ? (await documents.FindAsync(procedure, cancellationToken))?.Code ?? throw new RecipeValidationException([new RecipeError(step.Recipe.FileName,
                        step.Index + 1, step.StepName, $"postings[{code}].workProcedureCode", $"Mã quy trình nội bộ \"{procedure}\" không có trong thư viện tài liệu của xã.")])
                    : posting.WorkProcedureCode;
                posting.InIsoScope = d["inIsoScope"] is JsonValue scope ? scope.GetValue<bool>() : posting.InIsoScope;
            }

            var keepDraft = d?["status"] is JsonValue s && (string?)s == "draft";
            if (publish && !keepDraft && posting.Status == PostingStatus.Draft)
            {
                posting.Publish(Postings.ShownVersion(posting).Content);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await postings.EvictAsync(tenant.Id, cancellationToken);
    }
}
