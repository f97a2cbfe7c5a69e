using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Recipes;

/// <summary>
/// Loads, validates and applies recipes. A recipe is checked whole (schema, then every step's own rules)
/// before anything is written; it is then applied in one transaction, so a failure leaves nothing behind.
/// </summary>
public sealed class RecipeRunner(
    QmsDbContext db,
    TenantContext tenantContext,
    CurrentActor actor,
    TimeProvider clock,
    IServiceProvider services,
    IOptions<RecipeOptions> options,
    IOptions<DemoOptions> demo)
{
    private static readonly Lazy<JsonSchema> CachedSchema = new(() => JsonSchema.FromFile(SchemaPath(AppContext.BaseDirectory)));
    // Resolved on first use: steps themselves use the runner (a communes step applies commune recipes).
    private Dictionary<string, IRecipeStep>? _stepsByName;

    private Dictionary<string, IRecipeStep> Steps =>
        _stepsByName ??= services.GetServices<IRecipeStep>().ToDictionary(s => s.Name, StringComparer.Ordinal);

    public bool DemoEnabled => demo.Value.Enabled;

    /// <summary>Names of the recipes in the recipe folder (<c>commune-starter</c>, <c>demo</c>, …).</summary>
    public IReadOnlyList<string> AvailableRecipes() =>
        Directory.Exists(options.Value.FullFolder)
            ? Directory.GetFiles(options.Value.FullFolder, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).Order().ToList()
            : [];

    /// <summary>Named recipes that set up one commune (what an administrator may apply to a commune).</summary>
    public async Task<IReadOnlyList<string>> CommuneRecipesAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var name in AvailableRecipes())
        {
            if ((await LoadAsync(name, cancellationToken)).Scope == RecipeScope.Commune)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>A recipe by name from the recipe folder, or by path to a file (relative to <see cref="InvocationDirectory"/>).</summary>
    public Task<RecipeFile> LoadAsync(string nameOrPath, CancellationToken cancellationToken = default) =>
        LoadAsync(nameOrPath, InvocationDirectory(), cancellationToken);

    /// <summary>A recipe by name from the recipe folder, or by path to a file, a relative path starting at <paramref name="invocationDirectory"/>.</summary>
    public async Task<RecipeFile> LoadAsync(string nameOrPath, string invocationDirectory, CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(nameOrPath, options.Value.FullFolder, invocationDirectory);
        if (!File.Exists(path))
        {
            throw new RecipeValidationException([new RecipeError(Path.GetFileName(path), 0, "-", "-",
                $"Không tìm thấy công thức \"{nameOrPath}\" (đã tìm tệp {path}). Có sẵn: {string.Join(", ", AvailableRecipes())}.")]);
        }

        return RecipeFile.Parse(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken));
    }

    /// <summary>The absolute file a recipe name (in <paramref name="recipeFolder"/>) or a path (absolute, or relative to <paramref name="invocationDirectory"/>) names.</summary>
    public static string ResolvePath(string nameOrPath, string recipeFolder, string invocationDirectory) =>
        nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(nameOrPath, invocationDirectory)
            : Path.GetFullPath(Path.Combine(recipeFolder, nameOrPath + ".recipe.json"));

    /// <summary>
    /// Where the command was run: the shell's <c>PWD</c> when it names a folder, else the current directory.
    /// <c>dotnet run --project src/QmsPortal.Web</c> starts the application in the project folder, so the current
    /// directory is not where the operator typed the path, while the shell's <c>PWD</c> still is.
    /// </summary>
    public static string InvocationDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathFullyQualified(pwd) && Directory.Exists(pwd)
            ? pwd
            : Directory.GetCurrentDirectory();

    /// <summary>Every problem in the recipe for this target (a commune, or the platform when null); writes nothing.</summary>
    public async Task<IReadOnlyList<RecipeError>> ValidateAsync(RecipeFile recipe, TenantInfo? tenant, CancellationToken cancellationToken = default)
    {
        var errors = new List<RecipeError>();
        CheckSchema(recipe, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        if (recipe.IsDemo && !DemoEnabled)
        {
            errors.Add(new RecipeError(recipe.FileName, 0, "-", "demo",
                "Công thức dữ liệu mẫu (có mật khẩu mẫu) chỉ được áp dụng khi bật chế độ demo (Demo:Enabled=true)."));
            return errors;
        }

        if (recipe.Scope == RecipeScope.Commune && tenant is null)
        {
            errors.Add(new RecipeError(recipe.FileName, 0, "-", "scope", "Công thức này dành cho một xã: hãy chỉ định xã (--tenant)."));
            return errors;
        }

        var index = 0;
        foreach (var json in recipe.Steps)
        {
            var context = new RecipeStepContext(recipe, index++, json, tenant, errors, this);
            var step = Steps[context.StepName];
            if (step.Scope != recipe.Scope)
            {
                context.Error("step", step.Scope == RecipeScope.Platform
                    ? "Bước này chỉ dùng trong công thức cấp hệ thống (scope: platform)."
                    : "Bước này chỉ dùng trong công thức của một xã (scope: commune).");
                continue;
            }

            await step.ValidateAsync(context, cancellationToken);
        }

        return errors;
    }

    /// <summary>Validates, then applies in one transaction (joining the caller's transaction when there is one).</summary>
    public async Task ApplyAsync(RecipeFile recipe, TenantInfo? tenant, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(recipe, tenant, cancellationToken);
        if (errors.Count > 0)
        {
            throw new RecipeValidationException(errors);
        }

        var ownTransaction = db.Database.CurrentTransaction is null;
        var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            using (tenant is null ? null : tenantContext.Switch(tenant))
            {
                var index = 0;
                var noErrors = new List<RecipeError>();
                foreach (var json in recipe.Steps)
                {
                    var context = new RecipeStepContext(recipe, index++, json, tenant, noErrors, this);
                    await Steps[context.StepName].ApplyAsync(context, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }

                db.Add(new RecipeApplication
                {
                    TenantId = tenant?.Id, Name = recipe.Name, Version = recipe.Version, AppliedAt = clock.GetUtcNow(), AppliedBy = actor.Name,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    internal static string SchemaPath(string baseDirectory) => Path.Combine(baseDirectory, "content-recipes", "recipe.schema.json");

    private void CheckSchema(RecipeFile recipe, List<RecipeError> errors)
    {
        var results = CachedSchema.Value.Evaluate(recipe.Document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            foreach (var json in recipe.Steps.Select((s, i) => (s, i)))
            {
                if (!Steps.ContainsKey((string?)json.s["step"] ?? ""))
                {
                    errors.Add(new RecipeError(recipe.FileName, json.i + 1, (string?)json.s["step"] ?? "?", "step",
                        "Loại bước này chưa được hệ thống hỗ trợ."));
                }
            }

            return;
        }

        // Failed "if" conditions are how the schema picks a step's shape, not errors.
        foreach (var detail in results.Details.Where(d => d.HasErrors && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal)))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                var pointer = detail.InstanceLocation.ToString();
                var (stepIndex, field) = SplitPointer(pointer);
                var stepName = stepIndex > 0 && recipe.Document["steps"] is JsonArray arr && arr.Count >= stepIndex
                    ? (string?)arr[stepIndex - 1]?["step"] ?? "?"
                    : "-";
                var error = new RecipeError(recipe.FileName, stepIndex, stepName, field, Explain(keyword, message));
                if (!errors.Contains(error))
                {
                    errors.Add(error);
                }
            }
        }
    }

    /// <summary>"/steps/2/communes/0/code" → step 3, field "communes[0].code".</summary>
    internal static (int Step, string Field) SplitPointer(string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0] == "steps" && int.TryParse(parts[1], out var index))
        {
            return (index + 1, FieldPath(parts.Skip(2)));
        }

        return (0, parts.Length == 0 ? "(gốc)" : FieldPath(parts));
    }

    private static string FieldPath(IEnumerable<string> parts)
    {
        var field = "";
        foreach (var part in parts)
        {
            field += int.TryParse(part, out _) ? $"[{part}]" : (field.Length == 0 ? part : "." + part);
        }

        return field.Length == 0 ? "(cả bước)" : field;
    }

    private static string Explain(string keyword, string message) => keyword switch
    {
        "required" => "Thiếu trường bắt buộc: " + message.Replace("Required properties ", "", StringComparison.Ordinal).Replace(" are not present", "", StringComparison.Ordinal).Replace(" is not present", "", StringComparison.Ordinal),
        "type" => "Sai kiểu dữ liệu (" + message + ").",
        "pattern" => "Không đúng định dạng (" + message + ").",
        "maxLength" => "Quá dài (" + message + ").",
        "minLength" => "Quá ngắn hoặc để trống (" + message + ").",
        "enum" or "const" => "Giá trị không được chấp nhận (" + message + ").",
        "additionalProperties" => "Trường không được hỗ trợ (kiểm tra chính tả tên trường).",
        // additionalProperties: false reports each unknown field as failing the "false" schema.
        _ when message.Contains("false schema", StringComparison.Ordinal) => "Trường không được hỗ trợ (kiểm tra chính tả tên trường).",
        "minimum" or "maximum" => "Giá trị ngoài khoảng cho phép (" + message + ").",
        "minItems" => "Danh sách phải có ít nhất một mục.",
        _ => message,
    };
}
