using System.Text.Json;
using System.Text.Json.Nodes;

namespace QmsPortal.Web.Recipes;

/// <summary>A parsed <c>*.recipe.json</c>: header fields plus the raw document the schema is checked against.</summary>
public sealed class RecipeFile
{
    private RecipeFile(string fileName, JsonNode document)
    {
        FileName = fileName;
        Document = document;
    }

    public string FileName { get; }
    public JsonNode Document { get; }
    public string Name => (string?)Document["name"] ?? Path.GetFileNameWithoutExtension(FileName);
    public string Version => (string?)Document["version"] ?? "";
    public string Description => (string?)Document["description"] ?? "";
    public RecipeScope Scope => (string?)Document["scope"] == "platform" ? RecipeScope.Platform : RecipeScope.Commune;
    public bool IsDemo => Document["demo"] is JsonValue v && v.TryGetValue<bool>(out var demo) && demo;

    public IEnumerable<JsonObject> Steps => Document["steps"] is JsonArray steps ? steps.OfType<JsonObject>() : [];

    /// <summary>Steps written inside another recipe for one commune (the <c>steps</c> of a <c>communes</c> entry).</summary>
    public static RecipeFile Inline(RecipeFile parent, string name, JsonArray steps) => new(parent.FileName, new JsonObject
    {
        ["name"] = name,
        ["version"] = parent.Version,
        ["description"] = parent.Description,
        ["scope"] = "commune",
        ["demo"] = parent.IsDemo,
        ["steps"] = steps.DeepClone(),
    });

    /// <summary>Parses JSON text; a syntax error names the file, line and position.</summary>
    public static RecipeFile Parse(string fileName, string json)
    {
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                ?? throw new RecipeValidationException([new RecipeError(fileName, 0, "-", "-", "Tệp rỗng.")]);
            if (node is not JsonObject)
            {
                throw new RecipeValidationException([new RecipeError(fileName, 0, "-", "-", "Công thức phải là một đối tượng JSON.")]);
            }

            return new RecipeFile(fileName, node);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"dòng {line + 1}, vị trí {e.BytePositionInLine + 1}" : "không rõ vị trí";
            throw new RecipeValidationException([new RecipeError(fileName, 0, "-", "-", $"JSON sai cú pháp ({where}).")]);
        }
    }
}
