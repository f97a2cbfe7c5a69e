using System.Globalization;
using System.Text.RegularExpressions;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc.Catalogue;

/// <summary>
/// One TTHC as the catalogue's web form posts it: every field of the import record (TTHC-FORMAT.md) as text, so a
/// number or date typed wrong comes back with its message instead of failing binding. <see cref="Build"/> turns it into
/// the very <see cref="ProcedureContent"/> the JSON parser builds; rows left empty are dropped.
/// </summary>
public sealed partial class ProcedureForm
{
    public string? Code { get; set; }

    /// <summary>Former codes separated by spaces or commas.</summary>
    public string? Aliases { get; set; }

    public string? Name { get; set; }
    public string? Field { get; set; }
    public List<string?> Steps { get; set; } = [];
    public List<ChannelRow> Channels { get; set; } = [];
    public List<CaseRow> Cases { get; set; } = [];
    public List<FormRow> Forms { get; set; } = [];
    public string? Applicants { get; set; }
    public string? HandlingBody { get; set; }
    public string? Result { get; set; }
    public string? Conditions { get; set; }
    public string? FeeText { get; set; }
    public string? FeeExemption { get; set; }
    public List<LegalBasisRow> LegalBases { get; set; } = [];
    public string? OnlineService { get; set; } = "khong";
    public string? OnlineUrl { get; set; }
    public DecisionRow Decision { get; set; } = new();
    public List<string> Unconfirmed { get; set; } = [];
    public bool Rescinded { get; set; }

    public sealed class ChannelRow
    {
        public string? Kind { get; set; }
        public TimeLimitRow TimeLimit { get; set; } = new();

        /// <summary>The fee as an amount in đồng; stored as "200.000 đ" in front of the verbatim <see cref="Fee"/> text.</summary>
        public string? FeeAmount { get; set; }

        public string? Fee { get; set; }

        public bool IsEmpty => Blank(Kind) && Blank(TimeLimit.Unit) && Blank(TimeLimit.Value) && Blank(TimeLimit.Note) && Blank(FeeAmount) && Blank(Fee);
    }

    public sealed class TimeLimitRow
    {
        public string? Unit { get; set; }
        public string? Value { get; set; }
        public string? Note { get; set; }
    }

    public sealed class CaseRow
    {
        public string? Name { get; set; }
        public List<PaperRow> Papers { get; set; } = [];

        public bool IsEmpty => Blank(Name) && Papers.All(p => p.IsEmpty);
    }

    public sealed class PaperRow
    {
        public string? Name { get; set; }
        public string? Originals { get; set; }
        public string? Copies { get; set; }
        public bool Show { get; set; }
        public string? Form { get; set; }

        public bool IsEmpty => Blank(Name) && Blank(Originals) && Blank(Copies) && !Show && Blank(Form);
    }

    public sealed class FormRow
    {
        public string? Name { get; set; }
        public string? File { get; set; }

        public bool IsEmpty => Blank(Name) && Blank(File);
    }

    public sealed class LegalBasisRow
    {
        public string? Number { get; set; }
        public string? Title { get; set; }
        public string? Date { get; set; }
        public string? Issuer { get; set; }

        public bool IsEmpty => Blank(Number) && Blank(Title) && Blank(Date) && Blank(Issuer);
    }

    public sealed class DecisionRow
    {
        public string? Number { get; set; }
        public string? Date { get; set; }
        public string? EffectiveFrom { get; set; }
        public string? EffectiveTo { get; set; }

        public bool IsEmpty => Blank(Number) && Blank(Date) && Blank(EffectiveFrom) && Blank(EffectiveTo);
    }

    /// <summary>Blank rows each repeating group gets under its filled ones (more after "Thêm dòng").</summary>
    public const int BlankRows = 2;

    public const int MoreRows = 3;

