using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QmsPortal.Tests.Support;

/// <summary>Keeps every log line the portal writes, so tests can assert that something was (or was not) logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public sealed record Line(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new Line(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>The portal with a <see cref="LogCollector"/> behind its logging.</summary>
public class LoggingPortalFactory : PortalFactory
{
    public LogCollector Log { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>
/// The portal behind a real Kestrel server on a loopback port, for what the in-memory test server does not do
/// (it enforces no request body size limit, for one).
/// </summary>
public sealed class KestrelPortalFactory : LoggingPortalFactory
{
    public KestrelPortalFactory() => UseKestrel(0);

    // A real server is reached at its own address over a real socket; host names are not simulated.
    protected override HttpClient NewClient(string? host)
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(address) };
    }
}
