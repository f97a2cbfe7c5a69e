using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Sources;

public sealed class AuditSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "danh-gia-noi-bo";

    [Fact]
    public async Task An_opened_audit_feeds_and_loads_with_its_scope_and_recorded_evidence()
    {
        var office = await portal.OfficeAsync();
        var mark = await portal.FeedMarkAsync();

        var (audit, _, _) = await portal.AuditAsync(office, documents: "QT-05/TB-HT");

        Assert.Contains((Kind, audit), await portal.FeedSinceAsync(mark));
        var item = Assert.Single(await portal.LoadAsync(Kind, audit));
        Assert.Equal((office.Commune.Id, "42", SearchAudience.Readers), (item.TenantId, item.ProvinceCode, item.Audience));
        Assert.Equal("Đánh giá quy trình hộ tịch", item.Title);
        Assert.Equal($"danh-gia/cuoc-danh-gia/{audit}", item.PathInCommune);
        Assert.Contains("QT-05/TB-HT", item.Codes);
        Assert.Contains("3 hồ sơ khai sinh trả trễ hạn", item.Body);
        Assert.Equal("Đang đánh giá", item.Label);
    }

    [Fact]
    public async Task Recording_an_answer_alone_feeds_its_audit()
    {
        var office = await portal.OfficeAsync();
        var (audit, conform, _) = await portal.AuditAsync(office, year: 2025);
        var mark = await portal.FeedMarkAsync();

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var loaded = await db.Set<Audit>().Include(a => a.Answers).SingleAsync(a => a.Id == audit);
            loaded.Answer(loaded.Answers.Single(a => a.Id == conform), AnswerResult.Observation, "Bản in quy trình ở quầy là bản cũ.", await portal.PersonAsync(office.Auditor));
            await db.SaveChangesAsync();
        }, office.Commune);

        Assert.Equal(new[] { (Kind, audit) }, await portal.FeedSinceAsync(mark));
        Assert.Contains("Bản in quy trình ở quầy là bản cũ.", Assert.Single(await portal.LoadAsync(Kind, audit)).Body);
    }
}
