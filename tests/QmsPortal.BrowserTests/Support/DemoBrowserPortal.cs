using Microsoft.AspNetCore.Hosting;

namespace QmsPortal.Tests.Browser;

/// <summary>
/// <see cref="BrowserPortal"/> as <c>dotnet run</c> starts the portal in Development: demo mode on an empty database, so the
/// demo recipe's communes, people, procedures and documents give every page real content. One per test class.
/// </summary>
public class DemoBrowserPortal : BrowserPortal
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
    }
}

/// <summary>The demo recipe's sign-ins (README.md); they exist only in demo mode.</summary>
public static class DemoUsers
{
    public const string Password = "Demo@2025qms";

    /// <summary>Nobody signed in: a citizen.</summary>
    public const string Citizen = "";

    public const string PlatformAdmin = "quantri@qms.demo";
    public const string ProvinceAuditor = "kiemtra.quangtri@qms.demo";
    public const string ProvinceEditor = "bientap.quangtri@qms.demo";
    public const string CommuneAdmin = "quantri.tuyenbinh@qms.demo";
    public const string Secretary = "thuky.tuyenbinh@qms.demo";
    public const string Approver = "chutich.tuyenbinh@qms.demo";
    public const string Staff = "canbo.tuyenbinh@qms.demo";
    public const string InternalAuditor = "danhgia.tuyenbinh@qms.demo";

    /// <summary>Secretary and commune administrator of Xã Kỳ Anh, whose pages use the Lotus theme.</summary>
    public const string LotusSecretary = "thuky.kyanh@qms.demo";
}
