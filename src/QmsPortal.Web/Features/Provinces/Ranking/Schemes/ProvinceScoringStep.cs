using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Ranking.Schemes;

/// <summary>
/// <c>"step": "province-scoring"</c> (platform recipes) — one version of a province's scoring scheme for a year:
/// <c>{"province": "44", "year": 2026, "version": 1, "title": "…", "criteria": [{"key": "iso-steps", "weight": 25,
/// "thresholds": {"fullAt": 4}}, …]}</c>. Criteria come from <see cref="ScoringCriteria"/>; weights sum to 100.
/// Idempotent by (province, year, version): a version is stored once and never changed, so applying it again unchanged
/// does nothing, while a changed scheme needs a version above the latest (the old ones stay, so a past day is scored
/// as it was).
/// </summary>
public sealed class ProvinceScoringStep(QmsDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "province-scoring";

    public RecipeScope Scope => RecipeScope.Platform;

    public async Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var draft = SchemeReader.Read(step.Json, step.Error);
        if (draft is null)
        {
            return;
        }

        if (!await db.Provinces.AnyAsync(p => p.Code == draft.ProvinceCode, cancellationToken))
        {
            step.Error("province", $"Không có tỉnh, thành phố mã \"{draft.ProvinceCode}\" trong danh mục 34 tỉnh, thành phố.");
            return;
        }

        if (EarlierInRecipe(step, draft) is { } earlier)
        {
            step.Error("version", $"Bước {earlier.Step} của tệp đã khai phiên bản {earlier.Version} của tỉnh {draft.ProvinceCode} năm {draft.Year}: "
                + $"phiên bản ở bước sau phải lớn hơn {earlier.Version}.");
            return;
        }

        if (await StoredAsync(draft, cancellationToken) is { } same && SameContent(draft, same))
        {
            return;
        }

        var latest = await LatestAsync(draft, cancellationToken);
        if (latest is null || draft.Version > latest.Version)
        {
            return;
        }

        step.Error("version", draft.Version == latest.Version
            ? $"Phiên bản {draft.Version} của bộ tiêu chí tỉnh {draft.ProvinceCode} năm {draft.Year} đã áp dụng ngày {VietnameseFormat.Date(SchemesInForce.LocalDay(latest.AppliedAt))} với nội dung khác: "
                + $"sửa bộ tiêu chí thì ghi phiên bản {latest.Version + 1} (phiên bản đã áp dụng không đổi, để điểm của những ngày trước vẫn tính lại được)."
            : $"Phiên bản {draft.Version} không lớn hơn phiên bản {latest.Version} đã áp dụng ngày {VietnameseFormat.Date(SchemesInForce.LocalDay(latest.AppliedAt))} "
                + $"cho tỉnh {draft.ProvinceCode} năm {draft.Year}: phiên bản mới phải từ {latest.Version + 1} trở lên.");
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var draft = SchemeReader.Read(step.Json, (_, _) => { })
            ?? throw new InvalidOperationException("The province-scoring step was applied without being validated.");
        if (await StoredAsync(draft, cancellationToken) is not null)
        {
            return;
        }

        db.Add(new ScoringScheme
        {
            ProvinceCode = draft.ProvinceCode, Year = draft.Year, Version = draft.Version, Title = draft.Title,
            CriteriaJson = draft.CriteriaJson, AppliedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<ScoringScheme?> LatestAsync(SchemeDraft draft, CancellationToken cancellationToken) =>
        db.Set<ScoringScheme>().AsNoTracking().Where(s => s.ProvinceCode == draft.ProvinceCode && s.Year == draft.Year)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);

    private Task<ScoringScheme?> StoredAsync(SchemeDraft draft, CancellationToken cancellationToken) =>
        db.Set<ScoringScheme>().AsNoTracking().FirstOrDefaultAsync(
            s => s.ProvinceCode == draft.ProvinceCode && s.Year == draft.Year && s.Version == draft.Version, cancellationToken);

    /// <summary>A stored version applied again as it is: a recipe applied twice changes nothing.</summary>
    private static bool SameContent(SchemeDraft draft, ScoringScheme stored) => stored.Title == draft.Title && stored.CriteriaJson == draft.CriteriaJson;

    private (int Step, int Version)? EarlierInRecipe(RecipeStepContext step, SchemeDraft draft)
    {
        var index = 0;
        foreach (var other in step.Recipe.Steps)
        {
            if (index++ >= step.Index)
            {
                break;
            }

            if ((string?)other["step"] == Name && (string?)other["province"] == draft.ProvinceCode
                && SchemeReader.Integer(other["year"]) == draft.Year && SchemeReader.Integer(other["version"]) is { } version && version >= draft.Version)
            {
                return (index, version);
            }
        }

        return null;
    }

}
