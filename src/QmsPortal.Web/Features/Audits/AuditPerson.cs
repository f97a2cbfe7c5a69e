namespace QmsPortal.Web.Features.Audits;

/// <summary>Someone who acts on an audit record: enough to check independence and to print who did what.</summary>
public sealed record AuditPerson(string UserId, string Name, string? JobTitle);

/// <summary>Text rules shared by the audit records: NFC, trimmed, bounded, with the field named in the message.</summary>
internal static class AuditText
{
    public static string Required(string? value, int max, string field, string what)
    {
        var text = Text.VietnameseText.Normalize(value).Trim();
        if (text.Length == 0)
        {
            throw new Data.DomainException($"Vui lòng nhập {what}.", field);
        }

        return text.Length <= max ? text : throw new Data.DomainException($"{Capital(what)} dài tối đa {max} ký tự.", field);
    }

    public static string? Optional(string? value, int max, string field, string what)
    {
        var text = Text.VietnameseText.Normalize(value).Trim();
        if (text.Length > max)
        {
            throw new Data.DomainException($"{Capital(what)} dài tối đa {max} ký tự.", field);
        }

        return text.Length == 0 ? null : text;
    }

    private static string Capital(string what) => char.ToUpper(what[0], Text.VietnameseFormat.Culture) + what[1..];
}
