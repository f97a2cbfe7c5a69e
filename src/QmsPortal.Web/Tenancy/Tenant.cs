using System.Text.RegularExpressions;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Tenancy;

public enum CommuneKind
{
    Xa,
    Phuong,
    DacKhu,
}

public enum TenantStatus
{
    Active,
    Disabled,
}

/// <summary>
/// A commune office: one tenant of the portal. A tenant is a row; nothing per tenant lives in process
/// memory beyond the bounded <see cref="TenantDirectory"/> cache.
/// </summary>
public sealed partial class Tenant
{
    public const int NameMaxLength = 120;

    /// <summary>First path segments the platform itself uses; a commune can never take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "account", "admin", "api", "healthz", "setup", "openapi", "css", "js", "lib", "_content", "_framework",
        "favicon.ico", "robots.txt", "sitemap.xml", "tai-khoan", "quan-tri", "kiem-tra", "tinh", "error", "loi",
    };

    public int Id { get; set; }
    public string Slug { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CommuneKind Kind { get; set; }
    public string ProvinceCode { get; set; } = "";
    public Province? Province { get; set; }
    public string Theme { get; set; } = "Default";
    public TenantStatus Status { get; private set; } = TenantStatus.Active;
    public string? DisabledReason { get; private set; }

    /// <summary>Names before the 2025 mergers (e.g. "Xã Mai Hóa"), so people can still find the commune.</summary>
    public string? FormerNames { get; set; }

    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? OfficeHours { get; set; }

    /// <summary>The commune's choice that every document is reviewed by a member the submitter names before approval; off by default.</summary>
    public bool DocumentReviewRequired { get; set; }

    /// <summary>Working days an item may be overdue before its reminder goes to the commune's approvers as well (escalation).</summary>
    public int EscalationWorkingDays { get; set; } = DefaultEscalationWorkingDays;

    public const int DefaultEscalationWorkingDays = 5;
    public const int MinEscalationWorkingDays = 1;
    public const int MaxEscalationWorkingDays = 60;

    public const string EscalationWorkingDaysRange = "Số ngày quá hạn trước khi báo lãnh đạo phải là số nguyên từ 1 đến 60 ngày làm việc.";

    /// <summary>The escalation threshold a commune may choose; the message names the setting, or null when acceptable.</summary>
    public static string? CheckEscalationWorkingDays(int days) =>
        days is < MinEscalationWorkingDays or > MaxEscalationWorkingDays ? EscalationWorkingDaysRange : null;

    public DateTimeOffset CreatedAt { get; set; }

    public List<TenantHostName> HostNames { get; } = [];

    public static Tenant Create(string slug, string code, string name, string provinceCode, CommuneKind kind)
    {
        var tenant = new Tenant { ProvinceCode = provinceCode, Kind = kind };
        tenant.SetSlug(slug);
        tenant.SetCode(code);
        tenant.Rename(name);
        return tenant;
    }

    public void SetSlug(string slug)
    {
        slug = (slug ?? "").Trim();
        if (!SlugPattern().IsMatch(slug))
        {
            throw new DomainException(
                "Đường dẫn (slug) chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, 2–60 ký tự, ví dụ: ky-dong.", "Slug");
        }

        if (ReservedSlugs.Contains(slug))
        {
            throw new DomainException($"Đường dẫn \"{slug}\" đã được hệ thống dùng, hãy chọn đường dẫn khác.", "Slug");
        }

        Slug = slug;
    }

    /// <summary>
    /// Slugs to offer when <paramref name="slug"/> is taken by a commune of the same name elsewhere: the province's
    /// name folded to ASCII without "Tỉnh"/"Thành phố" (<c>tuyen-binh-tay-ninh</c>), then its code (<c>tuyen-binh-80</c>),
    /// then numbered; each fits the 60-character slug rule.
    /// </summary>
    public static IReadOnlyList<string> SlugSuggestions(string slug, string provinceName, string provinceCode)
    {
        var province = VietnameseText.Slugify(provinceName);
        foreach (var prefix in new[] { "thanh-pho-", "tinh-" })
        {
            if (province.StartsWith(prefix, StringComparison.Ordinal))
            {
                province = province[prefix.Length..];
            }
        }

        var code = VietnameseText.Slugify(provinceCode);
        string[] suffixes = [province, code, .. Enumerable.Range(2, 8).Select(n => $"{code}-{n}")];
        return [.. suffixes.Where(s => s.Length > 0).Select(s => $"{slug[..Math.Min(slug.Length, 59 - s.Length)].TrimEnd('-')}-{s}")
            .Where(c => SlugPattern().IsMatch(c) && c != slug).Distinct()];
    }

    public void SetCode(string code)
    {
        code = (code ?? "").Trim();
        if (!CodePattern().IsMatch(code))
        {
            throw new DomainException("Mã đơn vị hành chính cấp xã gồm đúng 5 chữ số (Quyết định 19/2025/QĐ-TTg).", "Code");
        }

        Code = code;
    }

    public void Rename(string name)
    {
        name = VietnameseText.Normalize(name).Trim();
        if (name.Length == 0)
        {
            throw new DomainException("Tên xã/phường không được để trống.", "Name");
        }

        if (name.Length > NameMaxLength)
        {
            throw new DomainException($"Tên xã/phường dài tối đa {NameMaxLength} ký tự.", "Name");
        }

        Name = name;
    }

    public void Disable(string? reason)
    {
        Status = TenantStatus.Disabled;
        DisabledReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public void Enable()
    {
        Status = TenantStatus.Active;
        DisabledReason = null;
    }

    public void AddHostName(string hostName)
    {
        var normalized = TenantHostName.Normalize(hostName);
        if (HostNames.Any(h => h.HostName == normalized))
        {
            return;
        }

        HostNames.Add(new TenantHostName { HostName = normalized });
    }

    public static string KindLabel(CommuneKind kind) => kind switch
    {
        CommuneKind.Xa => "Xã",
        CommuneKind.Phuong => "Phường",
        CommuneKind.DacKhu => "Đặc khu",
        _ => kind.ToString(),
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex CodePattern();
}

/// <summary>A host name a commune is also reached by (e.g. <c>kydong.hatinh.gov.vn</c>).</summary>
public sealed partial class TenantHostName
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public string HostName { get; set; } = "";

    public static string Normalize(string hostName)
    {
        var value = (hostName ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (value.Length > 253 || !HostPattern().IsMatch(value))
        {
            throw new DomainException($"Tên miền \"{hostName}\" không hợp lệ (ví dụ hợp lệ: kydong.hatinh.gov.vn).", "HostNames");
        }

        return value;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex HostPattern();
}
