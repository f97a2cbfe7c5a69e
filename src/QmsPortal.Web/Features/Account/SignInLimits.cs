using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// The per-client limit on posts of the account forms (sign-in, forgotten password, set password, setup), with
/// ASP.NET Core's rate limiting middleware. Reading a form (GET) is never limited. Failed passwords are counted
/// separately, per address too, by <see cref="PasswordAttempts"/>.
/// </summary>
public static class AccountFormLimits
{
    public const string Policy = "account-forms";

    public static void AddPolicy(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(PasswordAttempts.ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.FormPostsPerClientPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read"));
        options.OnRejected = (rejected, _) =>
        {
            var http = rejected.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountFormLimits))
                .LogWarning("Rate limit: refused {Method} {Path} from {Client}", http.Request.Method, http.Request.Path, PasswordAttempts.ClientKey(http));
            http.Response.Headers.RetryAfter = "60";
            return ValueTask.CompletedTask;
        };
    }
}
