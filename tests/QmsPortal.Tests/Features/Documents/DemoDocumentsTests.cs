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

    [Fact]
    public async Task Every_internal_procedure_code_on_Tuyen_Binh_postings_opens_a_document_of_its_library()
    {
        var tuyenBinh = await portal.InScopeAsync(sp => sp.GetRequiredService<TenantDirectory>().FindBySlugAsync("tuyen-binh", CancellationToken.None));
        var codes = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<QmsPortal.Web.Features.Tthc.TthcPosting>()
            .Where(p => p.WorkProcedureCode != null).Select(p => p.WorkProcedureCode!).ToListAsync(), tuyenBinh);
        var secretary = await portal.SignedInAsync("thuky.tuyenbinh@qms.demo", "Demo@2025qms");

        Assert.Equal(8, codes.Count);
        var links = (await Html.GetDocumentAsync(secretary, "/tuyen-binh/thu-tuc/quan-ly")).QuerySelectorAll("a[href*='/tai-lieu/theo-ma']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(8, links.Count);
        foreach (var link in links)
        {
            var response = await secretary.GetAsync(link);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"{link} → {(int)response.StatusCode}");
            Assert.Matches("^/tuyen-binh/tai-lieu/[0-9]+$", response.Headers.Location!.ToString());
        }
    }
}
