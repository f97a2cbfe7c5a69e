using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Search;

/// <summary>
/// <c>GET /{slug}/api/search</c>: the commune search as JSON (documented at /openapi/v1.json). Public entries for
/// everyone; a request carrying a member's sign-in cookie gets that person's scope, as the page does.
/// </summary>
public static class SearchApi
{
    public sealed record SearchResultItem(string Kind, string? Code, string Title, string Url, string Snippet, float Score);

    public sealed record SearchResponse(IReadOnlyList<SearchResultItem> Results, int Total);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/{slug}").WithTags("Tìm kiếm").MapGet("/api/search", Search)
            .WithName("SearchCommune")
            .WithSummary("Tìm kiếm trong một xã")
            .WithDescription("Tìm thủ tục hành chính, tài liệu công khai và (khi gửi kèm cookie đăng nhập của thành viên xã) hồ sơ nội bộ mà "
                + "người đó được xem. q: từ khóa, có dấu hoặc không dấu, tối đa 200 ký tự (phần dài hơn bị cắt); kind: một loại kết quả "
                + "(ví dụ thu-tuc, tai-lieu); page: số trang từ 1, mỗi trang 20 kết quả. url là đường dẫn tuyệt đối trên cổng, snippet là văn bản thuần.")
            .Produces<SearchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Search(string? q, string? kind, string? page, HttpRequest request, TenantContext tenant,
        SearchScopes scopes, SearchKinds kinds, ISearchIndex index)
    {
        if (tenant.Current is not { } commune)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy xã.");
        }

        if (!string.IsNullOrEmpty(kind) && !kinds.IsKnown(kind))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Loại kết quả không hợp lệ.",
                detail: $"Tham số kind phải là một trong: {string.Join(", ", kinds.All.Select(k => k.Key))}.");
        }

        if (SearchInput.ParsePage(page) is not { } pageNumber || pageNumber > SearchInput.MaxPage)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Số trang không hợp lệ.",
                detail: $"Tham số page phải là số nguyên từ 1 đến {SearchInput.MaxPage}.");
        }

        var text = SearchInput.Clean(q);
        if (text.Length == 0)
        {
            return Results.Ok(new SearchResponse([], 0));
        }

        var scope = await scopes.ForCommuneAsync();
        var found = index.Search(new SearchRequest(text, scope, string.IsNullOrEmpty(kind) ? null : kind, pageNumber, SearchInput.PageSize));
        var root = $"{request.PathBase}/{commune.Slug}/";
        return Results.Ok(new SearchResponse(
            found.Hits.Where(h => h.TenantId == commune.Id)
                .Select(h => new SearchResultItem(h.Kind, h.Code, h.Title, root + h.PathInCommune, h.SnippetText, h.Score)).ToList(),
            found.Total));
    }
}
