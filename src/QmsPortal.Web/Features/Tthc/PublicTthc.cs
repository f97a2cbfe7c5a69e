using System.Linq.Expressions;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;
using QRCoder;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>What a citizen sees of one posted TTHC at one revision.</summary>
public sealed record ProcedureView(
    TenantInfo Commune,
    TthcPosting Posting,
    CatalogueVersion Version,
    int Revision,
    DateTimeOffset UpdatedAt,
    bool IsCurrent)
{
    public ProcedureContent Content => Version.Content;

    public string Updated =>
        $"Cập nhật ngày {VietnameseFormat.Date(UpdatedAt)}"
        + (Content.Decision is { } d ? $", theo Quyết định số {d.Number} ngày {VietnameseFormat.Date(d.Date)} của Chủ tịch UBND tỉnh" : ", chưa đối chiếu quyết định công bố của tỉnh");

    public bool Unconfirmed(string key) => Content.IsUnconfirmed(key);
}

/// <summary>Reads posted TTHC for the public pages and the API. Drafts and withdrawn postings are never returned.</summary>
public sealed class PublicTthc(QmsDbContext db, TenantContext tenant, PublicUrls urls)
{
    /// <summary>The one rule for what citizens see: posted, never a draft or withdrawn posting (pages, API and search use it).</summary>
    public static readonly Expression<Func<TthcPosting, bool>> IsPublic = p => p.Status == PostingStatus.Posted;

    public async Task<ProcedureView?> FindAsync(string code, int? revision = null, CancellationToken cancellationToken = default)
    {
        var posting = await db.Set<TthcPosting>().AsNoTracking()
            .Include(p => p.Revisions).ThenInclude(r => r.CatalogueVersion)
            .Where(IsPublic).FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (posting is null)
        {
            return null;
        }

        var number = revision ?? posting.CurrentRevision;
        var shown = posting.Revisions.FirstOrDefault(r => r.Number == number);
        return shown is null ? null : new ProcedureView(tenant.Required, posting, shown.CatalogueVersion!, number, shown.AcceptedAt, number == posting.CurrentRevision);
    }

    /// <summary>The current code of a posted TTHC known here by an old code (alias), or null.</summary>
    public async Task<string?> CodeForAliasAsync(string alias, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Set<TthcPosting>().AsNoTracking()
            .Where(IsPublic).Where(p => p.CatalogueProcedure!.Aliases.Contains(alias))
            .Select(p => new { p.Code, p.CatalogueProcedure!.Aliases }).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c => c.Aliases.Split(' ').Contains(alias))?.Code;
    }

    public sealed record ListItem(string Code, string Name, string Field, string TimeSummary, string FeeSummary);

    public async Task<List<ListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<TthcPosting>().AsNoTracking()
            .Where(IsPublic)
            .OrderBy(p => p.Field).ThenBy(p => p.Name)
            .Select(p => new ListItem(p.Code, p.Name, p.Field, p.TimeSummary, p.FeeSummary))
            .ToListAsync(cancellationToken);

    /// <summary>The address of a TTHC page as printed in QR codes and given by the API: from configuration, never the request.</summary>
    public string Url(string code) => urls.Commune(tenant.Required, "thu-tuc/" + Uri.EscapeDataString(code));

    /// <summary>The commune's home page address (configuration, not the request).</summary>
    public string HomeUrl => urls.Commune(tenant.Required);

    /// <summary>A QR code (PNG data URI, no script needed) for the given URL.</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static readonly JsonSerializerOptions LdJson = new()
    {
        // Escapes <, >, & and + as \uXXXX, so the data can never close the script element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>schema.org GovernmentService JSON-LD, safe to write inside a script element.</summary>
    public static string JsonLd(ProcedureView view, string url)
    {
        var c = view.Content;
        var channels = new JsonArray();
        foreach (var channel in c.Channels)
        {
            var node = new JsonObject { ["@type"] = "ServiceChannel", ["name"] = ProcedureRules.ChannelLabel(channel.Kind) };
            if (channel.Kind == "truc-tuyen" && c.OnlineUrl is not null)
            {
                node["serviceUrl"] = c.OnlineUrl;
            }
            else if (channel.Kind == "truc-tiep" && view.Commune.Address is not null)
            {
                node["serviceLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = view.Commune.Address };
            }

            channels.Add(node);
        }

        var ld = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentService",
            ["name"] = c.Name,
            ["identifier"] = c.Code,
            ["serviceType"] = c.Field,
            ["url"] = url,
            ["provider"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = c.HandlingBody ?? "UBND " + view.Commune.Name },
            ["areaServed"] = new JsonObject { ["@type"] = "AdministrativeArea", ["name"] = view.Commune.Name + ", " + view.Commune.ProvinceName },
            ["availableChannel"] = channels,
        };
        return ld.ToJsonString(LdJson);
    }
}
