using Microsoft.Extensions.DependencyInjection;
using System.Net;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc;

public sealed class StalenessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task New_decision_makes_postings_stale_with_the_difference_until_accepted_and_the_old_version_stays_readable()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var other = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        await portal.PostAsync(other, true, code);
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var staff = await portal.SignedInAsync(secretary);
        var citizen = portal.Anonymous();
        var before = await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc/{code}");
        Assert.Contains("100/QĐ-UBND", before.QuerySelector(".tthc-updated")!.TextContent);

        var changed = TthcBuilder.Procedure(code);
        changed.Cases[0].Papers[1].Copies = 1;
        changed.Channels[0].TimeLimit!.Value = 5;
        changed.FeeText = "15.000 đồng/trường hợp";
        changed.Decision = new AnnouncingDecision { Number = "200/QĐ-UBND", Date = new DateOnly(2026, 11, 1), EffectiveFrom = new DateOnly(2026, 12, 1) };
        await portal.ImportAsync("44", changed);

        var manage = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly");
        var row = manage.QuerySelector($"tr[data-code='{code}']")!;
        Assert.Contains("tthc-stale", row.ClassName);
        Assert.Contains("Cần cập nhật trước 01/12/2026", row.TextContent);
        var changes = row.QuerySelectorAll(".tthc-changes li").Select(l => l.TextContent).ToList();
        Assert.Contains(changes, c => c.Contains("Giấy tờ tùy thân", StringComparison.Ordinal) && c.Contains("0 bản chính, 1 bản sao", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("\"3 ngày làm việc\" → \"5 ngày làm việc\"", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("15.000 đồng/trường hợp", StringComparison.Ordinal));

        // Citizens keep seeing the posted version until the commune accepts the new one.
        var stillOld = await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc/{code}");
        Assert.Equal("10.000 đồng/trường hợp (nguyên văn)", stillOld.QuerySelector("#phi .tthc-fee")!.TextContent);

        var accepted = await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{code}", [], "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var after = await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc/{code}");
        Assert.Equal("15.000 đồng/trường hợp", after.QuerySelector("#phi .tthc-fee")!.TextContent);
        Assert.Contains("theo Quyết định số 200/QĐ-UBND ngày 01/11/2026", after.QuerySelector(".tthc-updated")!.TextContent);
        var qr = await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc/{code}/in-giay-to");
        Assert.Equal($"http://localhost/{commune.Slug}/thu-tuc/{code}", qr.QuerySelector(".tthc-qr figcaption")!.TextContent);

        var old = await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc/{code}/phien-ban/1");
        Assert.Contains("đã được thay thế", old.QuerySelector(".tthc-version-notice")!.TextContent);
        Assert.Equal($"/{commune.Slug}/thu-tuc/{code}", old.QuerySelector(".tthc-version-notice a")!.GetAttribute("href"));
        Assert.Equal("10.000 đồng/trường hợp (nguyên văn)", old.QuerySelector("#phi .tthc-fee")!.TextContent);

        var manageAfter = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly");
        Assert.DoesNotContain("tthc-stale", manageAfter.QuerySelector($"tr[data-code='{code}']")!.ClassName);

        // The other adopting commune is still stale: each commune accepts for itself.
        var otherStates = await portal.InScopeAsync(sp => sp.GetRequiredService<PostingCompleteness>().StatesAsync(), other);
        Assert.True(otherStates.Single(s => s.Code == code).IsStale);
    }

    [Fact]
    public async Task Rescinded_procedure_is_withdrawn_when_accepted()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var rescinded = TthcBuilder.Procedure(code);
        rescinded.Rescinded = true;
        rescinded.Decision = new AnnouncingDecision { Number = "300/QĐ-UBND", Date = new DateOnly(2026, 11, 2), EffectiveFrom = new DateOnly(2026, 11, 20) };
        await portal.ImportAsync("44", rescinded);
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));

        var manage = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{code}");
        Assert.Contains("bãi bỏ", manage.QuerySelector(".tthc-stale .tthc-changes")!.TextContent);
        await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{code}", [], "Accept");

        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc/{code}")).StatusCode);
    }

    [Fact]
    public async Task Publishing_evicts_the_cached_public_list()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var first = TthcBuilder.NextCode();
        var second = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(first, "Thủ tục thứ nhất"), TthcBuilder.Procedure(second, "Thủ tục thứ hai"));
        await portal.PostAsync(commune, true, first);
        await portal.PostAsync(commune, false, second);
        var citizen = portal.Anonymous();
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        Assert.Single((await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc")).QuerySelectorAll("main section li a"));
        // Changing the database behind the cache's back proves the next answer comes from the cache.
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsPortal.Web.Data.QmsDbContext>();
            var posting = (await sp.GetRequiredService<Postings>().FindAsync(second))!;
            posting.Publish(Postings.ShownVersion(posting).Content);
            await db.SaveChangesAsync();
        }, commune);
        Assert.Single((await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc")).QuerySelectorAll("main section li a"));
        var withdrawn = await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{second}", [], "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{second}", [], "Publish");

        Assert.Equal(2, (await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc")).QuerySelectorAll("main section li a").Length);
    }

    [Fact]
    public async Task Signed_in_staff_never_get_the_anonymous_cached_page()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}");

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(email), $"/{commune.Slug}/thu-tuc/{code}");

        Assert.Contains(email, page.QuerySelector(".site-account")!.TextContent);
    }

    [Fact]
    public async Task Re_announced_code_is_posted_under_the_new_code_and_the_old_code_redirects()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var oldCode = TthcBuilder.NextCode();
        var newCode = TthcBuilder.NextCode();
        await portal.ImportAsync("44", TthcBuilder.Procedure(oldCode));
        await portal.PostAsync(commune, true, oldCode);
        var renamed = TthcBuilder.Procedure(newCode);
        renamed.Aliases.Add(oldCode);
        renamed.Decision = new AnnouncingDecision { Number = "400/QĐ-UBND", Date = new DateOnly(2026, 11, 3), EffectiveFrom = new DateOnly(2026, 11, 10) };
        await portal.ImportAsync("44", renamed);
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        await Html.PostFormAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/{oldCode}", [], "Accept");
        var redirect = await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc/{oldCode}");

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/{commune.Slug}/thu-tuc/{newCode}", redirect.Headers.Location!.ToString());
        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{newCode}");
        Assert.Contains($"mã cũ: {oldCode}", page.QuerySelector("main")!.TextContent);
    }
}
