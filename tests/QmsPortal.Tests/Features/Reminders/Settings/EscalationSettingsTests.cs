using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Reminders.Settings;

/// <summary>/{slug}/nhac-viec/cai-dat and the recipe field escalationWorkingDays: after how many working days overdue the approvers hear of it.</summary>
public sealed class EscalationSettingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> DaysAsync(TenantInfo commune) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<QmsDbContext>().Tenants.Where(t => t.Id == commune.Id).Select(t => t.EscalationWorkingDays).SingleAsync());

    private static string Settings(TenantInfo commune) => $"/{commune.Slug}/nhac-viec/cai-dat";

    [Fact]
    public async Task The_commune_administrator_sets_the_days_and_out_of_range_values_are_refused_with_the_field_named()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));

        var page = await Html.GetDocumentAsync(admin, Settings(commune));
        Assert.Equal("5", page.QuerySelector("#EscalationWorkingDays")!.GetAttribute("value"));

        var saved = await Html.PostFormAsync(admin, Settings(commune), new() { ["EscalationWorkingDays"] = "12" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(12, await DaysAsync(commune));
        Assert.Contains("quá hạn 12 ngày làm việc", (await Html.GetDocumentAsync(admin, Settings(commune))).Body!.TextContent, StringComparison.Ordinal);

        foreach (var bad in new[] { "0", "61", "abc", "" })
        {
            var refused = await Html.PostFormAsync(admin, Settings(commune), new() { ["EscalationWorkingDays"] = bad });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var error = Html.FieldError(await Html.ParseAsync(refused), "EscalationWorkingDays");
            Assert.Equal(Tenant.EscalationWorkingDaysRange, error);
            Assert.Contains("Số ngày quá hạn trước khi báo lãnh đạo", error, StringComparison.Ordinal);
        }

        Assert.Equal(12, await DaysAsync(commune));
    }

    [Fact]
    public async Task Other_members_and_other_communes_administrators_may_not_change_it()
    {
        var commune = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        var secretary = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]));
        var otherAdmin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(other, CommuneRole.CommuneAdmin)]));
        var token = await Html.GetDocumentAsync(otherAdmin, Settings(other));
        var af = token.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;

        var bySecretary = await secretary.GetAsync(Settings(commune));
        var byOtherAdmin = await otherAdmin.PostAsync(Settings(commune), new FormUrlEncodedContent(new Dictionary<string, string> { ["EscalationWorkingDays"] = "30", ["__qms_af"] = af }));

        Assert.True(Denied(bySecretary), $"{(int)bySecretary.StatusCode}");
        Assert.True(Denied(byOtherAdmin), $"{(int)byOtherAdmin.StatusCode}");
        Assert.Equal(Tenant.DefaultEscalationWorkingDays, await DaysAsync(commune));
    }

    [Fact]
    public async Task The_commune_settings_recipe_step_sets_the_days_and_refuses_a_value_out_of_range()
    {
        var commune = await portal.CreateCommuneAsync();

        await ApplyAsync(commune, """{ "step": "commune-settings", "escalationWorkingDays": 8 }""");
        var error = await Assert.ThrowsAsync<RecipeValidationException>(() => ApplyAsync(commune, """{ "step": "commune-settings", "escalationWorkingDays": 90 }"""));
        await ApplyAsync(commune, """{ "step": "commune-settings", "phone": "0232 3000 111" }""");

        Assert.Equal(8, await DaysAsync(commune));
        var problem = Assert.Single(error.Errors);
        Assert.Equal((1, "commune-settings", "escalationWorkingDays"), (problem.Step, problem.StepName, problem.Field));
    }

    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("khong-co-quyen", StringComparison.Ordinal));

    private Task ApplyAsync(TenantInfo commune, string step) => portal.InScopeAsync(async sp =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "qms-recipes-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cai-dat.recipe.json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "cai-dat", "version": "1.0.0", "description": "Thử", "scope": "commune", "steps": [ {{step}} ] }""");
        var runner = sp.GetRequiredService<RecipeRunner>();
        await runner.ApplyAsync(await runner.LoadAsync(path), commune);
    });
}