    /// <summary>The form filled with a stored record; building it again gives the same JSON, so an untouched form changes nothing.</summary>
    public static ProcedureForm From(ProcedureContent p) => new()
    {
        Code = p.Code,
        Aliases = string.Join(' ', p.Aliases),
        Name = p.Name,
        Field = p.Field,
        Steps = [.. p.Steps],
        Channels = p.Channels.Select(c =>
        {
            var (amount, text) = SplitFee(c.Fee);
            return new ChannelRow
            {
                Kind = c.Kind,
                TimeLimit = new TimeLimitRow { Unit = c.TimeLimit?.Unit, Value = c.TimeLimit?.Value?.ToString(CultureInfo.InvariantCulture), Note = c.TimeLimit?.Note },
                FeeAmount = amount?.ToString(CultureInfo.InvariantCulture),
                Fee = text,
            };
        }).ToList(),
        Cases = p.Cases.Select(c => new CaseRow
        {
            Name = c.Name,
            Papers = c.Papers.Select(x => new PaperRow { Name = x.Name, Originals = x.Originals?.ToString(CultureInfo.InvariantCulture), Copies = x.Copies?.ToString(CultureInfo.InvariantCulture), Show = x.Show, Form = x.Form }).ToList(),
        }).ToList(),
        Forms = p.Forms.Select(f => new FormRow { Name = f.Name, File = f.File }).ToList(),
        Applicants = p.Applicants,
        HandlingBody = p.HandlingBody,
        Result = p.Result,
        Conditions = p.Conditions,
        FeeText = p.FeeText,
        FeeExemption = p.FeeExemption,
        LegalBases = p.LegalBases.Select(l => new LegalBasisRow { Number = l.Number, Title = l.Title, Date = ShownDate(l.Date), Issuer = l.Issuer }).ToList(),
        OnlineService = p.OnlineService,
        OnlineUrl = p.OnlineUrl,
        Decision = p.Decision is { } d
            ? new DecisionRow { Number = d.Number, Date = ShownDate(d.Date), EffectiveFrom = ShownDate(d.EffectiveFrom), EffectiveTo = ShownDate(d.EffectiveTo) }
            : new DecisionRow(),
        Unconfirmed = [.. p.Unconfirmed],
        Rescinded = p.Rescinded,
    };

    /// <summary>Drops empty rows, then gives every repeating group its blank rows (and <see cref="MoreRows"/> more to the one named by <paramref name="grow"/>).</summary>
    public void PadRows(string? grow = null)
    {
        int Blanks(string group) => BlankRows + (grow == group ? MoreRows : 0);
        Steps = [.. Steps.Where(s => !Blank(s)), .. Enumerable.Repeat<string?>(null, Blanks("steps"))];
        Channels = [.. Channels.Where(c => !c.IsEmpty), .. Enumerable.Range(0, Math.Max(0, Blanks("channels") - 1)).Select(_ => new ChannelRow())];
        Cases = [.. Cases.Where(c => !c.IsEmpty), .. Enumerable.Range(0, Blanks("cases") - 1).Select(_ => new CaseRow())];
        for (var i = 0; i < Cases.Count; i++)
        {
            Cases[i].Papers = [.. Cases[i].Papers.Where(p => !p.IsEmpty), .. Enumerable.Range(0, Blanks($"cases[{i}].papers")).Select(_ => new PaperRow())];
        }

        Forms = [.. Forms.Where(f => !f.IsEmpty), .. Enumerable.Range(0, Blanks("forms") - 1).Select(_ => new FormRow())];
        LegalBases = [.. LegalBases.Where(l => !l.IsEmpty), .. Enumerable.Range(0, Blanks("legalBases") - 1).Select(_ => new LegalBasisRow())];
    }

