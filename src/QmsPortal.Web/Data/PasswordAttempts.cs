using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace QmsPortal.Web.Data;

/// <summary>
/// Section <c>SignIn</c>. Guessing is slowed by rate limits instead of an account lockout, which any stranger who
/// knows an address could trigger: failed sign-ins count per client and account, and (more loosely) per account from
/// every client (signing with a re-entered password counts too); every account form is limited per client. Limits apply alike to addresses with and without an
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

/// <summary>
/// Counts failed password (or one-time code) checks with ASP.NET Core's rate limiters, partitioned by client and
/// address: sign-in and re-authentication at a signature share them. Nothing is stored; a restart forgets.
/// </summary>
public sealed class PasswordAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perClientAndAccount;
    private readonly PartitionedRateLimiter<string> _perAccount;

    public PasswordAttempts(IOptions<SignInLimitOptions> options)
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

    public static string ClientKey(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

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
