using System.Net;
using System.Text.Json;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Search;

/// <summary>GET /{slug}/api/search: its shape, paging, the kind filter, the sign-in cookie's scope and its 400 answers.</summary>
public sealed class SearchApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Results_carry_kind_code_title_absolute_path_plain_snippet_and_score()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Đăng ký khai sinh"));
        await portal.PostAsync(commune, true, code);
        await portal.CatchUpSearchAsync();

        var response = await portal.Anonymous().GetAsync(SearchSupport.ApiUrl(commune.Slug, "khai sinh"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var hit = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(["kind", "code", "title", "url", "snippet", "score"], hit.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("thu-tuc", hit.GetProperty("kind").GetString());
        Assert.Equal(code, hit.GetProperty("code").GetString());
        Assert.Equal("Đăng ký khai sinh", hit.GetProperty("title").GetString());
        Assert.Equal($"/{commune.Slug}/thu-tuc/{code}", hit.GetProperty("url").GetString());
        Assert.DoesNotContain("<", hit.GetProperty("snippet").GetString()!, StringComparison.Ordinal);
        Assert.True(hit.GetProperty("score").GetSingle() > 0);
    }

    [Fact]
    public async Task Pages_hold_twenty_results_and_together_every_one_once()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var records = Enumerable.Range(1, 23).Select(i => TthcBuilder.Procedure(TthcBuilder.NextCode(), $"Hỗ trợ nuôi ong mật đợt {i}", "Nông nghiệp")).ToArray();
        await portal.ImportAsync("42", records);
        await portal.PostAsync(commune, true, [.. records.Select(r => r.Code)]);
        await portal.CatchUpSearchAsync();
        var client = portal.Anonymous();

        var first = await SearchSupport.ApiAsync(client, SearchSupport.ApiUrl(commune.Slug, "ong mật"));
        var second = await SearchSupport.ApiAsync(client, SearchSupport.ApiUrl(commune.Slug, "ong mật", page: 2));

        Assert.Equal(23, first.Total);
        Assert.Equal(23, second.Total);
        Assert.Equal(20, first.Results.Count);
        Assert.Equal(3, second.Results.Count);
        var codes = first.Results.Concat(second.Results).Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(records.Select(r => r.Code).Order(), codes.Order());
    }

    [Fact]
    public async Task The_kind_filter_and_the_sign_in_cookie_decide_what_comes_back()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("42", TthcBuilder.Procedure(code, "Xác nhận tình trạng hôn nhân"));
        await portal.PostAsync(commune, true, code);
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var approver = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        await DocumentSeed.CreateAsync(portal, commune, "HD-44", RevisionStatus.Issued, secretary, approver,
            body: "Hướng dẫn xác nhận tình trạng hôn nhân, chỉ dùng nội bộ.", isPublic: false, kind: DocumentKind.WorkInstruction);
        await portal.CatchUpSearchAsync();
        var member = await portal.SignedInAsync(secretary);

        var publicAll = await SearchSupport.ApiAsync(portal.Anonymous(), SearchSupport.ApiUrl(commune.Slug, "tình trạng hôn nhân"));
        var memberAll = await SearchSupport.ApiAsync(member, SearchSupport.ApiUrl(commune.Slug, "tình trạng hôn nhân"));
        var memberProcedures = await SearchSupport.ApiAsync(member, SearchSupport.ApiUrl(commune.Slug, "tình trạng hôn nhân", "thu-tuc"));
        var memberDocuments = await SearchSupport.ApiAsync(member, SearchSupport.ApiUrl(commune.Slug, "tình trạng hôn nhân", "tai-lieu"));

        Assert.Equal(["thu-tuc"], publicAll.Results.Select(r => r.GetProperty("kind").GetString()!).ToArray());
        Assert.Contains(memberAll.Results, r => r.GetProperty("kind").GetString() == "tai-lieu" && r.GetProperty("code").GetString() == "HD-44");
        Assert.Equal([code], memberProcedures.Results.Select(r => r.GetProperty("code").GetString()!).ToArray());
        Assert.Contains(memberDocuments.Results, r => r.GetProperty("code").GetString() == "HD-44");
        Assert.All(memberDocuments.Results, r => Assert.Equal("tai-lieu", r.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("kind=khong-co")]
    [InlineData("kind=tenant")]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=1.5")]
    [InlineData("page=99999999999999999999")]
    public async Task An_unknown_kind_or_a_bad_page_number_is_a_400_problem_in_vietnamese(string parameter)
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/api/search?q=khai+sinh&{parameter}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.EndsWith("không hợp lệ.", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_search_endpoint_and_its_parameters()
    {
        using var json = JsonDocument.Parse(await portal.Anonymous().GetStringAsync("/openapi/v1.json"));

        var get = json.RootElement.GetProperty("paths").GetProperty("/{slug}/api/search").GetProperty("get");
        Assert.Equal("SearchCommune", get.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
        var names = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("q", names);
        Assert.Contains("kind", names);
        Assert.Contains("page", names);
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }
}
