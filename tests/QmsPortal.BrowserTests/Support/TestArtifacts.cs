namespace QmsPortal.Tests.Browser;

/// <summary>
/// Where browser tests leave what a person may want to look at afterwards (screenshots, the HTML that was checked):
/// <c>$QMS_TEST_ARTIFACTS</c>, which build/test.sh sets to .tmp/test-run/artifacts, else a folder under the system temp.
/// </summary>
public static class TestArtifacts
{
    public static string Root => Environment.GetEnvironmentVariable("QMS_TEST_ARTIFACTS") is { Length: > 0 } root
        ? root
        : Path.Combine(Path.GetTempPath(), "qms-test-artifacts");

    /// <summary>A sub-folder of <see cref="Root"/>, created if missing.</summary>
    public static string Folder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
