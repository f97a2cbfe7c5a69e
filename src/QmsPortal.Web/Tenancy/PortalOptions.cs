namespace QmsPortal.Web.Tenancy;

/// <summary>
/// Section <c>Portal</c>: the addresses people reach the portal by. Every link the portal writes into a mail, a
/// QR code or a sitemap is built from these settings, never from a request's Host header, which the client chooses.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Where the platform is served, e.g. <c>https://iso.hatinh.gov.vn</c>. Required outside Development.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Further host names the platform answers on (an internal name behind a load balancer, an IP a health probe
    /// uses). Loopback names, the host of <see cref="PublicBaseUrl"/> and communes' own host names are always accepted.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>
    /// Addresses of reverse proxies in front of the portal, whose <c>X-Forwarded-For</c> is believed: the client address
    /// (used by the sign-in limits) is then the one the proxy saw. Empty: no forwarded header is believed.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Development default, matching launchSettings.json.</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5000";

    public Uri BaseUri => new(PublicBaseUrl!.TrimEnd('/') + "/");

    public static bool IsValidBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}

/// <summary>Absolute links to the platform and to communes, from configuration only (see <see cref="PortalOptions"/>).</summary>
public sealed class PublicUrls
{
    private readonly Uri _base;
    private readonly HashSet<string> _platformHosts;

    public PublicUrls(Microsoft.Extensions.Options.IOptions<PortalOptions> options)
    {
        _base = options.Value.BaseUri;
        _platformHosts = options.Value.AllowedHosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant())
            .Append(_base.Host.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A platform page, e.g. <c>Platform("tai-khoan/dat-lai-mat-khau?…")</c>.</summary>
    public string Platform(string relative = "") => new Uri(_base, relative.TrimStart('/')).ToString();

    /// <summary>
    /// A commune page: on the commune's own host name when it has one (same scheme as the platform, default port),
    /// otherwise under the platform's address and the commune's slug.
    /// </summary>
    public string Commune(TenantInfo commune, string relative = "")
    {
        relative = relative.TrimStart('/');
        return commune.HostName is { } host
            ? $"{_base.Scheme}://{host}/{relative}"
            : Platform(commune.Slug + (relative.Length > 0 ? "/" + relative : ""));
    }

    /// <summary>
    /// A platform page (sign-in, set password) as reached from a commune: on the commune's own host name when it has
    /// one, so a member invited by that commune stays on the address they know.
    /// </summary>
    public string PlatformFor(TenantInfo? commune, string relative) =>
        commune?.HostName is { } host ? $"{_base.Scheme}://{host}/{relative.TrimStart('/')}" : Platform(relative);

    /// <summary>The platform's own host names (configured base URL and <see cref="PortalOptions.AllowedHosts"/>).</summary>
    public bool IsPlatformHost(string host) => _platformHosts.Contains(host);

    public static bool IsLoopback(string host) =>
        host is "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
