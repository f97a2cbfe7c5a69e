using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc;

public sealed class ApiAndFeedbackTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Api_lists_posted_procedures_and_returns_one_with_every_field()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "51");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("51", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var client = portal.Anonymous();

        using var list = JsonDocument.Parse(await client.GetStringAsync($"/{commune.Slug}/api/tthc"));
        var item = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(code, item.GetProperty("code").GetString());
        Assert.Equal("Đăng ký thử nghiệm", item.GetProperty("name").GetString());
        Assert.Equal("Hộ tịch", item.GetProperty("field").GetString());
        Assert.Equal($"http://localhost/{commune.Slug}/thu-tuc/{code}", item.GetProperty("url").GetString());
        Assert.Equal("3 ngày làm việc", item.GetProperty("timeLimit").GetString());
        Assert.Equal("10.000 đồng/trường hợp (nguyên văn)", item.GetProperty("fee").GetString());

        using var one = JsonDocument.Parse(await client.GetStringAsync($"/{commune.Slug}/api/tthc/{code}"));
        var root = one.RootElement;
        foreach (var field in new[] { "code", "name", "field", "steps", "channels", "cases", "forms", "applicants", "handlingBody", "result", "feeText", "feeExemption", "legalBases", "onlineService", "decision", "unconfirmed" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(2, root.GetProperty("cases")[0].GetProperty("papers")[1].GetProperty("copies").GetInt32());
        Assert.Equal(TthcBuilder.Exemption, root.GetProperty("feeExemption").GetString());
        Assert.Equal("100/QĐ-UBND", root.GetProperty("decision").GetProperty("number").GetString());
    }

    [Fact]
    public async Task Api_unknown_code_is_a_404_problem_document()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "51");

        var response = await portal.Anonymous().GetAsync($"/{commune.Slug}/api/tthc/1.999998");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_tthc_endpoints()
    {
        using var doc = JsonDocument.Parse(await portal.Anonymous().GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/{slug}/api/tthc", out _));
        Assert.True(paths.TryGetProperty("/{slug}/api/tthc/{code}", out _));
    }

    [Fact]
    public async Task Citizen_feedback_gets_a_reference_number_and_staff_see_it()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "51");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("51", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var citizen = portal.Anonymous();

        var detail = await Html.GetDocumentAsync(citizen, $"/{commune.Slug}/thu-tuc/{code}");
        var link = detail.QuerySelectorAll("a").First(a => a.TextContent == "Báo sai sót").GetAttribute("href")!;
        var tooShort = await Html.ParseAsync(await Html.PostFormAsync(citizen, link, new() { ["Input.Message"] = "ngắn" }));
        Assert.Equal("Nội dung từ 10 đến 2.000 ký tự.", Html.FieldError(tooShort, "Input.Message"));

        var first = await Html.ParseAsync(await Html.PostFormAsync(citizen, link, new() { ["Input.Message"] = "Tôi bị yêu cầu nộp thêm giấy xác nhận cư trú không có trong danh sách." }));
        var second = await Html.ParseAsync(await Html.PostFormAsync(citizen, link, new() { ["Input.Message"] = "Phí thu khác với mức niêm yết trên cổng." }));
        Assert.Equal("PA-2026-000001", first.QuerySelector(".tthc-reference")!.TextContent);
        Assert.Equal("PA-2026-000002", second.QuerySelector(".tthc-reference")!.TextContent);

        var bot = await Html.PostFormAsync(citizen, link, new() { ["Input.Message"] = "Quảng cáo quảng cáo quảng cáo", ["Input.Website"] = "http://spam" });
        Assert.Equal(HttpStatusCode.OK, bot.StatusCode);

        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]));
        var list = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/thu-tuc/quan-ly/phan-anh");
        var references = list.QuerySelectorAll(".tthc-feedback tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(2, references.Count);
        Assert.Contains("PA-2026-000001", references);
    }

    [Fact]
    public async Task A_thousand_citizens_reporting_at_the_same_moment_each_get_their_own_reference_and_nothing_is_lost()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "51");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("51", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        var link = $"/{commune.Slug}/thu-tuc/{code}/bao-sai-sot";
        var client = portal.Anonymous();
        var token = (await Html.GetDocumentAsync(client, link)).QuerySelector("main form input[name=__qms_af]")!.GetAttribute("value")!;

        var responses = await Task.WhenAll(Enumerable.Range(1, 1000).Select(i => client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__qms_af"] = token, ["Input.Message"] = $"Phản ánh số {i} của người dân về giấy tờ.",
        }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var references = new List<string>();
        foreach (var response in responses)
        {
            references.Add((await Html.ParseAsync(response)).QuerySelector(".tthc-reference")!.TextContent.Trim());
        }

        Assert.Equal(1000, references.Distinct().Count());
        var stored = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcFeedback>().Select(f => f.Reference).ToListAsync(), commune);
        Assert.Equal(references.Order(), stored.Order());
        Assert.Equal("PA-2026-001000", stored.Max());
    }

    [Fact]
    public async Task Reference_numbers_continue_after_the_highest_one_already_given()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "51");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("51", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new TthcFeedback { Code = code, Message = "Phản ánh nhận trước khi có bộ đếm.", Reference = "PA-2026-000041", CreatedAt = portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }, commune);

        var response = await Html.PostFormAsync(portal.Anonymous(), $"/{commune.Slug}/thu-tuc/{code}/bao-sai-sot", new() { ["Input.Message"] = "Giấy tờ niêm yết thiếu bản sao." });

        Assert.Equal("PA-2026-000042", (await Html.ParseAsync(response)).QuerySelector(".tthc-reference")!.TextContent.Trim());
    }

    [Fact]
    public async Task Completeness_check_names_what_is_missing_and_scores_the_commune()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "52");
        var complete = TthcBuilder.NextCode();
        var incomplete = TthcBuilder.NextCode();
        var partial = TthcBuilder.Procedure(incomplete, "Thủ tục thiếu");
        partial.LegalBases.Clear();
        partial.Unconfirmed.Add(ProcedureFields.Fee);
        await portal.ImportAsync("52", TthcBuilder.Procedure(complete), partial);
        await portal.PostAsync(commune, true, complete, incomplete);
        var secretary = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        var page = await Html.GetDocumentAsync(secretary, $"/{commune.Slug}/thu-tuc/quan-ly");

        Assert.Contains("50%", page.QuerySelector(".tthc-score")!.TextContent);
        var problems = page.QuerySelectorAll($"tr[data-code='{incomplete}'] .tthc-problems li").Select(l => l.TextContent).ToList();
        Assert.Contains("Phí, lệ phí chưa được xác minh.", problems);
        Assert.Contains("Thiếu căn cứ pháp lý.", problems);
        Assert.Contains("tthc-complete", page.QuerySelector($"tr[data-code='{complete}']")!.ClassName);
        Assert.Equal("/" + commune.Slug + "/tai-lieu/theo-ma?code=QT-05%2FCX-HT", page.QuerySelector($"tr[data-code='{complete}'] td:last-child a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Iso_scope_posting_without_work_procedure_is_flagged()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "52");
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync("52", TthcBuilder.Procedure(code));
        await portal.PostAsync(commune, true, code);
        await portal.InScopeAsync(async sp =>
        {
            var posting = (await sp.GetRequiredService<Postings>().FindAsync(code))!;
            posting.WorkProcedureCode = null;
            await sp.GetRequiredService<QmsDbContext>().SaveChangesAsync();
        }, commune);

        var states = await portal.InScopeAsync(sp => sp.GetRequiredService<PostingCompleteness>().StatesAsync(), commune);

        var state = states.Single(s => s.Code == code);
        Assert.True(state.MissingWorkProcedure);
        Assert.Contains("Thuộc phạm vi ISO nhưng chưa gắn quy trình nội bộ.", state.Problems);
    }

    [Fact]
    public async Task Posting_refuses_publication_when_a_required_field_is_missing()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "52");
        var code = TthcBuilder.NextCode();
        var missing = TthcBuilder.Procedure(code);
        missing.Cases.Clear();
        missing.Applicants = null;
        await portal.ImportAsync("52", missing);
        await portal.PostAsync(commune, false, code);
        var secretary = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));

        var response = await Html.PostFormAsync(secretary, $"/{commune.Slug}/thu-tuc/quan-ly/{code}", [], "Publish");
        var page = await Html.GetDocumentAsync(secretary, response.Headers.Location!.ToString());

        Assert.Contains("Chưa niêm yết được: Thiếu thành phần, số lượng hồ sơ. Thiếu đối tượng thực hiện.", page.QuerySelector(".alert-error")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync($"/{commune.Slug}/thu-tuc/{code}")).StatusCode);
        var status = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<TthcPosting>().Where(p => p.Code == code).Select(p => p.Status).SingleAsync(), commune);
        Assert.Equal(PostingStatus.Draft, status);
    }

    [Fact]
    public async Task Api_withholds_unconfirmed_time_limits_and_names_them()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "56", recipes: ["commune-starter"]);

        using var one = JsonDocument.Parse(await portal.Anonymous().GetStringAsync($"/{commune.Slug}/api/tthc/1.001612"));

        var root = one.RootElement;
        Assert.Contains("timeLimit", root.GetProperty("unconfirmed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("chưa xác minh — hỏi Bộ phận Một cửa", root.GetProperty("timeLimit").GetString());
        Assert.All(root.GetProperty("channels").EnumerateArray(), ch => Assert.False(ch.TryGetProperty("timeLimit", out var t) && t.ValueKind != JsonValueKind.Null));
    }
}
