namespace QmsPortal.Web.Tenancy;

/// <summary>A province-level unit (34 since 1 July 2025). Reference data, loaded from <c>Tenancy/provinces.json</c>.</summary>
public sealed class Province
{
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The resolution or decision the current list comes from; the list changes by resolution.</summary>
    public string? Source { get; set; }
}
