using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// <c>"step": "audit-questions"</c> — starter questions of the audit question bank:
/// <c>{ "questions": [ { "clause": "7.5.3", "text": "…" } ] }</c>. Idempotent by clause and text: a question the
/// commune already has (from the recipe or typed by hand, in use or retired) is left as it is, so a retired starter
/// question stays retired when the recipe is applied again.
/// </summary>
public sealed class AuditQuestionsStep(QmsDbContext db) : IRecipeStep
{
    public string Name => "audit-questions";

    public RecipeScope Scope => RecipeScope.Commune;

    public Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>();
        var i = 0;
        foreach (var json in Questions(step))
        {
            var field = $"questions[{i++}]";
            try
            {
                var question = Build(json);
                if (!seen.Add(Key(question.Clause, question.Text)))
                {
                    step.Error(field + ".text", $"Câu hỏi bị lặp trong điều khoản {question.Clause}.");
                }
            }
            catch (DomainException e)
            {
                step.Error(field + "." + (e.Field is { Length: > 0 } f ? char.ToLowerInvariant(f[0]) + f[1..] : "text"), e.Message);
            }
        }

        return Task.CompletedTask;
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<ChecklistQuestion>().Select(q => new { q.Clause, q.Text }).ToListAsync(cancellationToken))
            .Select(q => Key(q.Clause, q.Text)).ToHashSet();
        foreach (var json in Questions(step))
        {
            var question = Build(json);
            if (existing.Add(Key(question.Clause, question.Text)))
            {
                db.Add(question);
            }
        }
    }

    private static ChecklistQuestion Build(JsonObject json) => ChecklistQuestion.Create((string?)json["clause"], (string?)json["text"], isStarter: true);

    private static (string, string) Key(string clause, string text) => (clause, text.ToLowerInvariant());

    private static IEnumerable<JsonObject> Questions(RecipeStepContext step) => step.Json["questions"] is JsonArray array ? array.OfType<JsonObject>() : [];
}
