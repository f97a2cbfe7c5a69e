using System.Diagnostics;
using System.Text.Json;

namespace QmsPortal.Tests.Browser.Pages;

/// <summary>
/// The Nu HTML Checker (npm package vnu-jar, run on the machine's Java 17) over a batch of saved pages in one JVM start:
/// starting it per page would cost seconds each. build/test.sh installs it and sets <c>QMS_VNU_JAR</c>.
/// </summary>
public static class NuHtmlChecker
{
    /// <summary>The errors of each file (warnings are not counted), as "line: message «extract»"; files without errors are absent.</summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> CheckAsync(IReadOnlyCollection<string> files)
    {
        var jar = Environment.GetEnvironmentVariable("QMS_VNU_JAR") is { } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("QMS_VNU_JAR must point to vnu.jar: run the tests with build/test.sh, which installs vnu-jar.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("QMS_JAVA") is { Length: > 0 } java ? java : "java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java for the Nu HTML Checker.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The checker writes its JSON report to standard error.
        var report = (await error).TrimStart().StartsWith('{') ? await error : await output;
        if (process.ExitCode != 0 || !report.TrimStart().StartsWith('{'))
        {
            throw new InvalidOperationException($"The Nu HTML Checker failed (exit {process.ExitCode}): {await error}");
        }

        var errors = new Dictionary<string, List<string>>();
        using var json = JsonDocument.Parse(report);
        foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var file = message.TryGetProperty("url", out var url) ? LocalPath(url.GetString()!) : "";
            var line = message.TryGetProperty("lastLine", out var last) ? last.GetInt32() : 0;
            var extract = message.TryGetProperty("extract", out var text) ? text.GetString()!.ReplaceLineEndings(" ").Trim() : "";
            if (!errors.TryGetValue(file, out var list))
            {
                errors[file] = list = [];
            }

            list.Add($"{line}: {message.GetProperty("message").GetString()} «{extract}»");
        }

        return errors;
    }

    // The checker names files "file:/path/page.html", which System.Uri does not read as a file URI.
    private static string LocalPath(string url) =>
        url.StartsWith("file:", StringComparison.Ordinal) ? "/" + Uri.UnescapeDataString(url["file:".Length..]).TrimStart('/') : url;
}
