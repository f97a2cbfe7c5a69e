using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Tthc.Catalogue;

/// <summary>
/// Creates or edits one TTHC of a province catalogue field by field (no code: a new one). Preview shows what the
/// communes will be asked to accept; Save sends the confirmed record through the import's parser and
/// <see cref="CatalogueImport.ApplyAsync"/>, so it is validated and versioned exactly as a JSON upload is.
/// </summary>
[Authorize(Policy = Shared.PortalWebRegistration.ProvinceCataloguePolicy)]
public sealed class EditModel(QmsDbContext db, CatalogueImport import, CatalogueAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    /// <summary>The code of the TTHC being edited; none when a new one is created.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ProcedureForm Input { get; set; } = new();

    /// <summary>The version the editor started from: saving over a newer one is refused.</summary>
    [BindProperty]
    public int BaseVersion { get; set; }

    /// <summary>The previewed record, carried to Save; parsed and validated again there as an import record.</summary>
    [BindProperty]
    public string? ContentJson { get; set; }

    public CatalogueProvince Opened { get; private set; } = null!;
    public CatalogueProcedure? Procedure { get; private set; }
    public bool Confirming { get; private set; }
    public List<string> Changes { get; private set; } = [];
    public int PostedCommunes { get; private set; }
    public int AdoptedCommunes { get; private set; }
    public List<(string Sha, string FileName)> UploadedForms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = Procedure is null ? new ProcedureForm() : ProcedureForm.From(Procedure.Current.Content);
        BaseVersion = Procedure?.CurrentVersion ?? 0;
        return await FormAsync(null, cancellationToken);
    }

    /// <summary>"Thêm dòng": the same form again with more blank rows in one group; nothing is checked or saved.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(string? grow, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        return await FormAsync(grow, cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var record = Input.Build((key, message) => ModelState.AddModelError("Input." + key, message), out var formKeys);
        foreach (var (field, message) in ProcedureRules.Validate(record))
        {
            var key = "Input." + ProcedureForm.FormKey(field, formKeys);
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, message);
            }
        }

        await CheckCodeAsync(record, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await FormAsync(null, cancellationToken);
        }

        if (Procedure is not null && Procedure.Current.ContentJson == record.ToJson())
        {
            ModelState.AddModelError("", "Không có thay đổi nào so với phiên bản hiện hành: không cần lưu.");
            return await FormAsync(null, cancellationToken);
        }

        Changes = Procedure is null
            ? [$"Thủ tục mới: \"{record.Name}\" ({record.Code}). Các xã của tỉnh có thể nhận và niêm yết."]
            : ProcedureRules.Differences(Procedure.Current.Content, record);
        ContentJson = record.ToJson();
        Confirming = true;
        await CountCommunesAsync(cancellationToken);
        return Page();
    }

    /// <summary>From the confirmation back to the form, with what was previewed.</summary>
    public async Task<IActionResult> OnPostBackAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        Input = Read(ContentJson) is { } record ? ProcedureForm.From(record) : Input;
        return await FormAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        JsonNode? node = null;
        try
        {
            node = JsonNode.Parse(ContentJson ?? "");
        }
        catch (JsonException)
        {
        }

        if (node is not JsonObject)
        {
            ModelState.AddModelError("", "Không đọc được nội dung đã xem trước. Hãy nhập lại và bấm \"Xem trước thay đổi\".");
            return await FormAsync(null, cancellationToken);
        }

        var (records, errors) = CatalogueImport.ParseRecords(new JsonArray(node));
        if (records.Count == 1)
        {
            Input = ProcedureForm.From(records[0]);
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError("Input." + ProcedureForm.FormKey(error.Field, new Dictionary<string, string>()), error.Message);
        }

        if (records.Count == 1)
        {
            await CheckCodeAsync(records[0], cancellationToken);
        }

        if (Procedure is not null && Procedure.CurrentVersion != BaseVersion)
        {
            ModelState.AddModelError("", $"Trong lúc anh/chị sửa, thủ tục đã có phiên bản mới (phiên bản {Procedure.CurrentVersion}). Xem trước thay đổi lại rồi lưu.");
            BaseVersion = Procedure.CurrentVersion;
        }

        if (!ModelState.IsValid || records.Count != 1)
        {
            return await FormAsync(null, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await import.ApplyAsync(Opened.Code, records, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = result.Created > 0
            ? $"Đã thêm thủ tục {records[0].Code} vào danh mục."
            : result.NewVersions > 0 ? $"Đã lưu phiên bản mới của thủ tục {records[0].Code}; các xã đã nhận thủ tục sẽ thấy niêm yết cần cập nhật." : "Không có thay đổi nào.";
        return RedirectToPage("Index", new { province = Opened.Code });
    }

    private async Task<IActionResult?> OpenAsync(CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(Province, toChange: true, cancellationToken);
        if (opening.Refuse(this) is { } refusal)
        {
            return refusal;
        }

        Opened = opening.Province!;
        Province = Opened.Code;
        if (!string.IsNullOrEmpty(Code))
        {
            Procedure = await db.Set<CatalogueProcedure>().AsNoTracking().Include(p => p.Versions)
                .FirstOrDefaultAsync(p => p.ProvinceCode == Opened.Code && p.Code == Code, cancellationToken);
            if (Procedure is null)
            {
                return NotFound();
            }
        }

        return null;
    }

    /// <summary>
    /// A new TTHC may not take a code the catalogue already has; an edited one that changes its code keeps the old
    /// one as an alias (a re-announced TTHC), which is also how <see cref="CatalogueImport.ApplyAsync"/> finds it again.
    /// </summary>
    private async Task CheckCodeAsync(ProcedureContent record, CancellationToken cancellationToken)
    {
        if (Procedure is not null && record.Code != Procedure.Code && !record.Aliases.Contains(Procedure.Code))
        {
            record.Aliases.Add(Procedure.Code);
        }

        var others = await db.Set<CatalogueProcedure>().AsNoTracking()
            .Where(p => p.ProvinceCode == Opened.Code && p.Id != (Procedure == null ? 0 : Procedure.Id))
            .Select(p => new { p.Code, p.Aliases }).ToListAsync(cancellationToken);
        var taken = others.FirstOrDefault(o => o.Code == record.Code || o.Aliases.Split(' ').Contains(record.Code)
            || record.Aliases.Contains(o.Code));
        if (taken is not null && ModelState["Input.Code"] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError("Input.Code", Procedure is null
                ? $"Mã {record.Code} đã có trong danh mục của tỉnh (thủ tục {taken.Code}): hãy sửa thủ tục đó."
                : $"Mã {record.Code} hoặc mã cũ của nó đã thuộc thủ tục khác trong danh mục ({taken.Code}).");
        }
    }

    private async Task<IActionResult> FormAsync(string? grow, CancellationToken cancellationToken)
    {
        Input.PadRows(grow);
        var forms = await db.Set<TthcFormFile>().AsNoTracking().Where(f => f.ProvinceCode == Opened.Code)
            .OrderBy(f => f.FileName).Select(f => new { f.Sha256, f.FileName }).ToListAsync(cancellationToken);
        UploadedForms = forms.Select(f => (f.Sha256, f.FileName)).ToList();
        return Page();
    }

    private async Task CountCommunesAsync(CancellationToken cancellationToken)
    {
        if (Procedure is null)
        {
            return;
        }

        // Platform page on province data: how many communes adopted this TTHC is the point, so the tenant filter is
        // off; only counts leave the query.
        var counts = await db.Set<TthcPosting>().IgnoreQueryFilters().Where(p => p.CatalogueProcedureId == Procedure.Id && p.Status != PostingStatus.Withdrawn)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        PostedCommunes = counts.Where(c => c.Key == PostingStatus.Posted).Sum(c => c.Count);
        AdoptedCommunes = counts.Sum(c => c.Count);
    }

    private static ProcedureContent? Read(string? json)
    {
        try
        {
            return json is null ? null : ProcedureContent.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
