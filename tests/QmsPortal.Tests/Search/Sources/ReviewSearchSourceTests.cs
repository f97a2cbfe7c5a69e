using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Sources;

public sealed class ReviewSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "xem-xet-lanh-dao";

    [Fact]
    public async Task A_review_and_its_decisions_feed_and_load_as_the_minutes_read()
    {
        var office = await portal.OfficeAsync();
        var mark = await portal.FeedMarkAsync();
        var id = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var review = ManagementReview.Open(new DateOnly(2026, 11, 20), new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31),
                await portal.PersonAsync(office.Approver), chairIsApprover: true, "Lãnh đạo UBND xã", "{}");
            review.RecordOutputs(null, "Tỷ lệ hồ sơ đúng hạn đạt 97%.", null, null, "Cần thêm một máy quét.");
            db.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        }, office.Commune);
        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        var decided = await portal.FeedMarkAsync();

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var review = await db.Set<ManagementReview>().SingleAsync(r => r.Id == id);
            db.Add(review.Decide("Mua máy quét cho Bộ phận Một cửa.", await portal.PersonAsync(office.Secretary), new DateOnly(2026, 12, 31)));
            await db.SaveChangesAsync();
        }, office.Commune);

        Assert.Contains((Kind, id), await portal.FeedSinceAsync(decided));
        var item = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal((office.Commune.Id, "42", SearchAudience.Readers), (item.TenantId, item.ProvinceCode, item.Audience));
        Assert.Equal("Biên bản xem xét của lãnh đạo ngày 20/11/2026", item.Title);
        Assert.Equal($"danh-gia/xem-xet-lanh-dao/{id}", item.PathInCommune);
        Assert.Contains("Tỷ lệ hồ sơ đúng hạn đạt 97%.", item.Body);
        Assert.Contains("Mua máy quét cho Bộ phận Một cửa.", item.Body);
        Assert.Equal(new DateOnly(2026, 11, 20), item.Date);
    }
}
