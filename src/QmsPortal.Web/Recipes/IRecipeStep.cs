using System.Text.Json.Nodes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Recipes;

public enum RecipeScope
{
    /// <summary>The step works inside one commune (the current tenant).</summary>
    Commune,

    /// <summary>The step works on the platform (creates communes, platform users).</summary>
    Platform,
}

/// <summary>
/// One kind of recipe step (the <c>"step"</c> value). A feature registers its steps with
/// <c>services.AddScoped&lt;IRecipeStep, MyStep&gt;()</c> and describes their shape in
/// <c>content-recipes/recipe.schema.json</c>. Validation must not write; Apply runs inside the recipe's
/// single transaction and must be idempotent by natural keys (codes, e-mail addresses).
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    RecipeScope Scope { get; }

    Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken);

    Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken);
}

/// <summary>What a step sees: its JSON, where it is in which file, the commune it targets, and where to report errors.</summary>
public sealed class RecipeStepContext(RecipeFile recipe, int index, JsonObject json, TenantInfo? tenant, List<RecipeError> errors, RecipeRunner runner)
{
    public RecipeFile Recipe { get; } = recipe;
    public int Index { get; } = index;
    public JsonObject Json { get; } = json;
    public TenantInfo? Tenant { get; } = tenant;
    public RecipeRunner Runner { get; } = runner;
    public string StepName => (string?)Json["step"] ?? "?";

    public TenantInfo RequiredTenant => Tenant ?? throw new InvalidOperationException($"Step {StepName} needs a commune.");

    public void Error(string field, string message) => errors.Add(new RecipeError(Recipe.FileName, Index + 1, StepName, field, message));

    public bool HasErrors => errors.Count > 0;
}

public sealed record RecipeError(string File, int Step, string StepName, string Field, string Message)
{
    public override string ToString() => $"{File}: bước {Step} (\"{StepName}\"), trường \"{Field}\": {Message}";
}

public sealed class RecipeValidationException(IReadOnlyList<RecipeError> errors)
    : Exception("Công thức không hợp lệ, không áp dụng gì:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}
