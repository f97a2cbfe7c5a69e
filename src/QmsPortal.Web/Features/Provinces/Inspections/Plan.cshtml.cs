using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Inspections;

/// <summary>
/// The province's yearly inspection plan: every commune with its method and month, edited as one table form and saved in one
/// transaction; warnings when the plan falls short of Quyết định 19/2014 (a commune left out, fewer than a third on site); each
/// item links to the commune's inspection record form and, once recorded, to the inspection and its corrective report due date.
/// </summary>
[Authorize]
public sealed class PlanModel(QmsDbContext db, ProvinceAccess access, TimeProvider clock) : PageModel
{
    public const string OnPaper = "qua-ho-so";
    public const string OnSiteValue = "tai-xa";

    [BindProperty(SupportsGet = true, Name = "nam")]
    public string? YearText { get; set; }

    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    public OverseenProvince Province { get; private set; } = null!;
    public int Year { get; private set; }
    public string? YearError { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public PlanShortfall Shortfall { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public sealed class LineInput
    {
        public int TenantId { get; set; }
        public string? Method { get; set; }
        public string? Month { get; set; }
    }

    public sealed record Row(int TenantId, string Slug, string Name, string Code, bool Active, int? ItemId, bool? OnSite, int? Month, Done? Done);

    /// <summary>The inspection recorded against a plan item, with the commune's corrective report it starts.</summary>
    public sealed record Done(int InspectionId, DateOnly InspectedOn, bool OnSite, DateOnly ReportDueDate, DateOnly? ReportSubmittedOn);

    public async Task<IActionResult> OnGetAsync(string provinceCode, [FromQuery(Name = "muc")] int? item, CancellationToken cancellationToken)
    {
        if (await OpenAsync(provinceCode, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (item is { } itemId)
        {
            // The way back from an inspection record: the plan of the item's year, at its row.
            var year = await db.Set<InspectionPlanItem>().AsNoTracking()
                .Where(i => i.Id == itemId)
                .Join(db.Set<InspectionPlan>().Where(p => p.ProvinceCode == Province.Code), i => i.PlanId, p => p.Id, (i, p) => (int?)p.Year)
                .FirstOrDefaultAsync(cancellationToken);
            return year is null ? NotFound() : Redirect($"{Request.PathBase}/tinh/{Province.Code}/ke-hoach-kiem-tra?nam={year}#muc-{itemId}");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string provinceCode, CancellationToken cancellationToken)
    {
        if (await OpenAsync(provinceCode, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (YearError is not null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var lines = Lines.Select((l, i) => ParseLine(l, i)).ToList();
            var ids = lines.Select(l => l.TenantId).Distinct().ToList();
            var communes = await db.Tenants.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new PlanCommune(t.Id, t.Name, t.ProvinceCode)).ToDictionaryAsync(t => t.TenantId, cancellationToken);
            var plan = await db.Set<InspectionPlan>().Include(p => p.Items)
                .FirstOrDefaultAsync(p => p.ProvinceCode == Province.Code && p.Year == Year, cancellationToken);
            if (plan is null)
            {
                plan = InspectionPlan.Start(Province.Code, Year);
                db.Add(plan);
            }

            var done = (await DoneAsync(plan.Items, cancellationToken)).Keys.ToHashSet();
            plan.Replace(lines, communes, done);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = $"Đã lưu kế hoạch kiểm tra năm {Year}.";
            return Redirect($"{Request.PathBase}/tinh/{Province.Code}/ke-hoach-kiem-tra?nam={Year}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
        }
        catch (DbUpdateException)
        {
            // Two people saving the first version of the same plan at once: the unique (province, year) index keeps one.
            ModelState.AddModelError("", "Kế hoạch vừa được người khác lưu. Hãy tải lại trang và lưu lại.");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken, keepInput: true);
        return Page();
    }

    private static PlanLine ParseLine(LineInput line, int index)
    {
        bool? onSite = line.Method switch
        {
            null or "" => null,
            OnSiteValue => true,
            OnPaper => false,
            _ => throw new DomainException($"Dòng {index + 1}: hình thức kiểm tra không hợp lệ.", $"Lines[{index}].Method"),
        };
        int? month = null;
        if (!string.IsNullOrWhiteSpace(line.Month))
        {
            month = int.TryParse(line.Month, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
                ? m
                : throw new DomainException($"Dòng {index + 1}: tháng kiểm tra phải từ 1 đến 12.", $"Lines[{index}].Month");
        }

        return new PlanLine(line.TenantId, onSite, month);
    }

    private async Task<IActionResult?> OpenAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        Province = province;
        (Year, YearError) = ReportYear.Parse(YearText, clock);
        Today = VietnameseFormat.Today(clock);
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepInput = false)
    {
        var plan = await db.Set<InspectionPlan>().AsNoTracking().Include(p => p.Items)
            .FirstOrDefaultAsync(p => p.ProvinceCode == Province.Code && p.Year == Year, cancellationToken);
        var items = plan?.Items ?? [];
        var planned = items.Select(i => i.TenantId).ToList();
        var communes = await db.Tenants.AsNoTracking()
            .Where(t => t.ProvinceCode == Province.Code && (t.Status == TenantStatus.Active || planned.Contains(t.Id)))
            .Select(t => new { t.Id, t.Slug, t.Name, t.Code, Active = t.Status == TenantStatus.Active })
            .ToListAsync(cancellationToken);
        var done = await DoneAsync(items, cancellationToken);
        var byTenant = items.ToDictionary(i => i.TenantId);
        Rows = communes
            .OrderBy(c => c.Name, StringComparer.Create(VietnameseFormat.Culture, ignoreCase: true)).ThenBy(c => c.Code)
            .Select(c => byTenant.TryGetValue(c.Id, out var i)
                ? new Row(c.Id, c.Slug, c.Name, c.Code, c.Active, i.Id, i.OnSite, i.PlannedMonth, done.GetValueOrDefault(i.Id))
                : new Row(c.Id, c.Slug, c.Name, c.Code, c.Active, null, null, null, null))
            .ToList();
        Shortfall = PlanShortfall.Of(Rows.Where(r => r.Active).Select(r => (r.Name, r.OnSite)).ToList());
        if (!keepInput)
        {
            Lines = Rows.Select(r => new LineInput
            {
                TenantId = r.TenantId,
                Method = r.OnSite is { } s ? (s ? OnSiteValue : OnPaper) : "",
                Month = r.Month?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            }).ToList();
        }
    }

    /// <summary>
    /// Inspections recorded from the plan's items. Read across the province's communes (the plan is the province's), and an
    /// inspection counts only in the commune of its item, so an item id typed into another commune's form links nothing.
    /// </summary>
    private async Task<Dictionary<int, Done>> DoneAsync(List<InspectionPlanItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var ids = items.Select(i => (int?)i.Id).ToList();
        var tenantOf = items.ToDictionary(i => i.Id, i => i.TenantId);
        // Across the province's communes on purpose (the plan is the province's); an inspection counts only in its item's commune.
        var recorded = await db.Set<ProvinceInspection>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => ids.Contains(i.PlanItemId))
            .Select(i => new { PlanItemId = i.PlanItemId!.Value, i.TenantId, i.Id, i.InspectedOn, i.OnSite, i.ReportDueDate, i.ReportSubmittedOn })
            .ToListAsync(cancellationToken);
        return recorded.Where(r => tenantOf[r.PlanItemId] == r.TenantId)
            .GroupBy(r => r.PlanItemId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).Select(r => new Done(r.Id, r.InspectedOn, r.OnSite, r.ReportDueDate, r.ReportSubmittedOn)).First());
    }

    public string RecordUrl(Row row) =>
        $"{Request.PathBase}/{row.Slug}/danh-gia/kiem-tra-cua-tinh/moi?keHoach={row.ItemId}&hinhThuc={(row.OnSite == true ? OnSiteValue : OnPaper)}";

    public string InspectionUrl(Row row) => $"{Request.PathBase}/{row.Slug}/danh-gia/kiem-tra-cua-tinh/{row.Done!.InspectionId}";
}

/// <summary>Where a plan falls short of Quyết định 19/2014: communes left out, and how many more must be inspected on site.</summary>
public sealed record PlanShortfall(int Communes, IReadOnlyList<string> Missing, int OnSite, int OnSiteNeeded)
{
    public int OnSiteLacking => Math.Max(0, OnSiteNeeded - OnSite);

    public bool Any => Missing.Count > 0 || OnSiteLacking > 0;

    public static PlanShortfall Of(IReadOnlyList<(string Name, bool? OnSite)> activeCommunes) => new(
        activeCommunes.Count,
        activeCommunes.Where(c => c.OnSite is null).Select(c => c.Name).ToList(),
        activeCommunes.Count(c => c.OnSite == true),
        InspectionPlan.OnSiteNeeded(activeCommunes.Count));
}
