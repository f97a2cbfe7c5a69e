using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits.Programmes;
using QmsPortal.Web.Features.Audits.Reviews;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits;

/// <summary>
/// <c>"step": "audit-records"</c> — a year of audit records replayed through the entity rules with the commune's own
/// people (named by e-mail): the programme and its audits (opened, answered, signed), province inspections, findings
/// with their corrective actions (planned, done, checked, reopened, rescheduled) and closing, quality objectives with
/// monthly values, and management reviews (closed, effectiveness confirmed). Dates are absolute, as the records were
/// kept that year. Idempotent by natural keys: programme year and audit title, inspection unit and minutes date,
/// finding reference, objective name, review date; a record already there is left as the commune changed it.
/// </summary>
public sealed class AuditRecordsStep(QmsDbContext db, ScopeLookup scopes, CommuneCounters counters, TimeProvider clock) : IRecipeStep
{
    private static readonly Dictionary<string, AnswerResult> Results = new(StringComparer.Ordinal)
    {
        ["conform"] = AnswerResult.Conform, ["nonconform"] = AnswerResult.Nonconform,
        ["observation"] = AnswerResult.Observation, ["not-applicable"] = AnswerResult.NotApplicable,
    };

    private static readonly Dictionary<string, FindingGrade> Grades = new(StringComparer.Ordinal)
    {
        ["major"] = FindingGrade.MajorNonconformity, ["minor"] = FindingGrade.MinorNonconformity,
        ["observation"] = FindingGrade.Observation, ["opportunity"] = FindingGrade.Opportunity,
    };

    private static readonly Dictionary<string, FindingSubject> Subjects = new(StringComparer.Ordinal)
    {
        ["process"] = FindingSubject.Process, ["tthc"] = FindingSubject.Tthc, ["document"] = FindingSubject.Document, ["other"] = FindingSubject.Other,
    };

    private static readonly Dictionary<string, DeskMeasure> Measures = new(StringComparer.Ordinal)
    {
        ["none"] = DeskMeasure.None, ["on-time-rate"] = DeskMeasure.OnTimeRate, ["apologies"] = DeskMeasure.Apologies,
        ["satisfaction"] = DeskMeasure.Satisfaction, ["late"] = DeskMeasure.Late,
    };

    public string Name => "audit-records";

    public RecipeScope Scope => RecipeScope.Commune;

    /// <summary>Replays the whole year in memory (people stand in by e-mail, the commune may not exist yet): every rule of the records is checked, nothing written.</summary>
    public async Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        try
        {
            await new Year(db, scopes, counters, VietnameseFormat.Today(clock), step, write: false).RunAsync(cancellationToken);
        }
        catch (Fault fault)
        {
            step.Error(fault.Field, fault.Message);
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        try
        {
            await new Year(db, scopes, counters, VietnameseFormat.Today(clock), step, write: true).RunAsync(cancellationToken);
        }
        catch (Fault fault)
        {
            // What only the commune's data shows (a person missing or without the role): the recipe's transaction is rolled back.
            throw new RecipeValidationException([new RecipeError(step.Recipe.FileName, step.Index + 1, step.StepName, fault.Field, fault.Message)]);
        }
    }