    /// <summary>
    /// The record, normalised as the import normalises it. Values that cannot be read (a number, a date, an amount) are
    /// reported through <paramref name="error"/> with the form key of their field; <paramref name="formKeys"/> maps the
    /// record's paths (<c>cases[0].papers[1]</c>) to the form rows they came from, for the validation messages.
    /// </summary>
    public ProcedureContent Build(Action<string, string> error, out Dictionary<string, string> formKeys)
    {
        formKeys = [];
        var p = new ProcedureContent
        {
            Code = Code ?? "",
            Aliases = (Aliases ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList(),
            Name = Name ?? "",
            Field = Field ?? "",
            Applicants = Applicants,
            HandlingBody = HandlingBody,
            Result = Result,
            Conditions = Conditions,
            FeeText = Blank(FeeText) ? null : FeeText,
            FeeExemption = Blank(FeeExemption) ? null : FeeExemption,
            OnlineService = Blank(OnlineService) ? "khong" : OnlineService!.Trim(),
            OnlineUrl = Blank(OnlineUrl) ? null : OnlineUrl!.Trim(),
            Unconfirmed = Unconfirmed.Where(u => !Blank(u)).Distinct().ToList(),
            Rescinded = Rescinded,
        };
        for (var i = 0; i < p.Aliases.Count; i++)
        {
            formKeys[$"aliases[{i}]"] = "Aliases";
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            if (!Blank(Steps[i]))
            {
                formKeys[$"steps[{p.Steps.Count}]"] = $"Steps[{i}]";
                p.Steps.Add(Steps[i]!);
            }
        }

        for (var i = 0; i < Channels.Count; i++)
        {
            var row = Channels[i];
            if (row.IsEmpty)
            {
                continue;
            }

            var at = $"Channels[{i}]";
            formKeys[$"channels[{p.Channels.Count}]"] = at;
            if (Blank(row.Kind))
            {
                error(at + ".Kind", "Chọn cách thức thực hiện (trực tiếp, trực tuyến hoặc bưu chính).");
            }

            TimeLimit? limit = null;
            if (!Blank(row.TimeLimit.Unit))
            {
                limit = new TimeLimit { Unit = row.TimeLimit.Unit!.Trim(), Note = Blank(row.TimeLimit.Note) ? null : row.TimeLimit.Note!.Trim() };
                if (!Blank(row.TimeLimit.Value))
                {
                    if (decimal.TryParse(row.TimeLimit.Value!.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                    {
                        limit.Value = value;
                    }
                    else
                    {
                        error(at + ".TimeLimit.Value", "Thời hạn giải quyết phải là một số (ví dụ 3 hoặc 0,5).");
                    }
                }
            }
            else if (!Blank(row.TimeLimit.Value) || !Blank(row.TimeLimit.Note))
            {
                error(at + ".TimeLimit.Unit", "Chọn đơn vị của thời hạn giải quyết.");
            }

            string? amountText = null;
            if (!Blank(row.FeeAmount))
            {
                if (ReadAmount(row.FeeAmount!) is { } amount)
                {
                    amountText = VietnameseFormat.Money(amount);
                }
                else
                {
                    error(at + ".FeeAmount", "Phí, lệ phí (số tiền) phải là số đồng không âm, ví dụ 200.000.");
                }
            }

            var text = Blank(row.Fee) ? null : row.Fee;
            p.Channels.Add(new ProcedureChannel
            {
                Kind = row.Kind?.Trim() ?? "",
                TimeLimit = limit,
                Fee = amountText is null ? text : text is null ? amountText : $"{amountText}; {text}",
            });
        }

        for (var i = 0; i < Cases.Count; i++)
        {
            if (Cases[i].IsEmpty)
            {
                continue;
            }

            var paperCase = new PaperCase { Name = Cases[i].Name ?? "" };
            formKeys[$"cases[{p.Cases.Count}]"] = $"Cases[{i}]";
            for (var j = 0; j < Cases[i].Papers.Count; j++)
            {
                var row = Cases[i].Papers[j];
                if (row.IsEmpty)
                {
                    continue;
                }

                var at = $"Cases[{i}].Papers[{j}]";
                formKeys[$"cases[{p.Cases.Count}].papers[{paperCase.Papers.Count}]"] = at;
                paperCase.Papers.Add(new Paper
                {
                    Name = row.Name ?? "",
                    Originals = ReadCount(row.Originals, at + ".Originals", "Số bản chính", error),
                    Copies = ReadCount(row.Copies, at + ".Copies", "Số bản sao", error),
                    Show = row.Show,
                    Form = Blank(row.Form) ? null : row.Form!.Trim(),
                });
            }

            p.Cases.Add(paperCase);
        }

        for (var i = 0; i < Forms.Count; i++)
        {
            if (!Forms[i].IsEmpty)
            {
                formKeys[$"forms[{p.Forms.Count}]"] = $"Forms[{i}]";
                p.Forms.Add(new FormReference { Name = Forms[i].Name ?? "", File = Blank(Forms[i].File) ? null : Forms[i].File!.Trim() });
            }
        }

        for (var i = 0; i < LegalBases.Count; i++)
        {
            var row = LegalBases[i];
            if (!row.IsEmpty)
            {
                var at = $"LegalBases[{i}]";
                formKeys[$"legalBases[{p.LegalBases.Count}]"] = at;
                p.LegalBases.Add(new LegalBasis
                {
                    Number = row.Number?.Trim() ?? "",
                    Title = row.Title?.Trim() ?? "",
                    Date = ReadDate(row.Date, at + ".Date", "Ngày ban hành văn bản", error),
                    Issuer = Blank(row.Issuer) ? null : row.Issuer!.Trim(),
                });
            }
        }

        if (!Decision.IsEmpty)
        {
            p.Decision = new AnnouncingDecision
            {
                Number = Decision.Number?.Trim() ?? "",
                Date = ReadDate(Decision.Date, "Decision.Date", "Ngày ký quyết định công bố", error) ?? default,
                EffectiveFrom = ReadDate(Decision.EffectiveFrom, "Decision.EffectiveFrom", "Ngày có hiệu lực", error) ?? default,
                EffectiveTo = ReadDate(Decision.EffectiveTo, "Decision.EffectiveTo", "Ngày hết hiệu lực", error),
            };
        }

        ProcedureRules.Normalize(p);
        return p;
    }

    /// <summary>The form field a validation path of the record (<c>cases[0].papers[1].copies</c>) belongs to.</summary>
    public static string FormKey(string path, IReadOnlyDictionary<string, string> formKeys)
    {
        var prefix = formKeys.Keys.Where(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal))
            .OrderByDescending(k => k.Length).FirstOrDefault();
        var rest = prefix is null ? path : path[prefix.Length..].TrimStart('.');
        var tail = string.Join('.', rest.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
        return prefix is null ? tail : tail.Length == 0 ? formKeys[prefix] : formKeys[prefix] + "." + tail;
    }

    /// <summary>"200.000 đ" or "200.000 đ; text" back into the amount and the verbatim rest; anything else is verbatim text.</summary>
    public static (long? Amount, string? Text) SplitFee(string? fee)
    {
        if (fee is null)
        {
            return (null, null);
        }

        var match = StoredAmount().Match(fee);
        return match.Success && long.TryParse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var amount)
            && VietnameseFormat.Money(amount) + (match.Groups[2].Success ? "; " + match.Groups[2].Value : "") == fee
            ? (amount, match.Groups[2].Success ? match.Groups[2].Value : null)
            : (null, fee);
    }

    public static long? ReadAmount(string text)
    {
        var digits = TypedAmount().Match(text.Trim());
        return digits.Success && long.TryParse(digits.Groups[1].Value.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            CultureInfo.InvariantCulture, out var amount) && amount <= 1_000_000_000_000 ? amount : null;
    }

    private static int? ReadCount(string? text, string key, string label, Action<string, string> error)
    {
        if (Blank(text))
        {
            return null;
        }

        if (int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        error(key, $"{label} phải là số nguyên (0, 1, 2…).");
        return null;
    }

    /// <summary>Reads yyyy-MM-dd (what a date input sends) or dd/MM/yyyy (what a person types).</summary>
    private static DateOnly? ReadDate(string? text, string key, string label, Action<string, string> error)
    {
        if (Blank(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text!.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(key, $"{label} không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 05/01/2026.");
        return null;
    }

    private static string? ShownDate(DateOnly? date) => date is { } d ? VietnameseFormat.Date(d) : null;

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    [GeneratedRegex(@"^(\d{1,3}(?:\.\d{3})*) đ(?:; (.+))?$", RegexOptions.Singleline)]
    private static partial Regex StoredAmount();

    [GeneratedRegex(@"^(\d[\d. ]*)\s*(?:đ|đồng|vnđ|VNĐ)?$")]
    private static partial Regex TypedAmount();
}
