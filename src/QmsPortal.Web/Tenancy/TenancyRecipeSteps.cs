using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Tenancy;

/// <summary><c>"step": "communes"</c> — creates or updates communes by code and applies their recipes (platform recipes).</summary>
public sealed class CommunesStep(CommuneProvisioner provisioner) : IRecipeStep
{
    public string Name => "communes";

    public RecipeScope Scope => RecipeScope.Platform;

    public async Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var seenCodes = new HashSet<string>();
        var seenSlugs = new HashSet<string>();
        var i = 0;
        foreach (var commune in step.Json["communes"]!.AsArray().OfType<JsonObject>())
        {
            var field = $"communes[{i++}]";
            var spec = ToSpec(commune);
            if (!seenCodes.Add(spec.Code))
            {
                step.Error(field + ".code", $"Mã xã {spec.Code} bị lặp trong tệp.");
            }

            if (!seenSlugs.Add(spec.Slug))
            {
                step.Error(field + ".slug", $"Đường dẫn {spec.Slug} bị lặp trong tệp.");
            }

            foreach (var (name, message) in await provisioner.CheckAsync(spec, cancellationToken))
            {
                step.Error(field + "." + JsonField(name), message);
            }

            foreach (var recipeName in Recipes(commune))
            {
                try
                {
                    var nested = await step.Runner.LoadAsync(recipeName, cancellationToken);
                    if (nested.Scope != RecipeScope.Commune)
                    {
                        step.Error(field + ".recipes", $"Công thức \"{recipeName}\" không phải công thức của một xã.");
                    }
                }
                catch (RecipeValidationException e)
                {
                    step.Error(field + ".recipes", string.Join(" ", e.Errors.Select(x => x.Message)));
                }
            }

            if (Inline(step, commune) is { } inline)
            {
                var placeholder = new TenantInfo(0, spec.Slug, spec.Code, spec.Name, spec.Kind, spec.ProvinceCode, "", spec.Theme, TenantStatus.Active, null, null, null, null);
                foreach (var error in await step.Runner.ValidateAsync(inline, placeholder, cancellationToken))
                {
                    step.Error($"{field}.steps[{error.Step - 1}].{error.Field}", error.Message);
                }
            }
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        foreach (var commune in step.Json["communes"]!.AsArray().OfType<JsonObject>())
        {
            var tenant = await provisioner.ProvisionAsync(ToSpec(commune), Recipes(commune), cancellationToken);
            if (Inline(step, commune) is { } inline)
            {
                await step.Runner.ApplyAsync(inline, tenant, cancellationToken);
            }
        }
    }

    private static CommuneSpec ToSpec(JsonObject c) => new(
        (string?)c["slug"] ?? "",
        (string?)c["name"] ?? "",
        (string?)c["code"] ?? "",
        (string?)c["province"] ?? "",
        ((string?)c["kind"]) switch { "phuong" => CommuneKind.Phuong, "dac-khu" => CommuneKind.DacKhu, _ => CommuneKind.Xa },
        (string?)c["theme"] ?? ThemeCatalog.DefaultTheme,
        c["hostNames"]?.AsArray().Select(h => (string?)h ?? "").ToList(),
        c["formerNames"] is JsonArray former ? string.Join("; ", former.Select(f => (string?)f)) : null);

    private static RecipeFile? Inline(RecipeStepContext step, JsonObject c) =>
        c["steps"] is JsonArray steps ? RecipeFile.Inline(step.Recipe, $"{step.Recipe.Name}-{(string?)c["slug"]}", steps) : null;

    private static List<string> Recipes(JsonObject c) => c["recipes"]?.AsArray().Select(r => (string?)r ?? "").ToList() ?? [];

    private static string JsonField(string property) => property switch
    {
        "ProvinceCode" => "province",
        "" => "code",
        _ => char.ToLowerInvariant(property[0]) + property[1..],
    };
}

/// <summary>
/// <c>"step": "commune-settings"</c> — office details shown on public pages, the theme, whether documents need a
/// review before approval (<c>documentReviewRequired</c>) and after how many working days overdue a reminder goes to the
/// approvers too (<c>escalationWorkingDays</c>, 1–60); only given fields change.
/// </summary>
public sealed class CommuneSettingsStep(QmsDbContext db, ThemeCatalog themes, TenantDirectory directory, PublicPageCache publicPages) : IRecipeStep
{
    public string Name => "commune-settings";

    public RecipeScope Scope => RecipeScope.Commune;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        if ((string?)step.Json["theme"] is { } theme && themes.Find(theme) is null)
        {
            step.Error("theme", $"Không có giao diện \"{theme}\". Có: {string.Join(", ", themes.All.Select(t => t.Name))}.");
        }

        if (step.Json["escalationWorkingDays"] is JsonValue days && (!days.TryGetValue<int>(out var value) || Tenant.CheckEscalationWorkingDays(value) is not null))
        {
            step.Error("escalationWorkingDays", Tenant.EscalationWorkingDaysRange);
        }

        return Task.CompletedTask;
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.FirstAsync(t => t.Id == step.RequiredTenant.Id, cancellationToken);
        var json = step.Json;
        tenant.Address = (string?)json["address"] ?? tenant.Address;
        tenant.Phone = (string?)json["phone"] ?? tenant.Phone;
        tenant.Email = (string?)json["email"] ?? tenant.Email;
        tenant.OfficeHours = (string?)json["officeHours"] ?? tenant.OfficeHours;
        tenant.Theme = (string?)json["theme"] ?? tenant.Theme;
        tenant.DocumentReviewRequired = json["documentReviewRequired"] is JsonValue review ? review.GetValue<bool>() : tenant.DocumentReviewRequired;
        tenant.EscalationWorkingDays = json["escalationWorkingDays"] is JsonValue escalation ? escalation.GetValue<int>() : tenant.EscalationWorkingDays;
        directory.Forget();
        await publicPages.EvictAsync(tenant.Id, cancellationToken);
    }
}
