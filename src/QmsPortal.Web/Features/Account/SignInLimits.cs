using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// Section <c>SignIn</c>. Guessing is slowed by rate limits instead of an account lockout, which any stranger who
/// knows an address could trigger: failed sign-ins count per client and account, and (more loosely) per account from
/// every client; every account form is limited per client. Limits apply alike to addresses with and without an
/// account, so they reveal nothing.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignIn";

    /// <summary>Failed sign-ins one client may make for one address per <see cref="FailureWindowMinutes"/>.</summary>
    [Range(1, 1000)]
    public int FailuresPerClientAndAccount { get; set; } = 5;

    /// <summary>Failed sign-ins for one address from all clients together per <see cref="FailureWindowMinutes"/> (slows distributed guessing).</summary>
    [Range(1, 100_000)]
    public int FailuresPerAccount { get; set; } = 30;

    [Range(1, 1440)]
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>Posts of the account forms (sign-in, forgotten password, set password, setup) one client may make per minute.</summary>
    [Range(1, 100_000)]
    public int FormPostsPerClientPerMinute { get; set; } = 20;
}

/// <summary>The limiters behind <see cref="SignInLimitOptions"/>: ASP.NET Core's rate limiting, partitioned by client and address.</summary>
public sealed class SignInLimits : IDisposable
{
    public const string AccountFormsPolicy = "account-forms";

    private readonly PartitionedRateLimiter<string> _perClientAndAccount;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInLimits(IOptions<SignInLimitOptions> options)
    {
        var o = options.Value;
        var window = TimeSpan.FromMinutes(o.FailureWindowMinutes);
        _perClientAndAccount = Failures(o.FailuresPerClientAndAccount, window);
        _perAccount = Failures(o.FailuresPerAccount, window);
    }

    /// <summary>Whether another attempt for this address from this client may be checked at all.</summary>
    public bool Allows(string client, string account) =>
        Available(_perClientAndAccount, client + "|" + account) && Available(_perAccount, account);

    /// <summary>Counts a failed attempt against both limits.</summary>
    public void RecordFailure(string client, string account)
    {
        using var a = _perClientAndAccount.AttemptAcquire(client + "|" + account);
        using var b = _perAccount.AttemptAcquire(account);
    }

    public static string AccountKey(string email) => email.Trim().ToUpperInvariant();

    public static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The per-client limit on posts of the account forms; reading a form (GET) is never limited.</summary>
    public static void AddPolicy(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(AccountFormsPolicy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.FormPostsPerClientPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read"));
        options.OnRejected = (rejected, _) =>
        {
            var http = rejected.HttpContext;
            http.RequestServices.GetRequiredService<ILogger<SignInLimits>>()
                .LogWarning("Rate limit: refused {Method} {Path} from {Client}", http.Request.Method, http.Request.Path, ClientKey(http));
            http.Response.Headers.RetryAfter = "60";
            return ValueTask.CompletedTask;
        };
    }

    public void Dispose()
    {
        _perClientAndAccount.Dispose();
        _perAccount.Dispose();
    }

    private static PartitionedRateLimiter<string> Failures(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));

    private static bool Available(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key) is not { } stats || stats.CurrentAvailablePermits > 0;
}
