using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc.Catalogue;

/// <summary>
/// A province's master TTHC catalogue (platform area): the list with links to edit and export, import from a JSON
/// file, upload forms. Who may change what is <see cref="CatalogueAccess"/>'s: an auditor only reads.
/// </summary>
[Authorize(Policy = Shared.PortalWebRegistration.ProvinceCataloguePolicy)]
[RequestSizeLimit(TthcFormFile.MaxBytes + 64 * 1024)]
public sealed class IndexModel(QmsDbContext db, CatalogueImport import, IFileStore files, TimeProvider clock, CatalogueAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    public List<Province> Provinces { get; private set; } = [];
    public CatalogueProvince Opened { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public List<ImportError> Errors { get; private set; } = [];
    public string? UploadedSha { get; private set; }

    public sealed record Row(string Code, string Aliases, string Name, string Field, int Version, string? Decision, DateOnly? EffectiveFrom, bool Rescinded);

    private static readonly FileFormat[] FormFormats = [FileFormat.Pdf, FileFormat.Doc, FileFormat.Xls, FileFormat.Docx, FileFormat.Xlsx, FileFormat.Odt];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveProvinceAsync(toChange: false, cancellationToken) is { } denied)
        {
            return denied;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await ResolveProvinceAsync(toChange: true, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (file is null || file.Length == 0)
        {
            Errors.Add(new ImportError(0, null, "file", "Hãy chọn tệp JSON danh mục thủ tục."));
        }
        else if (file.Length > CatalogueImport.MaxFileBytes)
        {
            Errors.Add(new ImportError(0, null, "file", "Tệp danh mục lớn quá 2 MB."));
        }
        else if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            Errors.Add(new ImportError(0, null, "file", "Chỉ nhận tệp .json theo định dạng qms-tthc-catalogue/1."));
        }
        else
        {
            string text;
            using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true)))
            {
                try
                {
                    text = await reader.ReadToEndAsync(cancellationToken);
                }
                catch (DecoderFallbackException)
                {
                    text = "";
                    Errors.Add(new ImportError(0, null, "file", "Tệp không phải văn bản UTF-8."));
                }
            }

            if (Errors.Count == 0)
            {
                var (province, records, errors) = CatalogueImport.ParseFile(text);
                Errors.AddRange(errors);
                if (province is not null && province != Province && errors.Count == 0)
                {
                    Errors.Add(new ImportError(0, null, "province", $"Tệp dành cho tỉnh mã {province}, không phải tỉnh đang chọn ({Province})."));
                }

                if (Errors.Count == 0)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var result = await import.ApplyAsync(Province!, records, cancellationToken: cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    TempData["Message"] = $"Đã nạp danh mục: {result.Created} thủ tục mới, {result.NewVersions} phiên bản mới, {result.Unchanged} không đổi.";
                    return RedirectToPage(new { province = Province });
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFormAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await ResolveProvinceAsync(toChange: true, cancellationToken) is { } denied)
        {
            return denied;
        }

        var format = FileFormats.FromFileName(file?.FileName);
        if (file is null || file.Length == 0)
        {
            Errors.Add(new ImportError(0, null, "form", "Hãy chọn tệp mẫu đơn, tờ khai."));
        }
        else if (file.Length > TthcFormFile.MaxBytes)
        {
            Errors.Add(new ImportError(0, null, "form", "Tệp mẫu lớn quá 5 MB."));
        }
        else if (format is null || !FormFormats.Contains(format.Value))
        {
            Errors.Add(new ImportError(0, null, "form", "Chỉ nhận mẫu dạng PDF, DOC, DOCX, XLS, XLSX hoặc ODT."));
        }
        else
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, cancellationToken);
            if (ContentInspector.FindProblem(memory, format.Value) is { } problem)
            {
                Errors.Add(new ImportError(0, null, "form", problem));
            }
            else
            {
                // Bytes go to the content-addressed file store; the row keeps the province, name and type.
                memory.Position = 0;
                var sha = (await files.SaveAsync(memory, TthcFormFile.MaxBytes, cancellationToken)).Key;
                if (!await db.Set<TthcFormFile>().AnyAsync(f => f.ProvinceCode == Province && f.Sha256 == sha, cancellationToken))
                {
                    var name = VietnameseText.Normalize(Path.GetFileName(file.FileName));
                    db.Add(new TthcFormFile { ProvinceCode = Province!, Sha256 = sha, FileName = name.Length > 200 ? name[^200..] : name, ContentType = format.Value.ContentType(), CreatedAt = clock.GetUtcNow() });
                    await db.SaveChangesAsync(cancellationToken);
                }

                UploadedSha = sha;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> ResolveProvinceAsync(bool toChange, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(Province, toChange, cancellationToken);
        if (opening.Refuse(this) is { } refusal)
        {
            return refusal;
        }

        Opened = opening.Province!;
        Province = Opened.Code;
        if (User.IsInRole(PlatformRoles.PlatformAdmin))
        {
            Provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        }

        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<CatalogueProcedure>().AsNoTracking().Where(p => p.ProvinceCode == Province)
            .Select(p => new { p.Code, p.Aliases, v = p.Versions.First(v => v.Number == p.CurrentVersion) })
            .ToListAsync(cancellationToken);
        Rows = rows.Select(r => new Row(r.Code, r.Aliases, r.v.Name, r.v.Field, r.v.Number, r.v.DecisionNumber, r.v.EffectiveFrom, r.v.Rescinded))
            .OrderBy(r => r.Field).ThenBy(r => r.Name).ToList();
    }
}
