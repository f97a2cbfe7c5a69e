using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>The question bank /{slug}/danh-gia/cau-hoi and the audit-questions recipe step.</summary>
public sealed class QuestionBankTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Url(TenantInfo commune) => $"/{commune.Slug}/danh-gia/cau-hoi";

    [Fact]
    public async Task An_auditor_adds_a_question_under_its_clause_and_retires_one_and_audits_opened_later_leave_it_out()
    {
        var commune = await portal.CreateCommuneAsync();
        var auditor = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)]);
        await AuditPlanSeed.QuestionsAsync(portal, commune, AuditPlanSeed.Bank);
        var client = await portal.SignedInAsync(auditor);

        var added = await Html.PostFormAsync(client, Url(commune), new() { ["Input.Clause"] = "8.5", ["Input.Text"] = "Sổ theo dõi hồ sơ có ghi đủ ngày trả kết quả không?" }, "Add");
        var retiring = await AuditPeople.ReadAsync(portal, commune, db => db.Set<ChecklistQuestion>().Where(q => q.Clause == "8.5.3").Select(q => q.Id).SingleAsync());
        var retired = await DocumentSeed.PostHandlerAsync(client, Url(commune), "Retire", new() { ["question"] = retiring.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var page = await Html.GetDocumentAsync(client, Url(commune));
        var id = await AuditPlanSeed.AuditAsync(portal, commune, auditor, clauses: ["8"], open: true);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var clause8 = page.QuerySelector("#dieu-8")!;
        Assert.Contains("(2)", clause8.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sổ theo dõi hồ sơ có ghi đủ ngày trả kết quả không?", clause8.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản chính giấy tờ", clause8.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản chính giấy tờ", page.QuerySelector("#da-thoi-dung")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tài liệu áp dụng tại Bộ phận Một cửa", page.QuerySelector("#dieu-7")!.TextContent, StringComparison.Ordinal);
        var questions = await AuditPeople.ReadAsync(portal, commune, db => db.Set<AuditAnswer>().Where(a => a.AuditId == id).OrderBy(a => a.Order).Select(a => a.Question).ToListAsync());
        Assert.Equal(["Hồ sơ trễ hạn có Phiếu xin lỗi và hẹn lại ngày trả kết quả không?", "Sổ theo dõi hồ sơ có ghi đủ ngày trả kết quả không?"], questions);
    }

    [Fact]
    public async Task A_question_without_a_known_clause_without_text_or_already_in_the_bank_is_refused_beside_the_field_and_nothing_is_written()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        await AuditPlanSeed.QuestionsAsync(portal, commune, AuditPlanSeed.Bank);
        var client = await portal.SignedInAsync(secretary);

        var noClause = await Html.ParseAsync(await Html.PostFormAsync(client, Url(commune), new() { ["Input.Clause"] = "", ["Input.Text"] = "Câu hỏi mới?" }, "Add"));
        var badClause = await Html.ParseAsync(await DocumentSeed.PostHandlerAsync(client, Url(commune), "Add", new() { ["Input.Clause"] = "11.2", ["Input.Text"] = "Câu hỏi mới?" }));
        var noText = await Html.ParseAsync(await Html.PostFormAsync(client, Url(commune), new() { ["Input.Clause"] = "7.2", ["Input.Text"] = "  " }, "Add"));
        var twice = await Html.ParseAsync(await Html.PostFormAsync(client, Url(commune), new() { ["Input.Clause"] = "9.1.2", ["Input.Text"] = "xã có khảo sát sự hài lòng của người dân không?" }, "Add"));

        Assert.Equal("Điều khoản \"\" không có trong TCVN ISO 9001:2015 (4–10, ví dụ 7.5.3).", Html.FieldError(noClause, "Input.Clause"));
        Assert.Equal("Câu hỏi mới?", noClause.QuerySelector("textarea[name='Input.Text']")!.TextContent);
        Assert.Equal("Điều khoản \"11.2\" không có trong TCVN ISO 9001:2015 (4–10, ví dụ 7.5.3).", Html.FieldError(badClause, "Input.Clause"));
        Assert.Equal("Vui lòng nhập câu hỏi.", Html.FieldError(noText, "Input.Text"));
        Assert.Equal("Điều khoản 9.1.2 đã có câu hỏi này.", Html.FieldError(twice, "Input.Text"));
        Assert.Equal(AuditPlanSeed.Bank.Length, await AuditPeople.ReadAsync(portal, commune, db => db.Set<ChecklistQuestion>().CountAsync()));
    }

    [Fact]
    public async Task Staff_read_the_bank_but_cannot_add_or_retire_questions()
    {
        var commune = await portal.CreateCommuneAsync();
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff), (commune, CommuneRole.Approver)]);
        await AuditPlanSeed.QuestionsAsync(portal, commune, AuditPlanSeed.Bank);
        var client = await portal.SignedInAsync(staff);
        var id = await AuditPeople.ReadAsync(portal, commune, db => db.Set<ChecklistQuestion>().Select(q => q.Id).FirstAsync());

        var page = await Html.GetDocumentAsync(client, Url(commune));
        var add = await DocumentSeed.PostHandlerAsync(client, Url(commune), "Add", new() { ["Input.Clause"] = "7.2", ["Input.Text"] = "Câu hỏi của cán bộ?" });
        var retire = await DocumentSeed.PostHandlerAsync(client, Url(commune), "Retire", new() { ["question"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Null(page.QuerySelector("#them-cau-hoi"));
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Retire']"));
        Assert.True(AuditPlanSeed.IsForbidden(add));
        Assert.True(AuditPlanSeed.IsForbidden(retire));
        Assert.Equal(AuditPlanSeed.Bank.Length, await AuditPeople.ReadAsync(portal, commune, db => db.Set<ChecklistQuestion>().CountAsync(q => q.IsActive)));
    }

    [Fact]
    public async Task The_commune_starter_recipe_gives_three_to_five_questions_per_main_clause_and_keeps_a_retired_one_retired_when_applied_again()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var retired = await AuditPeople.ReadAsync(portal, commune, async db =>
        {
            var question = await db.Set<ChecklistQuestion>().FirstAsync(q => q.Clause == "8.5.3");
            question.Retire();
            await db.SaveChangesAsync();
            return question.Id;
        });

        await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            await runner.ApplyAsync(await runner.LoadAsync("commune-starter"), commune);
        });

        var bank = await AuditPeople.ReadAsync(portal, commune, db => db.Set<ChecklistQuestion>().ToListAsync());
        Assert.All(bank, q => Assert.True(q.IsStarter));
        Assert.Equal(["4", "5", "6", "7", "8", "9", "10"], bank.Select(q => IsoClauses.MainClause(q.Clause)).Distinct().OrderBy(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(bank.GroupBy(q => IsoClauses.MainClause(q.Clause)), g => Assert.InRange(g.Count(), 3, 5));
        Assert.Contains(bank, q => q.Clause == "7.5.3" && q.Text == "Tài liệu áp dụng tại Bộ phận Một cửa có đúng phiên bản đang hiệu lực?");
        Assert.Contains(bank, q => q.Clause == "9.1.2" && q.Text == "Xã có khảo sát sự hài lòng của người dân không?");
        Assert.Equal(bank.Count, bank.DistinctBy(q => (q.Clause, q.Text)).Count());
        Assert.False(bank.Single(q => q.Id == retired).IsActive);
    }

    [Fact]
    public async Task A_bad_audit_questions_step_names_the_file_step_and_field_and_writes_nothing()
    {
        var commune = await portal.CreateCommuneAsync();
        var path = Path.Combine(Path.GetTempPath(), $"bad-questions-{PortalFactory.Next()}.recipe.json");
        await File.WriteAllTextAsync(path, """
            { "name": "bad-questions", "version": "1.0.0", "description": "Thử lỗi", "scope": "commune",
              "steps": [
                { "step": "commune-settings", "officeHours": "Sáng 7 giờ 00 – 11 giờ 30" },
                { "step": "audit-questions", "questions": [
                  { "clause": "7.5.3", "text": "Tài liệu có đúng phiên bản?" },
                  { "clause": "7.9", "text": "Điều khoản không có trong tiêu chuẩn?" },
                  { "clause": "7.5.3", "text": "tài liệu có đúng phiên bản?" },
                  { "clause": "8.5", "text": "   " }
                ] }
              ] }
            """);

        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<RecipeRunner>();
            await runner.ApplyAsync(await runner.LoadAsync(path), commune);
        }));

        File.Delete(path);
        Assert.All(error.Errors, e => Assert.Equal((Path.GetFileName(path), 2, "audit-questions"), (e.File, e.Step, e.StepName)));
        Assert.Equal(["questions[1].clause", "questions[2].text", "questions[3].text"], error.Errors.Select(e => e.Field));
        Assert.Contains("\"7.9\"", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("bị lặp", error.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("Vui lòng nhập câu hỏi.", error.Errors[2].Message);
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, commune, db => db.Set<ChecklistQuestion>().CountAsync()));
        Assert.Null((await portal.InScopeAsync(sp => sp.GetRequiredService<Web.Data.QmsDbContext>().Tenants.SingleAsync(t => t.Id == commune.Id))).OfficeHours);
    }
}
