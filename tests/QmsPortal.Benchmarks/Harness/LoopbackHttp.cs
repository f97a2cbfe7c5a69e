using System.Collections.Concurrent;
using System.Diagnostics;

namespace QmsPortal.Benchmarks.Harness;

internal sealed record RequestTiming(string Path, int Status, long Bytes, double Milliseconds)
{
    public bool Ok => Status is >= 200 and < 300;
}

internal sealed record LoadResult(int Completed, int Failed, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, string? FirstFailure)
{
    public double RequestsPerSecond => Completed / Elapsed.TotalSeconds;
}

/// <summary>Plain HTTP/1.1 requests to the portal on 127.0.0.1, no redirects, no compression; no cookies unless a container is given.</summary>
internal static class LoopbackHttp
{
    public static HttpClient Client(Uri baseAddress, int connections, System.Net.CookieContainer? cookies = null)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new InvalidOperationException($"Benchmarks only talk to 127.0.0.1, not {baseAddress}.");
        }

        return new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new System.Net.CookieContainer(),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public static async Task<RequestTiming> TimeAsync(HttpClient client, string path, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RequestTiming(path, (int)response.StatusCode, body.Length, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// <paramref name="concurrency"/> workers request <c>pathFor(0..requests-1)</c>; stops at the count or the
    /// time limit, whichever comes first.
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, Func<int, string> pathFor, int requests, int concurrency, TimeSpan limit)
    {
        var next = -1;
        var failed = 0;
        string? firstFailure = null;
        var latencies = new ConcurrentQueue<double>();
        var watch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(limit);

        async Task Worker()
        {
            while (!timeout.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= requests)
                {
                    return;
                }

                try
                {
                    var timing = await TimeAsync(client, pathFor(index), timeout.Token);
                    latencies.Enqueue(timing.Milliseconds);
                    if (!timing.Ok)
                    {
                        Interlocked.Increment(ref failed);
                        Interlocked.CompareExchange(ref firstFailure, $"{timing.Path} → HTTP {timing.Status}", null);
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var elapsed = watch.Elapsed;
        var done = latencies.ToArray();
        return new LoadResult(done.Length - failed, failed, elapsed, done, firstFailure);
    }
}
