using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Sources;

public sealed class FeedbackSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "phan-anh";

    [Fact]
    public async Task A_citizens_report_feeds_and_loads_for_members_without_the_contact()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Chứng thực bản sao"));
        await portal.PostAsync(commune, true, code);
        var mark = await portal.FeedMarkAsync();

        var response = await Html.PostFormAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}/bao-sai-sot", new()
        {
            ["Input.Message"] = "Niêm yết ghi lệ phí 10.000 đồng nhưng bộ phận thu 20.000 đồng.",
            ["Input.Contact"] = "Chị Lan Hương, 0912 345 678",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFeedback>().SingleAsync(f => f.Code == code), commune);
        var (id, reference) = (stored.Id, stored.Reference);
        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        var item = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal((commune.Id, "42", SearchAudience.Members), (item.TenantId, item.ProvinceCode, item.Audience));
        Assert.Equal($"Phản ánh về Chứng thực bản sao ({code})", item.Title);
        Assert.Equal(reference, item.Code);
        Assert.Equal("Niêm yết ghi lệ phí 10.000 đồng nhưng bộ phận thu 20.000 đồng.", item.Body);
        Assert.Equal($"thu-tuc/quan-ly/phan-anh#phan-anh-{id}", item.PathInCommune);
        var text = SourceKit.AllText(item);
        Assert.DoesNotContain("0912", text);
        Assert.DoesNotContain("Lan Hương", text);
    }

    [Fact]
    public async Task Turning_a_report_into_a_finding_feeds_it_and_relabels_it()
    {
        var commune = await portal.CreateCommuneAsync();
        var id = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var feedback = new TthcFeedback { Reference = "PA-2026-000777", Code = "1.000001", Message = "Thiếu mẫu tờ khai.", CreatedAt = portal.Clock.GetUtcNow() };
            db.Add(feedback);
            await db.SaveChangesAsync();
            return feedback.Id;
        }, commune);
        Assert.Equal("Chưa xử lý", Assert.Single(await portal.LoadAsync(Kind, id)).Label);
        var mark = await portal.FeedMarkAsync();

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            (await db.Set<TthcFeedback>().SingleAsync(f => f.Id == id)).TurnIntoFinding("PH-2026-777");
            await db.SaveChangesAsync();
        }, commune);

        Assert.Equal(new[] { (Kind, id) }, await portal.FeedSinceAsync(mark));
        var item = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal("Đã lập phát hiện", item.Label);
        Assert.Contains("PH-2026-777", item.Codes);
        // No posting of that code in the commune: the title names the code.
        Assert.Equal("Phản ánh về 1.000001", item.Title);
        Assert.Contains(id, await portal.AllIdsAsync(Kind));
    }
}
