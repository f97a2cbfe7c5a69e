using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Sources;

public sealed class InspectionSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "kiem-tra-tinh";

    [Fact]
    public async Task An_inspection_feeds_and_loads_and_its_report_changes_the_label()
    {
        var office = await portal.OfficeAsync("44");
        var mark = await portal.FeedMarkAsync();

        var id = await portal.InspectionAsync(office, new DateOnly(2026, 10, 2));

        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        var item = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal((office.Commune.Id, "44", SearchAudience.Readers), (item.TenantId, item.ProvinceCode, item.Audience));
        Assert.Equal("Kiểm tra của Sở Khoa học và Công nghệ ngày 01/10/2026", item.Title);
        Assert.Equal($"danh-gia/kiem-tra-cua-tinh/{id}", item.PathInCommune);
        Assert.Contains("Cơ bản phù hợp.", item.Body);
        Assert.Equal("Chưa gửi báo cáo khắc phục", item.Label);
        var reported = await portal.FeedMarkAsync();

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            (await db.Set<ProvinceInspection>().SingleAsync(i => i.Id == id)).SubmitReport(new DateOnly(2026, 11, 20), "Báo cáo số 7/BC-UBND");
            await db.SaveChangesAsync();
        }, office.Commune);

        Assert.Equal(new[] { (Kind, id) }, await portal.FeedSinceAsync(reported));
        var after = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal("Đã gửi báo cáo khắc phục", after.Label);
        Assert.Contains("Báo cáo số 7/BC-UBND", after.Body);
    }
}