    /// <summary>A refused record, with the JSON field it came from.</summary>
    private sealed class Fault(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    /// <summary>A person of the commune with what they may do on the records.</summary>
    private sealed record Person(AuditPerson Actor, IReadOnlySet<CommuneRole> Roles, bool SupervisesProvince)
    {
        public bool Has(params CommuneRole[] roles) => roles.Any(Roles.Contains);
    }

    private sealed class Year(QmsDbContext db, ScopeLookup scopes, CommuneCounters counters, DateOnly today, RecipeStepContext step, bool write)
    {
        private readonly QmsDbContext _db = db;
        private readonly Dictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Audit> _audits = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ProvinceInspection> _inspections = new(StringComparer.Ordinal);
        private JsonObject Json => step.Json;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await ProgrammeAsync(cancellationToken);
            await InspectionsAsync(cancellationToken);
            await FindingsAsync(cancellationToken);
            await ObjectivesAsync(cancellationToken);
            await ReviewsAsync(cancellationToken);
        }

        private async Task ProgrammeAsync(CancellationToken cancellationToken)
        {
            var year = Int(Json, "year", "year");
            var programme = write ? await _db.Set<AuditProgramme>().Include(p => p.Audits).ThenInclude(a => a.Answers).FirstOrDefaultAsync(p => p.Year == year, cancellationToken) : null;
            if (programme is null)
            {
                programme = Rule("programmeNotes", () => AuditProgramme.Create(year, (string?)Json["programmeNotes"]));
                Add(programme);
            }

            var bank = write ? await _db.Set<ChecklistQuestion>().Where(q => q.IsActive).ToListAsync(cancellationToken) : null;
            foreach (var (json, field) in Items(Json, "audits"))
            {
                var title = VietnameseText.Normalize((string?)json["title"]).Trim();
                if (programme.Audits.FirstOrDefault(a => a.Title == title) is { } existing)
                {
                    _audits[title] = existing;
                    continue;
                }

                var scope = Rule(field, () => AuditScope.Create(Strings(json["documents"]), Strings(json["tthc"]), Strings(json["clauses"])));
                var lead = await PersonAsync(json, "lead", field, CommuneRole.InternalAuditor, CommuneRole.QualitySecretary);
                var team = new List<AuditPerson>();
                var t = 0;
                foreach (var email in Strings(json["team"]))
                {
                    team.Add((await PersonAsync(email, $"{field}.team[{t++}]", CommuneRole.InternalAuditor, CommuneRole.QualitySecretary)).Actor);
                }

                IReadOnlySet<string> responsible = new HashSet<string>();
                if (write)
                {
                    await RuleAsync(field, () => scopes.CheckAsync(scope, cancellationToken));
                    responsible = await scopes.ResponsibleForScopeAsync(scope, cancellationToken);
                }

                var audit = Rule(field, () => programme.Plan(Int(json, "month", field + ".month"), title, scope, lead.Actor, team, responsible));
                _audits[title] = audit;
                if (Date(json, "openedOn", field) is { } openedOn)
                {
                    // Without the commune's bank (validation), one question per clause stands in for it.
                    var questions = bank ?? scope.Clauses.Select(c => ChecklistQuestion.Create(c, "Câu hỏi", isStarter: true)).ToList();
                    Rule(field + ".openedOn", () => audit.Open(openedOn, (string?)json["participants"], questions, lead.Actor));
                    Answer(audit, json, field, lead.Actor);
                    if (Date(json, "closedOn", field) is { } closedOn)
                    {
                        Rule(field + ".closedOn", () => audit.SignReport(closedOn, (string?)json["conclusion"], lead.Actor, At(closedOn)));
                        await SaveAsync(cancellationToken);
                        Add(IsoMilestone.FromRecord(IsoMilestoneKind.InternalAudit, closedOn, $"Báo cáo đánh giá nội bộ: {audit.Title}", $"danh-gia/cuoc-danh-gia/{audit.Id}"));
                    }
                }

                await SaveAsync(cancellationToken);
            }
        }

        /// <summary>Each listed answer takes the next question of its clause; the others are conform, with the audit's common evidence.</summary>
        private static void Answer(Audit audit, JsonObject json, string field, AuditPerson lead)
        {
            var given = new HashSet<AuditAnswer>();
            foreach (var (answer, at) in Items(json, "answers", field))
            {
                var clause = (string?)answer["clause"];
                var target = audit.Answers.FirstOrDefault(a => a.Clause == clause && !given.Contains(a))
                    ?? throw new Fault(at + ".clause", $"Danh mục kiểm tra của cuộc đánh giá không còn câu hỏi nào của điều khoản \"{clause}\".");
                given.Add(target);
                Rule(at, () => audit.Answer(target, Pick(Results, answer, "result", at), (string?)answer["evidence"], lead));
            }

            foreach (var rest in audit.Answers.Where(a => !given.Contains(a)))
            {
                Rule(field + ".evidence", () => audit.Answer(rest, AnswerResult.Conform, (string?)json["evidence"], lead));
            }
        }

        private async Task InspectionsAsync(CancellationToken cancellationToken)
        {
            foreach (var (json, field) in Items(Json, "inspections"))
            {
                var minutes = Date(json, "minutesDate", field) ?? throw new Fault(field + ".minutesDate", "Cần ngày biên bản kiểm tra.");
                var unit = VietnameseText.Normalize((string?)json["unit"]).Trim();
                var key = Key(unit, minutes);
                var existing = write ? await _db.Set<ProvinceInspection>().FirstOrDefaultAsync(i => i.Unit == unit && i.MinutesDate == minutes, cancellationToken) : null;
                if (existing is null)
                {
                    var by = await PersonAsync(json, "recordedBy", field);
                    if (!by.SupervisesProvince)
                    {
                        throw new Fault(field + ".recordedBy", "Người ghi biên bản kiểm tra phải là kiểm tra viên của tỉnh có xã này.");
                    }

                    existing = Rule(field, () => ProvinceInspection.Record(Date(json, "inspectedOn", field) ?? minutes, minutes, unit, (string?)json["inspectors"],
                        json["onSite"] is JsonValue v && v.TryGetValue<bool>(out var onSite) && onSite, (string?)json["summary"], by.Actor));
                    Add(existing);
                    await SaveAsync(cancellationToken);
                }

                _inspections[key] = existing;
            }
        }

        private async Task FindingsAsync(CancellationToken cancellationToken)
        {
            var existing = write ? (await _db.Set<Finding>().Select(f => f.Reference).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal) : [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (json, field) in Items(Json, "findings"))
            {
                var reference = ((string?)json["reference"] ?? "").Trim();
                var on = Date(json, "raisedOn", field) ?? throw new Fault(field + ".raisedOn", "Cần ngày lập phát hiện.");
                var prefix = Finding.ReferencePrefix(on.Year) + "-";
                if (!reference.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(reference[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    throw new Fault(field + ".reference", $"Số hiệu phát hiện phải có dạng {prefix}001 (năm của ngày lập).");
                }

                if (!seen.Add(reference))
                {
                    throw new Fault(field + ".reference", $"Số hiệu {reference} bị lặp trong tệp.");
                }

                if (existing.Contains(reference))
                {
                    continue;
                }

                var origin = Origin(json, field);
                var by = await PersonAsync(json, "raisedBy", field);
                if (!by.Has(CommuneRole.InternalAuditor, CommuneRole.QualitySecretary) && !(origin.Source == FindingSource.Inspection && by.SupervisesProvince))
                {
                    throw new Fault(field + ".raisedBy", "Người lập phát hiện phải là chuyên gia đánh giá nội bộ hoặc thư ký ISO của xã.");
                }

                var finding = Rule(field, () => Finding.Raise(reference, Pick(Grades, json, "grade", field), (string?)json["clause"],
                    Pick(Subjects, json, "subjectKind", field), (string?)json["subject"], (string?)json["description"], origin, by.Actor, on));
                Add(finding);
                await SaveAsync(cancellationToken);
                var actions = new List<CorrectiveAction>();
                foreach (var (action, at) in Items(json, "actions", field))
                {
                    actions.Add(await ActionAsync(finding, action, at));
                    await SaveAsync(cancellationToken);
                }

                if (json["closed"] is JsonObject closed)
                {
                    var closer = await PersonAsync(closed, "by", field + ".closed", CommuneRole.QualitySecretary);
                    Rule(field + ".closed", () => finding.Close(actions, (string?)closed["note"], closer.Actor, Date(closed, "on", field + ".closed") ?? on));
                }

                await SaveAsync(cancellationToken);
                if (write)
                {
                    // The next finding typed on a page must not take a number the demo already used.
                    await counters.RaiseToAsync(prefix[..^1], number, cancellationToken);
                }
            }
        }

        private FindingOrigin Origin(JsonObject json, string field)
        {
            if ((string?)json["audit"] is { } title)
            {
                var audit = _audits.GetValueOrDefault(VietnameseText.Normalize(title).Trim()) ?? throw new Fault(field + ".audit", $"Không có cuộc đánh giá \"{title}\" trong bước này.");
                var answer = (string?)json["answerClause"] is { } clause
                    ? audit.Answers.FirstOrDefault(a => a.Clause == clause && a.Result is AnswerResult.Nonconform or AnswerResult.Observation)
                        ?? throw new Fault(field + ".answerClause", $"Cuộc đánh giá không có câu trả lời không phù hợp hoặc khuyến nghị ở điều khoản \"{clause}\".")
                    : null;
                return new FindingOrigin(FindingSource.Audit, AuditId: audit.Id, AuditAnswerId: answer?.Id);
            }

            if (json["inspection"] is JsonObject inspection)
            {
                var key = Key(VietnameseText.Normalize((string?)inspection["unit"]).Trim(), Date(inspection, "minutesDate", field + ".inspection") ?? default);
                return _inspections.TryGetValue(key, out var found)
                    ? new FindingOrigin(FindingSource.Inspection, InspectionId: found.Id)
                    : throw new Fault(field + ".inspection", "Không có cuộc kiểm tra của tỉnh với đơn vị và ngày biên bản này trong bước.");
            }

            return FindingOrigin.Direct;
        }

        private async Task<CorrectiveAction> ActionAsync(Finding finding, JsonObject json, string field)
        {
            var planner = await PersonAsync(json, "plannedBy", field, CommuneRole.QualitySecretary);
            var ownerPerson = await PersonAsync(json, "owner", field);
            var plannedOn = Date(json, "plannedOn", field) ?? finding.RaisedOn;
            var action = Rule(field, () => CorrectiveAction.Plan(finding, (string?)json["correction"], (string?)json["rootCause"], (string?)json["action"], ownerPerson.Actor,
                Date(json, "dueDate", field) ?? default, (string?)json["successCriteria"], json["checkAfterDays"] is JsonValue d && d.TryGetValue<int>(out var days) ? days : 30,
                planner.Actor, plannedOn, At(plannedOn)));
            Add(action);
            foreach (var (round, at) in Items(json, "rounds", field))
            {
                if (Date(round, "completedOn", at) is { } completedOn)
                {
                    Rule(at, () => action.Complete((string?)round["evidence"], completedOn, ownerPerson.Actor, At(completedOn)));
                }

                if (round["check"] is JsonObject check)
                {
                    var checker = await PersonAsync(check, "by", at + ".check", CommuneRole.QualitySecretary, CommuneRole.Approver);
                    var checkedOn = Date(check, "on", at + ".check") ?? default;
                    Rule(at + ".check", () => action.CheckEffectiveness(check["effective"] is JsonValue e && e.TryGetValue<bool>(out var effective) && effective,
                        (string?)check["note"], checkedOn, checker.Actor, At(checkedOn)));
                }

                if (Date(round, "newDueDate", at) is { } newDue)
                {
                    var on = Date(round, "rescheduledOn", at) ?? newDue;
                    Rule(at + ".newDueDate", () => action.Reschedule(newDue, on, planner.Actor, At(on)));
                }
            }

            return action;
        }

        private async Task ObjectivesAsync(CancellationToken cancellationToken)
        {
            var existing = write ? (await _db.Set<QualityObjective>().Select(o => o.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal) : [];
            foreach (var (json, field) in Items(Json, "objectives"))
            {
                var name = VietnameseText.Normalize((string?)json["name"]).Trim();
                if (existing.Contains(name))
                {
                    continue;
                }

                var target = json["target"] is JsonValue t && t.TryGetValue<decimal>(out var value) ? value : throw new Fault(field + ".target", "Chỉ tiêu phải là một số.");
                var direction = (string?)json["direction"] == "at-most" ? ObjectiveDirection.AtMost : ObjectiveDirection.AtLeast;
                var objective = Rule(field, () => QualityObjective.Create(name, (string?)json["indicator"], (string?)json["unit"], target, direction, Pick(Measures, json, "measure", field)));
                foreach (var (month, at) in Items(json, "values", field))
                {
                    var first = DateOnly.TryParseExact((string?)month["month"] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
                        ? m : throw new Fault(at + ".month", $"Tháng \"{(string?)month["month"]}\" phải có dạng yyyy-MM.");
                    var measured = month["value"] is JsonValue v && v.TryGetValue<decimal>(out var number) ? number : throw new Fault(at + ".value", "Giá trị phải là một số.");
                    Rule(at, () => objective.SetValue(first, measured, ObjectiveValueSource.Typed));
                }

                Add(objective);
            }

            await SaveAsync(cancellationToken);
        }

        private async Task ReviewsAsync(CancellationToken cancellationToken)
        {
            foreach (var (json, field) in Items(Json, "reviews"))
            {
                var heldOn = Date(json, "heldOn", field) ?? throw new Fault(field + ".heldOn", "Cần ngày họp.");
                if (write && await _db.Set<ManagementReview>().AnyAsync(r => r.HeldOn == heldOn, cancellationToken))
                {
                    continue;
                }

                var from = Date(json, "periodFrom", field) ?? default;
                var to = Date(json, "periodTo", field) ?? heldOn;
                var chair = await PersonAsync(json, "chair", field);
                // The inputs as the meeting saw them: gathered on its day, from the records written above.
                var snapshot = write && from <= to ? (await ReviewInputs.GatherAsync(_db, from, to, heldOn, cancellationToken)).ToJson() : "";
                var review = Rule(field, () => ManagementReview.Open(heldOn, from, to, chair.Actor, chair.Has(CommuneRole.Approver), (string?)json["participants"], snapshot));
                Rule(field, () => review.RecordOutputs((string?)json["risks"], (string?)json["discussion"], (string?)json["improvements"], (string?)json["qmsChanges"], (string?)json["resources"]));
                foreach (var (decision, at) in Items(json, "decisions", field))
                {
                    var decisionOwner = await PersonAsync(decision, "owner", at);
                    Rule(at, () => review.Decide((string?)decision["text"], decisionOwner.Actor, Date(decision, "dueDate", at) ?? default));
                }

                Add(review);
                if (json["closed"] is JsonValue c && c.TryGetValue<bool>(out var close) && close)
                {
                    Rule(field + ".closed", () => review.Close(chair.Actor, At(heldOn)));
                    await SaveAsync(cancellationToken);
                    Add(IsoMilestone.FromRecord(IsoMilestoneKind.ManagementReview, heldOn,
                        $"Biên bản xem xét của lãnh đạo họp ngày {VietnameseFormat.Date(heldOn)}, {review.ChairName} chủ trì", $"danh-gia/xem-xet-lanh-dao/{review.Id}"));
                }

                if (json["confirmation"] is JsonObject confirmation)
                {
                    var by = await PersonAsync(confirmation, "by", field + ".confirmation");
                    var on = Date(confirmation, "on", field + ".confirmation") ?? heldOn;
                    Add(Rule(field + ".confirmation", () => review.ConfirmEffectiveness(on, by.Actor, by.Has(CommuneRole.Approver), (string?)confirmation["statement"], today, At(on))));
                    Add(IsoMilestone.FromRecord(IsoMilestoneKind.EffectivenessConfirmation, on,
                        $"{by.Actor.Name} xác nhận hiệu lực sau cuộc họp ngày {VietnameseFormat.Date(heldOn)}", $"danh-gia/xem-xet-lanh-dao/{review.Id}"));
                }

                await SaveAsync(cancellationToken);
            }
        }

        private Task<Person> PersonAsync(JsonObject json, string property, string field, params CommuneRole[] roles) =>
            PersonAsync((string?)json[property], $"{field}.{property}", roles);

        /// <summary>A person by e-mail; in validation a stand-in that holds every role (the commune's members may not exist yet).</summary>
        private async Task<Person> PersonAsync(string? email, string field, params CommuneRole[] roles)
        {
            email = (email ?? "").Trim();
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                throw new Fault(field, "Cần địa chỉ e-mail của người thực hiện.");
            }

            if (!_people.TryGetValue(email, out var person))
            {
                person = write ? await FindAsync(email, field) : new Person(new AuditPerson(email, email, null), Enum.GetValues<CommuneRole>().ToHashSet(), true);
                _people[email] = person;
            }

            return roles.Length == 0 || person.Has(roles)
                ? person
                : throw new Fault(field, $"{person.Actor.Name} ({email}) không có vai trò cần thiết trong xã ({string.Join(", ", roles)}).");
        }

        private async Task<Person> FindAsync(string email, string field)
        {
            var normalized = email.ToUpperInvariant();
            var user = await _db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
                .Select(u => new { u.Id, u.FullName, u.JobTitle, u.SupervisedProvinceCode }).FirstOrDefaultAsync()
                ?? throw new Fault(field, $"Không có người dùng {email}.");
            // Memberships are platform data (not filtered by commune): the commune is named here.
            var tenant = step.RequiredTenant;
            var roles = await _db.Memberships.AsNoTracking().Where(m => m.TenantId == tenant.Id && m.UserId == user.Id).Select(m => m.Role).ToListAsync();
            return new Person(new AuditPerson(user.Id, user.FullName.Length > 0 ? user.FullName : email, user.JobTitle), roles.ToHashSet(),
                user.SupervisedProvinceCode == tenant.ProvinceCode);
        }

        private void Add(object entity)
        {
            if (write)
            {
                _db.Add(entity);
            }
        }

        private Task SaveAsync(CancellationToken cancellationToken) => write ? _db.SaveChangesAsync(cancellationToken) : Task.CompletedTask;

        private static T Rule<T>(string field, Func<T> rule)
        {
            try
            {
                return rule();
            }
            catch (DomainException e)
            {
                throw new Fault(FieldOf(field, e.Field), e.Message);
            }
        }

        private static void Rule(string field, Action rule) => Rule(field, () =>
        {
            rule();
            return true;
        });

        private static async Task RuleAsync(string field, Func<Task> rule)
        {
            try
            {
                await rule();
            }
            catch (DomainException e)
            {
                throw new Fault(FieldOf(field, e.Field), e.Message);
            }
        }

        /// <summary>An item's refusal names the entity's field in the recipe's words; a refusal of one property names that property.</summary>
        private static string FieldOf(string field, string? entityField)
        {
            if (entityField is not { Length: > 0 } f || !field.EndsWith(']'))
            {
                return field;
            }

            var json = f switch
            {
                "ChairId" => "chair",
                "DocumentCodes" => "documents",
                "TthcCodes" => "tthc",
                "ImprovementOpportunities" => "improvements",
                "ResourceNeeds" => "resources",
                "ClosingMeetingOn" => "closedOn",
                _ => char.ToLowerInvariant(f[0]) + f[1..],
            };
            return $"{field}.{json}";
        }
    }

    /// <summary>A record's time of day: 9 o'clock in Viet Nam on its date, so its history reads as kept that day (stored in UTC, as PostgreSQL requires).</summary>
    private static DateTimeOffset At(DateOnly date) => new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)).ToUniversalTime();

    private static string Key(string unit, DateOnly minutes) => $"{unit}|{minutes:yyyy-MM-dd}";

    private static T Pick<T>(Dictionary<string, T> values, JsonObject json, string property, string field) =>
        values.TryGetValue((string?)json[property] ?? "", out var value)
            ? value
            : throw new Fault($"{field}.{property}", $"Giá trị \"{(string?)json[property]}\" không hợp lệ; dùng một trong: {string.Join(", ", values.Keys)}.");

    private static int Int(JsonObject json, string property, string field) =>
        json[property] is JsonValue v && v.TryGetValue<int>(out var n) ? n : throw new Fault(field, "Cần một số nguyên.");

    private static DateOnly? Date(JsonObject json, string property, string field)
    {
        if ((string?)json[property] is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new Fault($"{field}.{property}", $"Ngày \"{text}\" phải có dạng yyyy-MM-dd.");
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray array ? array.Select(n => (string?)n ?? "").ToList() : [];

    private static IEnumerable<(JsonObject Json, string Field)> Items(JsonObject json, string property, string? parent = null) =>
        json[property] is JsonArray array
            ? array.Select((n, i) => (n as JsonObject ?? new JsonObject(), parent is null ? $"{property}[{i}]" : $"{parent}.{property}[{i}]"))
            : [];
}
