using System.Diagnostics;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>
/// Runs another verb of this program in a fresh process, so memory figures are not inflated by what this
/// process allocated before (e.g. creating thousands of communes). Its output is passed through; its JSON line
/// is returned instead of printed, for the caller to embed in its own.
/// </summary>
internal static class SelfProcess
{
    public static async Task<string?> RunVerbAsync(IReadOnlyList<string> args, TimeSpan limit)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this program's path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child benchmark did not start.");
        using var timeout = new CancellationTokenSource(limit);
        string? json = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("{\"benchmark\"", StringComparison.Ordinal))
                {
                    json = line;
                }
                else
                {
                    Console.WriteLine(line);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The child benchmark did not finish within {limit.TotalMinutes:0} minutes."));
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child benchmark exited with code {process.ExitCode}.");
        }

        return json;
    }
}
