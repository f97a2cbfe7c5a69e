using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits;

/// <summary>Bad content of an "audit-records" step: the file, step and field are named and nothing is written.</summary>
public sealed class AuditRecordsStepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_rule_broken_in_the_step_names_the_file_step_and_field_and_writes_nothing()
    {
        var commune = await portal.CreateCommuneAsync();

        var error = await ApplyAsync(commune, """
            { "step": "audit-records", "year": 2026,
              "objectives": [ { "name": "Tỷ lệ đúng hạn", "indicator": "Đúng hạn / đã giải quyết", "unit": "%", "target": 95, "direction": "at-least", "measure": "on-time-rate",
                                "values": [ { "month": "2026-01", "value": 96 } ] } ],
              "reviews": [ { "heldOn": "2026-11-20", "periodFrom": "2026-12-01", "periodTo": "2026-11-19", "chair": "chutich@example.vn" } ] }
            """);

        var problem = Assert.Single(error.Errors);
        Assert.Equal((2, "audit-records", "reviews[0].periodFrom"), (problem.Step, problem.StepName, problem.Field));
        Assert.EndsWith(".recipe.json", problem.File, StringComparison.Ordinal);
        Assert.Equal("Ngày bắt đầu kỳ xem xét phải trước ngày kết thúc.", problem.Message);
        Assert.Equal((0, 0), await CountsAsync(commune));
    }

    [Fact]
    public async Task A_person_without_the_role_is_found_when_applying_and_the_whole_recipe_is_rolled_back()
    {
        var commune = await portal.CreateCommuneAsync();
        var email = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);

        var error = await ApplyAsync(commune, $$"""
            { "step": "audit-records", "year": 2026,
              "objectives": [ { "name": "Số phiếu xin lỗi", "indicator": "Phiếu xin lỗi trong tháng", "unit": "phiếu", "target": 2, "direction": "at-most", "measure": "apologies",
                                "values": [ { "month": "2026-01", "value": 1 } ] } ],
              "reviews": [ { "heldOn": "2026-11-20", "periodFrom": "2025-12-01", "periodTo": "2026-11-20", "chair": "{{email}}" } ] }
            """);

        var problem = Assert.Single(error.Errors);
        Assert.Equal("reviews[0].chair", problem.Field);
        Assert.Contains("phê duyệt", problem.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountsAsync(commune));
    }

    private async Task<RecipeValidationException> ApplyAsync(TenantInfo commune, string step)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-audit-records-{PortalFactory.Next()}.recipe.json");
        await File.WriteAllTextAsync(path, $$"""
            { "name": "bad-audit-records", "version": "1.0.0", "description": "Thử lỗi", "scope": "commune",
              "steps": [ { "step": "commune-settings", "officeHours": "Sáng 7 giờ 00 – 11 giờ 30" }, {{step}} ] }
            """);
        try
        {
            return await Assert.ThrowsAsync<RecipeValidationException>(() => portal.InScopeAsync(async sp =>
            {
                var runner = sp.GetRequiredService<RecipeRunner>();
                await runner.ApplyAsync(await runner.LoadAsync(path), commune);
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private Task<(int, int)> CountsAsync(TenantInfo commune) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        return (await db.Set<QualityObjective>().CountAsync(), await db.Set<ManagementReview>().CountAsync());
    }, commune);
}
