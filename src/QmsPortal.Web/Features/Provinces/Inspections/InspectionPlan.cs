using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Provinces.Inspections;

/// <summary>
/// A province's yearly plan of ISO inspections (Quyết định 19/2014/QĐ-TTg: every commune each year, on paper, and at least a
/// third of them on site). Platform data keyed by province and year: the plan belongs to the province, each item names one
/// of its communes.
/// </summary>
public sealed class InspectionPlan : IStamped
{
    private InspectionPlan()
    {
    }

    public int Id { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public int Year { get; private set; }
    public List<InspectionPlanItem> Items { get; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static InspectionPlan Start(string provinceCode, int year) => new() { ProvinceCode = provinceCode, Year = year };

    /// <summary>The least number of communes inspected on site: one third, rounded up.</summary>
    public static int OnSiteNeeded(int communes) => (communes + 2) / 3;

    /// <summary>
    /// Sets the plan to the given lines in one go. Every commune must be of the plan's province and appear once; an item already
    /// carried out (an inspection recorded against it) keeps its method and month, so the record and the plan never disagree.
    /// Errors name the row as the form shows it.
    /// </summary>
    public void Replace(IReadOnlyList<PlanLine> lines, IReadOnlyDictionary<int, PlanCommune> communes, IReadOnlySet<int> doneItemIds)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var row = $"Dòng {i + 1}";
            if (!communes.TryGetValue(line.TenantId, out var commune) || commune.ProvinceCode != ProvinceCode)
            {
                throw new DomainException($"{row}: xã, phường này không thuộc tỉnh của kế hoạch.", $"Lines[{i}].TenantId");
            }

            row += $" ({commune.Name})";
            if (!seen.Add(line.TenantId))
            {
                throw new DomainException($"{row}: xã, phường có hai lần trong kế hoạch.", $"Lines[{i}].TenantId");
            }

            if (line.Month is { } month && (month < 1 || month > 12))
            {
                throw new DomainException($"{row}: tháng kiểm tra phải từ 1 đến 12.", $"Lines[{i}].Month");
            }

            if (line.OnSite is not null && line.Month is null)
            {
                throw new DomainException($"{row}: chọn tháng kiểm tra.", $"Lines[{i}].Month");
            }

            if (line.OnSite is null && line.Month is not null)
            {
                throw new DomainException($"{row}: chọn hình thức kiểm tra, hoặc bỏ tháng nếu chưa đưa vào kế hoạch.", $"Lines[{i}].OnSite");
            }

            var item = Items.FirstOrDefault(x => x.TenantId == line.TenantId);
            if (item is not null && doneItemIds.Contains(item.Id) && (line.OnSite != item.OnSite || line.Month != item.PlannedMonth))
            {
                throw new DomainException($"{row}: đã có kết quả kiểm tra theo mục này, không thay đổi được hình thức và tháng.", $"Lines[{i}].OnSite");
            }
        }

        foreach (var line in lines)
        {
            var item = Items.FirstOrDefault(x => x.TenantId == line.TenantId);
            if (line.OnSite is not { } onSite)
            {
                if (item is not null)
                {
                    Items.Remove(item);
                }
            }
            else if (item is null)
            {
                Items.Add(new InspectionPlanItem { TenantId = line.TenantId, OnSite = onSite, PlannedMonth = line.Month!.Value });
            }
            else
            {
                item.OnSite = onSite;
                item.PlannedMonth = line.Month!.Value;
            }
        }
    }
}

/// <summary>One commune in the plan: how and in which month the province inspects it.</summary>
public sealed class InspectionPlanItem
{
    public int Id { get; set; }
    public int PlanId { get; set; }

    /// <summary>The commune (a tenant of the plan's province); the item is the province's, so it is not commune-owned data.</summary>
    public int TenantId { get; set; }

    public bool OnSite { get; set; }
    public int PlannedMonth { get; set; }
}

/// <summary>One row of the plan form: no method means the commune is left out of the plan.</summary>
public sealed record PlanLine(int TenantId, bool? OnSite, int? Month);

public sealed record PlanCommune(int TenantId, string Name, string ProvinceCode);
