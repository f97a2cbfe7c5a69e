using System.Text.Json;
using System.Text.Json.Serialization;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>
/// Everything the law requires of one TTHC (Nghị định 63/2010, amended by 92/2017) as announced by a
/// province. Stored as JSON on an immutable <see cref="CatalogueVersion"/>; the same shape is the import
/// format (docs: content-recipes/TTHC-FORMAT.md). Values that could not be confirmed are named in
/// <see cref="Unconfirmed"/> and are never shown to citizens as fact.
/// </summary>
public sealed class ProcedureContent
{
    public string Code { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public List<string> Steps { get; set; } = [];
    public List<ProcedureChannel> Channels { get; set; } = [];
    public List<PaperCase> Cases { get; set; } = [];
    public List<FormReference> Forms { get; set; } = [];
    public string? Applicants { get; set; }
    public string? HandlingBody { get; set; }
    public string? Result { get; set; }
    public string? Conditions { get; set; }

    /// <summary>Fee and charge text exactly as announced (verbatim).</summary>
    public string? FeeText { get; set; }

    /// <summary>Who pays nothing, exactly as announced (verbatim): the national portal hides it.</summary>
    public string? FeeExemption { get; set; }

    public List<LegalBasis> LegalBases { get; set; } = [];

    /// <summary><c>toan-trinh</c>, <c>mot-phan</c> or <c>khong</c> (Nghị định 42/2022).</summary>
    public string OnlineService { get; set; } = "khong";

    public string? OnlineUrl { get; set; }
    public AnnouncingDecision? Decision { get; set; }

    /// <summary>Keys of <see cref="ProcedureFields"/> whose values are unconfirmed ([L]).</summary>
    public List<string> Unconfirmed { get; set; } = [];

    /// <summary>True when the announcing decision rescinds (bãi bỏ) the procedure.</summary>
    public bool Rescinded { get; set; }

    public bool IsUnconfirmed(string key) => Unconfirmed.Contains(key, StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProcedureContent FromJson(string json) => JsonSerializer.Deserialize<ProcedureContent>(json, Json)!;
}

public sealed class ProcedureChannel
{
    /// <summary><c>truc-tiep</c> (in person), <c>truc-tuyen</c> (online), <c>buu-chinh</c> (postal).</summary>
    public string Kind { get; set; } = "truc-tiep";

    public TimeLimit? TimeLimit { get; set; }

    /// <summary>Fee for this channel, verbatim; null means the procedure's <see cref="ProcedureContent.FeeText"/> applies.</summary>
    public string? Fee { get; set; }
}

public sealed class TimeLimit
{
    /// <summary><c>ngay-lam-viec</c>, <c>gio</c>, <c>trong-ngay</c> (15:00 rule) or <c>ngay-khi-du-ho-so</c>.</summary>
    public string Unit { get; set; } = "ngay-lam-viec";

    public decimal? Value { get; set; }

    /// <summary>Extra wording kept verbatim, e.g. the longer limit when verification is needed.</summary>
    public string? Note { get; set; }
}

public sealed class PaperCase
{
    public string Name { get; set; } = "";
    public List<Paper> Papers { get; set; } = [];
}

public sealed class Paper
{
    public string Name { get; set; } = "";

    /// <summary>
    /// Number of originals to hand in. Null together with <see cref="Copies"/> when no source gives the
    /// count (the province's announcing decision sets it): the record then names
    /// <see cref="ProcedureFields.PaperCounts"/> as unconfirmed. One of the two alone means the other is 0.
    /// </summary>
    public int? Originals { get; set; }

    public int? Copies { get; set; }

    /// <summary>Shown at the desk (xuất trình), not handed in: an identity paper, the original of a copy to certify.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Show { get; set; }

    /// <summary>True when the record gives how many originals and copies to hand in.</summary>
    [JsonIgnore]
    public bool HasCounts => Originals is not null || Copies is not null;

    /// <summary>Name of a form in <see cref="ProcedureContent.Forms"/> to fill in, when there is one.</summary>
    public string? Form { get; set; }
}

public sealed class FormReference
{
    public string Name { get; set; } = "";

    /// <summary>SHA-256 (hex) of a file uploaded to the province catalogue's form store.</summary>
    public string? File { get; set; }
}

public sealed class LegalBasis
{
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly? Date { get; set; }
    public string? Issuer { get; set; }
}

public sealed class AnnouncingDecision
{
    public string Number { get; set; } = "";
    public DateOnly Date { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
}
