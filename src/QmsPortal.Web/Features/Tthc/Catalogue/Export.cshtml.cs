using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc.Catalogue;

/// <summary>
/// The whole province catalogue as a <c>qms-tthc-catalogue/1</c> file: the current version of every TTHC, in the
/// import's own format, so the file can be imported again here or into another province.
/// </summary>
[Authorize(Policy = Shared.PortalWebRegistration.ProvinceCataloguePolicy)]
public sealed class ExportModel(QmsDbContext db, CatalogueAccess access, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(ProcedureContent.Json) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(string? province, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(province, toChange: false, cancellationToken);
        if (opening.Refuse(this) is { } refusal)
        {
            return refusal;
        }

        var code = opening.Province!.Code;
        var rows = await db.Set<CatalogueProcedure>().AsNoTracking().Where(p => p.ProvinceCode == code)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Aliases, p.Versions.First(v => v.Number == p.CurrentVersion).ContentJson })
            .ToListAsync(cancellationToken);
        var procedures = new JsonArray();
        foreach (var row in rows)
        {
            // Former codes gathered over several imports live on the procedure; the file carries them all so links keep working after a move.
            var content = ProcedureContent.FromJson(row.ContentJson);
            content.Aliases = content.Aliases.Union(row.Aliases.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(a => a != content.Code).ToList();
            procedures.Add(JsonSerializer.SerializeToNode(content, ProcedureContent.Json));
        }

        var file = new JsonObject { ["format"] = CatalogueImport.Format, ["province"] = code, ["procedures"] = procedures };
        var bytes = Encoding.UTF8.GetBytes(file.ToJsonString(Indented));
        var date = VietnameseFormat.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return File(bytes, "application/json; charset=utf-8", $"danh-muc-tthc-{code}-{date}.json");
    }
}
