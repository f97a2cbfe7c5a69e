using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>Public JSON (minimal APIs, documented at /openapi/v1.json), the sitemap and form downloads. Posted TTHC only.</summary>
public static class TthcApi
{
    public sealed record TthcSummary(string Code, string Name, string Field, string Url, string TimeLimit, string Fee, string OnlineService);

    public sealed record TthcDetail(
        string Code,
        string Name,
        string Field,
        string Url,
        int Version,
        string UpdatedAt,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<string> Steps,
        IReadOnlyList<ProcedureChannel> Channels,
        IReadOnlyList<PaperCase> Cases,
        IReadOnlyList<FormReference> Forms,
        string? Applicants,
        string? HandlingBody,
        string? Result,
        string? Conditions,
        string? FeeText,
        string? FeeExemption,
        string? LocalFeeNote,
        IReadOnlyList<LegalBasis> LegalBases,
        string OnlineService,
        string? OnlineUrl,
        AnnouncingDecision? Decision,
        IReadOnlyList<string> Unconfirmed,
        string TimeLimit,
        string Fee);

    public static WebApplication MapTthc(this WebApplication app)
    {
        app.MapOpenApi();
        var group = app.MapGroup("/{slug}").WithTags("Thủ tục hành chính");

        group.MapGet("/api/tthc", async (HttpRequest request, TenantContext tenant, PublicTthc tthc, CancellationToken cancellationToken) =>
        {
            if (tenant.Current is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy xã.");
            }

            var items = await tthc.ListAsync(cancellationToken);
            var online = await OnlineKindsAsync(request.HttpContext.RequestServices.GetRequiredService<QmsDbContext>(), cancellationToken);
            return Results.Ok(items.Select(i => new TthcSummary(i.Code, i.Name, i.Field, tthc.Url(i.Code), i.TimeSummary, i.FeeSummary,
                online.GetValueOrDefault(i.Code, "khong"))).ToList());
        }).WithName("ListTthc").WithSummary("Thủ tục hành chính đang niêm yết của xã").Produces<List<TthcSummary>>().CacheOutput(PublicPageCachePolicy.Name);

        group.MapGet("/api/tthc/{code}", async (string code, PublicTthc tthc, CancellationToken cancellationToken) =>
        {
            var view = await tthc.FindAsync(code, null, cancellationToken);
            if (view is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy thủ tục.",
                    detail: $"Xã không niêm yết thủ tục có mã \"{code}\".");
            }

            // Unconfirmed values are withheld, not published as fact; "unconfirmed" names what is withheld.
            var c = ProcedureContent.FromJson(view.Content.ToJson());
            if (c.IsUnconfirmed(ProcedureFields.TimeLimit))
            {
                c.Channels.ForEach(ch => ch.TimeLimit = null);
            }

            if (c.IsUnconfirmed(ProcedureFields.Fee))
            {
                c.FeeText = null;
                c.Channels.ForEach(ch => ch.Fee = null);
            }

            return Results.Ok(new TthcDetail(c.Code, c.Name, c.Field, tthc.Url(c.Code), view.Revision, view.UpdatedAt.ToString("O"),
                c.Aliases, c.Steps, c.Channels, c.Cases, c.Forms, c.Applicants, c.HandlingBody, c.Result, c.Conditions, c.FeeText, c.FeeExemption,
                view.Posting.LocalFeeNote, c.LegalBases, c.OnlineService, c.OnlineUrl, c.Decision, c.Unconfirmed,
                ProcedureRules.TimeSummary(c), ProcedureRules.FeeSummary(c)));
        }).WithName("GetTthc").WithSummary("Một thủ tục đang niêm yết, đủ các thành phần theo Nghị định 63/2010")
            .Produces<TthcDetail>().ProducesProblem(StatusCodes.Status404NotFound).CacheOutput(PublicPageCachePolicy.Name);

        group.MapGet("/sitemap.xml", async (TenantContext tenant, PublicTthc tthc, CancellationToken cancellationToken) =>
        {
            if (tenant.Current is null)
            {
                return Results.NotFound();
            }

            var items = await tthc.ListAsync(cancellationToken);
            var builder = new StringBuilder();
            using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = false }))
            {
                xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                var root = tthc.HomeUrl.TrimEnd('/');
                foreach (var loc in new[] { root, root + "/thu-tuc" }.Concat(items.Select(i => tthc.Url(i.Code))))
                {
                    xml.WriteStartElement("url");
                    xml.WriteElementString("loc", loc);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            return Results.Text(builder.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml", Encoding.UTF8);
        }).ExcludeFromDescription().CacheOutput(PublicPageCachePolicy.Name);

        group.MapGet("/thu-tuc/{code}/mau/{sha}", async (string code, string sha, PublicTthc tthc, TenantContext tenant, QmsDbContext db, IFileStore files, CancellationToken cancellationToken) =>
        {
            // Only forms of a TTHC this commune has posted: a draft's forms or another province's never leak.
            var view = await tthc.FindAsync(code, null, cancellationToken);
            var form = view?.Content.Forms.FirstOrDefault(f => f.File == sha);
            if (view is null || form is null)
            {
                return Results.NotFound();
            }

            var file = await db.Set<TthcFormFile>().AsNoTracking()
                .FirstOrDefaultAsync(f => f.ProvinceCode == tenant.Required.ProvinceCode && f.Sha256 == sha, cancellationToken);
            return file is not null && files.OpenRead(file.Sha256) is { } content
                ? Results.File(content, file.ContentType, file.FileName)
                : Results.NotFound();
        }).ExcludeFromDescription();

        return app;
    }

    private static async Task<Dictionary<string, string>> OnlineKindsAsync(QmsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TthcPosting>().AsNoTracking().Where(p => p.Status == PostingStatus.Posted)
            .Select(p => new { p.Code, p.Revisions.First(r => r.Number == p.CurrentRevision).CatalogueVersion!.ContentJson }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Code, r => ProcedureContent.FromJson(r.ContentJson).OnlineService);
    }
}
