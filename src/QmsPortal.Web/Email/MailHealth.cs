namespace QmsPortal.Web.Email;

/// <summary>
/// Why mail cannot reach the mail server at all (as opposed to one message the server refuses): a setting or the
/// server itself. <see cref="Kind"/> tells distinct problems apart; <see cref="Cause"/> is the Vietnamese sentence the
/// admin pages show, naming the server and what to check.
/// </summary>
public sealed record MailProblem(string Kind, string Server, string Cause);

/// <summary>Thrown by the sender when the server cannot be reached, spoken to or signed in to: no message can go now.</summary>
public sealed class MailServerException(MailProblem problem, Exception? inner = null) : Exception(problem.Cause, inner)
{
    public MailProblem Problem { get; } = problem;
}

/// <summary>
/// What this process last saw of the mail server: the last delivery, the current problem. A problem is logged once
/// when it appears (not once per message: with the server down a busy outbox would flood the log), and once more when
/// mail flows again. /admin/thu-di and /{slug}/thu-di show it as a red line. Per process: another process of the same
/// portal keeps its own view.
/// </summary>
public sealed class MailHealth(TimeProvider clock, ILogger<MailHealth> logger)
{
    private readonly Lock _lock = new();
    private MailProblem? _problem;
    private DateTimeOffset? _problemSince;
    private DateTimeOffset? _lastFailureAt;
    private DateTimeOffset? _lastSuccessAt;
    private int _consecutiveFailures;

    public sealed record Snapshot(MailProblem? Problem, DateTimeOffset? ProblemSince, DateTimeOffset? LastFailureAt, DateTimeOffset? LastSuccessAt);

    public Snapshot Current
    {
        get
        {
            lock (_lock)
            {
                return new Snapshot(_problem, _problemSince, _lastFailureAt, _lastSuccessAt);
            }
        }
    }

    /// <summary>The server took the connection (and the credentials), or the pickup folder took the file.</summary>
    public void Succeeded()
    {
        MailProblem? solved;
        lock (_lock)
        {
            solved = _problem;
            _problem = null;
            _problemSince = null;
            _consecutiveFailures = 0;
            _lastSuccessAt = clock.GetUtcNow();
        }

        if (solved is not null)
        {
            logger.LogInformation("Mail goes through {Server} again (the problem was: {Cause})", solved.Server, solved.Cause);
        }
    }

    /// <summary>How long a message the server could not take waits before its next try: 1, 2, 4, 8, then 10 minutes while the problem lasts.</summary>
    public TimeSpan RetryDelay
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromMinutes(Math.Min(10, 1 << Math.Clamp(_consecutiveFailures - 1, 0, 4)));
            }
        }
    }

    /// <summary>Records a problem; logs it when it is new.</summary>
    public void Failed(MailProblem problem, Exception? error)
    {
        bool isNew;
        lock (_lock)
        {
            isNew = _problem is null || _problem.Kind != problem.Kind || _problem.Server != problem.Server;
            var now = clock.GetUtcNow();
            if (isNew)
            {
                _problemSince = now;
            }

            _problem = problem;
            _lastFailureAt = now;
            _consecutiveFailures++;
        }

        if (isNew)
        {
            logger.LogError("Mail cannot be sent through {Server}: {Cause} [{Detail}]. Queued mail stays in the outbox and is tried again; /admin/thu-di shows the problem.",
                problem.Server, problem.Cause, error?.GetBaseException().Message ?? problem.Kind);
        }
    }
}
