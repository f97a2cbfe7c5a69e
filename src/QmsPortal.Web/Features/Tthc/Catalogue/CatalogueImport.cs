using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Tthc.Catalogue;

/// <summary>One problem in an import file: which record (1-based, 0 = the file itself), which field, why.</summary>
public sealed record ImportError(int Record, string? Code, string Field, string Message)
{
    public override string ToString() =>
        Record == 0 ? $"Tệp, trường \"{Field}\": {Message}" : $"Bản ghi {Record}{(Code is null ? "" : $" ({Code})")}, trường \"{Field}\": {Message}";
}

public sealed record ImportResult(int Created, int NewVersions, int Unchanged);

/// <summary>
/// Loads province catalogue records (format: content-recipes/TTHC-FORMAT.md). Parsing and validation write
/// nothing and report every error; <see cref="ApplyAsync"/> runs inside the caller's transaction.
/// Province-level data: the catalogue is deliberately outside the tenant filter, and every query names the province.
/// </summary>
public sealed class CatalogueImport(QmsDbContext db, TimeProvider clock, CurrentActor actor)
{
    public const string Format = "qms-tthc-catalogue/1";
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Parses a whole import file: <c>{"format", "province", "procedures": [...]}</c>.</summary>
    public static (string? Province, List<ProcedureContent> Records, List<ImportError> Errors) ParseFile(string json)
    {
        var errors = new List<ImportError>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            errors.Add(new ImportError(0, null, "-", $"JSON sai cú pháp (dòng {(e.LineNumber ?? 0) + 1}, vị trí {(e.BytePositionInLine ?? 0) + 1})."));
            return (null, [], errors);
        }

        if (root is not JsonObject obj)
        {
            errors.Add(new ImportError(0, null, "-", "Tệp phải là một đối tượng JSON có các trường format, province, procedures."));
            return (null, [], errors);
        }

        if ((string?)(obj["format"] as JsonValue) != Format)
        {
            errors.Add(new ImportError(0, null, "format", $"Trường format phải là \"{Format}\"."));
        }

        var province = obj["province"] is JsonValue pv && pv.TryGetValue<string>(out var p) ? p : null;
        if (province is null || province.Length != 2 || !province.All(char.IsAsciiDigit))
        {
            errors.Add(new ImportError(0, null, "province", "Mã tỉnh gồm đúng 2 chữ số."));
        }

        if (obj["procedures"] is not JsonArray array)
        {
            errors.Add(new ImportError(0, null, "procedures", "Thiếu danh sách thủ tục (procedures)."));
            return (province, [], errors);
        }

        var (records, recordErrors) = ParseRecords(array);
        errors.AddRange(recordErrors);
        return (province, records, errors);
    }

    /// <summary>Parses and validates records (also the recipe's inline <c>procedures</c>).</summary>
    public static (List<ProcedureContent> Records, List<ImportError> Errors) ParseRecords(JsonArray array)
    {
        var errors = new List<ImportError>();
        var records = new List<ProcedureContent>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var n = i + 1;
            var code = array[i] is JsonObject o && o["code"] is JsonValue cv && cv.TryGetValue<string>(out var c) ? c : null;
            ProcedureContent? record;
            try
            {
                record = array[i]?.Deserialize<ProcedureContent>(ProcedureContent.Json);
            }
            catch (JsonException e)
            {
                var path = (e.Path ?? "$").TrimStart('$', '.');
                errors.Add(new ImportError(n, code, path.Length == 0 ? "-" : path,
                    e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                        ? "Trường không có trong định dạng (xem TTHC-FORMAT.md)."
                        : "Giá trị sai kiểu (số, chuỗi, ngày yyyy-MM-dd hoặc danh sách)."));
                continue;
            }

            if (record is null)
            {
                errors.Add(new ImportError(n, code, "-", "Bản ghi rỗng."));
                continue;
            }

            ProcedureRules.Normalize(record);
            foreach (var (field, message) in ProcedureRules.Validate(record))
            {
                errors.Add(new ImportError(n, code, field, message));
            }

            if (record.Code.Length > 0 && !codes.Add(record.Code))
            {
                errors.Add(new ImportError(n, code, "code", $"Mã {record.Code} bị lặp trong tệp."));
            }

            records.Add(record);
        }

        return (records, errors);
    }

    /// <summary>
    /// Stores the records in the province catalogue: a new TTHC gets version 1, a changed one a new version
    /// (the previous stays), an identical one nothing — so importing twice is harmless.
    /// With <paramref name="onlyMissing"/>, existing TTHC are left alone (the starter catalogue never overrides a province's own).
    /// </summary>
    public async Task<ImportResult> ApplyAsync(string provinceCode, IReadOnlyList<ProcedureContent> records, bool onlyMissing = false, CancellationToken cancellationToken = default)
    {
        int created = 0, versions = 0, unchanged = 0;
        var existing = await db.Set<CatalogueProcedure>().Include(p => p.Versions)
            .Where(p => p.ProvinceCode == provinceCode).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var json = record.ToJson();
            var procedure = existing.FirstOrDefault(p => p.Code == record.Code)
                ?? existing.FirstOrDefault(p => record.Aliases.Contains(p.Code) || p.Aliases.Split(' ').Contains(record.Code));
            if (procedure is null)
            {
                procedure = new CatalogueProcedure { ProvinceCode = provinceCode, Code = record.Code };
                db.Add(procedure);
                existing.Add(procedure);
                created++;
            }
            else if (onlyMissing || procedure.Current.ContentJson == json)
            {
                unchanged++;
                continue;
            }
            else
            {
                versions++;
            }

            // A re-announced TTHC under a new code keeps the old one as an alias.
            var aliases = procedure.Aliases.Split(' ', StringSplitOptions.RemoveEmptyEntries).Union(record.Aliases);
            if (procedure.Code != record.Code)
            {
                aliases = aliases.Append(procedure.Code);
                procedure.Code = record.Code;
            }

            procedure.Aliases = string.Join(' ', aliases.Where(a => a != record.Code).Distinct());
            procedure.CurrentVersion++;
            procedure.Versions.Add(new CatalogueVersion
            {
                Number = procedure.CurrentVersion,
                Name = record.Name,
                Field = record.Field,
                ContentJson = json,
                DecisionNumber = record.Decision?.Number,
                DecisionDate = record.Decision?.Date,
                EffectiveFrom = record.Decision?.EffectiveFrom,
                Rescinded = record.Rescinded,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = actor.Name,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(created, versions, unchanged);
    }
}
