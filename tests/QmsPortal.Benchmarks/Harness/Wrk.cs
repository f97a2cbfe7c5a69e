using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace QmsPortal.Benchmarks.Harness;

internal sealed record WrkResult(string Url, double RequestsPerSecond, double P50Ms, double P75Ms, double P90Ms, double P99Ms,
    long Requests, long Non2xx, long SocketErrors);

/// <summary>
/// Runs Debian's <c>wrk</c> (<c>wrk -t1 -c32 -d15s --latency URL</c>), pinned to one core with <c>taskset</c> so the
/// load generator and the portal do not fight over the same core (shared/TOOLCHAIN.md).
/// </summary>
internal static partial class Wrk
{
    public const string InstallHint = "wrk is not installed. Install it with: apt-get install -y wrk";

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    public static async Task<WrkResult> RunAsync(Uri url, int seconds, int connections, int threads, int? cpu)
    {
        if (!url.IsLoopback)
        {
            throw new InvalidOperationException($"Benchmarks only load 127.0.0.1, not {url}.");
        }

        var wrk = Find("wrk") ?? throw new InvalidOperationException(InstallHint);
        var taskset = cpu is null ? null : Find("taskset");
        var start = new ProcessStartInfo(taskset ?? wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (taskset is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpu!.Value.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(wrk);
        }

        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", url.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wrk did not finish within {seconds + 30} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await errors}");
        }

        return Parse(url.ToString(), await output);
    }

    internal static WrkResult Parse(string url, string output)
    {
        double Percentile(string p)
        {
            var match = Regex.Match(output, @"^\s*" + p + @"%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
            return match.Success ? ToMilliseconds(match.Groups[1].Value, match.Groups[2].Value) : double.NaN;
        }

        var rps = RequestsPerSecondLine().Match(output);
        if (!rps.Success)
        {
            throw new InvalidOperationException("Could not read wrk's output:" + Environment.NewLine + output);
        }

        var requests = RequestsLine().Match(output);
        var non2xx = Non2xxLine().Match(output);
        var socket = SocketErrorsLine().Match(output);
        long socketErrors = socket.Success
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(url, double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile("50"), Percentile("75"), Percentile("90"), Percentile("99"),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors);
    }

    private static double ToMilliseconds(string number, string unit)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60000,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
