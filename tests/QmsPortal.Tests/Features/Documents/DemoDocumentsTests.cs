using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>The portal started in demo mode applies demo.recipe.json, documents included.</summary>
public sealed class DemoPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
    }
}

public sealed class DemoDocumentsTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Tuyen_Binh_has_documents_in_every_state_and_a_posted_announcement()
    {
        var tuyenBinh = await portal.InScopeAsync(sp => sp.GetRequiredService<TenantDirectory>().FindBySlugAsync("tuyen-binh", CancellationToken.None));
        Assert.NotNull(tuyenBinh);

        var states = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<ControlledDocument>()
            .Where(d => d.Code == "MT-02" || d.Code == "HD-01" || d.Code == "QT-16")
            .ToDictionaryAsync(d => d.Code, d => new { d.Status, d.IssueNumber }), tuyenBinh);
        Assert.Equal(RevisionStatus.Issued, states["MT-02"].Status);
        Assert.Equal(2, states["MT-02"].IssueNumber);
        Assert.Equal(RevisionStatus.Draft, states["HD-01"].Status);
        Assert.Equal(RevisionStatus.InReview, states["QT-16"].Status);
        Assert.Equal(1, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<DocumentRevision>().CountAsync(r => r.Status == RevisionStatus.Superseded), tuyenBinh));

        var iso = await Html.GetDocumentAsync(portal.Anonymous(), "/tuyen-binh/iso");
        Assert.Contains("125/QĐ-UBND", iso.QuerySelector("#cong-bo")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("97%", iso.QuerySelector("#muc-tieu")!.TextContent, StringComparison.Ordinal);
        Assert.Null(iso.QuerySelector("tr[data-code='QT-16']"));
    }
}
