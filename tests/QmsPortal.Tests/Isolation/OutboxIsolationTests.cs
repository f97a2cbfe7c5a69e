using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Commune;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Email;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Outbox rows are platform data carrying a commune's id: /{slug}/thu-di filters on it for listing and for "Gửi lại".</summary>
public sealed class OutboxIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_commune_administrator_neither_sees_nor_resends_another_communes_mail()
    {
        var mine = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(mine, CommuneRole.CommuneAdmin)]));
        var (otherFailed, _) = await OutboxTests.SeedAsync(portal, other, PortalFactory.UniqueEmail("xakhac"), PortalFactory.UniqueEmail("xakhac"));
        var (myFailed, _) = await OutboxTests.SeedAsync(portal, mine, PortalFactory.UniqueEmail("xanay"), PortalFactory.UniqueEmail("xanay"));

        var page = await Html.GetDocumentAsync(admin, $"/{mine.Slug}/thu-di");
        var foreign = await admin.GetAsync($"/{other.Slug}/thu-di");
        var token = page.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;
        var guessed = await admin.PostAsync($"/{mine.Slug}/thu-di?handler=Retry&id={otherFailed}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__qms_af"] = token }));

        Assert.NotNull(page.QuerySelector($"tr[data-id='{myFailed}']"));
        Assert.DoesNotContain("xakhac", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", foreign.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        var untouched = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == otherFailed));
        Assert.Equal(OutboxStatus.Failed, untouched.Status);
    }
}
