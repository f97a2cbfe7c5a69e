using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Search.Sources;

public sealed class TthcSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "thu-tuc";

    [Fact]
    public async Task Adopting_and_posting_a_TTHC_writes_feed_rows_naming_the_posting()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        var mark = await portal.FeedMarkAsync();

        await portal.PostAsync(commune, true, code);

        var id = await PostingIdAsync(commune, code);
        var feed = await portal.FeedSinceAsync(mark);
        Assert.Contains((Kind, id), feed);
        Assert.All(feed.Where(f => f.Kind == Kind), f => Assert.Equal(id, f.ItemId));
    }

    [Fact]
    public async Task A_posted_TTHC_loads_as_one_public_entry_with_what_the_detail_page_shows()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Đăng ký khai sinh thử nghiệm"));
        await portal.PostAsync(commune, true, code);
        var id = await PostingIdAsync(commune, code);

        var item = Assert.Single(await portal.LoadAsync(Kind, id));

        Assert.Equal((Kind, id, commune.Id, "42"), (item.Kind, item.ItemId, item.TenantId, item.ProvinceCode));
        Assert.Equal(SearchAudience.Public, item.Audience);
        Assert.Equal("", item.Variant);
        Assert.False(item.HasInternalTwin);
        Assert.Equal("Đăng ký khai sinh thử nghiệm", item.Title);
        Assert.Equal(code, item.Code);
        Assert.Equal($"thu-tuc/{code}", item.PathInCommune);
        // The route the path names is the citizen's detail page, and it shows this procedure.
        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/{item.PathInCommune}");
        Assert.Equal(item.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Văn bản ủy quyền", item.Papers);
        Assert.Contains("Giấy tờ tùy thân", item.Papers);
        Assert.Contains("Tờ khai", item.Papers);
        Assert.Contains("01/2020/TT-THU", item.Codes);
        Assert.Contains("100/QĐ-UBND", item.Codes);
        Assert.Contains("Hộ tịch", item.Body);
        Assert.Contains("Công dân Việt Nam", item.Body);
        Assert.Contains("Ủy ban nhân dân cấp xã", item.Body);
        Assert.Contains("Công chức kiểm tra và trả kết quả.", item.Body);
        Assert.Contains("10.000 đồng/trường hợp (nguyên văn)", item.Body);
        Assert.Contains("Giấy xác nhận", item.Body);
        Assert.Contains("Văn bản thử nghiệm", item.Body);
        // Accepted at the portal clock's time, 09:00 on 25/11/2026 in Vietnam.
        Assert.Equal(new DateOnly(2026, 11, 25), item.Date);
    }

    [Fact]
    public async Task An_unposted_TTHC_yields_no_entry_and_is_not_among_the_rebuild_ids()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, false, code);
        var id = await PostingIdAsync(commune, code);

        Assert.Empty(await portal.LoadAsync(Kind, id));
        Assert.DoesNotContain(id, await portal.AllIdsAsync(Kind));
    }

    [Fact]
    public async Task Withdrawing_a_posting_on_the_staff_page_feeds_it_and_it_then_loads_as_nothing()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var id = await PostingIdAsync(commune, code);
        Assert.Contains(id, await portal.AllIdsAsync(Kind));
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));
        var mark = await portal.FeedMarkAsync();

        var response = await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{code}", [], "Withdraw");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        Assert.Empty(await portal.LoadAsync(Kind, id));
        Assert.DoesNotContain(id, await portal.AllIdsAsync(Kind));
    }

    [Fact]
    public async Task Accepting_a_new_announced_version_feeds_the_posting_and_it_loads_the_new_text()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var id = await PostingIdAsync(commune, code);
        var changed = TthcBuilder.Procedure(code, "Đăng ký đã sửa tên");
        changed.Decision = new AnnouncingDecision { Number = "200/QĐ-UBND", Date = new DateOnly(2026, 11, 1), EffectiveFrom = new DateOnly(2026, 12, 1) };
        await portal.ImportAsync("42", changed);
        // Not accepted yet: citizens still read the posted version, and so does the index.
        Assert.Equal("Đăng ký thử nghiệm", Assert.Single(await portal.LoadAsync(Kind, id)).Title);
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));
        var mark = await portal.FeedMarkAsync();

        await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{code}", [], "Accept");

        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        var item = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal("Đăng ký đã sửa tên", item.Title);
        Assert.Contains("200/QĐ-UBND", item.Codes);
        Assert.DoesNotContain("100/QĐ-UBND", item.Codes);
    }

    [Fact]
    public async Task Deleting_only_a_revision_row_feeds_its_posting()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Phiên bản hai"));
        await portal.InScopeAsync(async sp =>
        {
            var postings = sp.GetRequiredService<Postings>();
            var posting = (await postings.FindAsync(code))!;
            posting.Accept(posting.CatalogueProcedure!.Current, portal.Clock.GetUtcNow());
            await sp.GetRequiredService<QmsDbContext>().SaveChangesAsync();
        }, commune);
        var id = await PostingIdAsync(commune, code);
        var mark = await portal.FeedMarkAsync();

        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Remove(await db.Set<TthcPostingRevision>().SingleAsync(r => r.TthcPostingId == id && r.Number == 1));
            await db.SaveChangesAsync();
        }, commune);

        Assert.Equal(new[] { (Kind, id) }, await portal.FeedSinceAsync(mark));
    }

    [Fact]
    public async Task A_save_that_fails_leaves_no_feed_row_and_no_half_written_change()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var id = await PostingIdAsync(commune, code);
        var mark = await portal.FeedMarkAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var posting = await db.Set<TthcPosting>().SingleAsync(p => p.Id == id);
            posting.Room = "Phòng 9 (không được lưu)";
            // A second posting of the same code in the commune breaks the unique index: the whole save must fail.
            db.Add(new TthcPosting { CatalogueProcedureId = posting.CatalogueProcedureId, Code = code, Name = "Trùng mã" });
            await db.SaveChangesAsync();
        }, commune));

        Assert.Empty(await portal.FeedSinceAsync(mark));
        var room = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcPosting>().Where(p => p.Id == id).Select(p => p.Room).SingleAsync(), commune);
        Assert.Null(room);
    }

    [Fact]
    public async Task Each_commune_posting_the_same_code_gets_its_own_entry_with_its_commune_and_province()
    {
        var hatinh = await portal.CreateCommuneAsync(provinceCode: "42");
        var hanoi = await portal.CreateCommuneAsync(provinceCode: "01");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Thủ tục của Hà Tĩnh"));
        await portal.ImportAsync("01", TthcBuilder.Procedure(code, "Thủ tục của Hà Nội"));
        await portal.PostAsync(hatinh, true, code);
        await portal.PostAsync(hanoi, true, code);
        var first = await PostingIdAsync(hatinh, code);
        var second = await PostingIdAsync(hanoi, code);

        var items = (await portal.LoadAsync(Kind, first, second)).OrderBy(i => i.ItemId).ToList();

        Assert.Equal(
            new[] { (first, hatinh.Id, "42", "Thủ tục của Hà Tĩnh"), (second, hanoi.Id, "01", "Thủ tục của Hà Nội") },
            items.Select(i => (i.ItemId, i.TenantId, i.ProvinceCode, i.Title)).ToList());
    }

    private Task<int> PostingIdAsync(TenantInfo commune, string code) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcPosting>().IgnoreQueryFilters()
            .Where(p => p.TenantId == commune.Id && p.Code == code).Select(p => p.Id).SingleAsync());
}
