namespace TclHotline.Testing;

/// <summary>The checked-out repository the tests run from (found upwards from the test binaries).</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TclHotline.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TclHotline.sln above {AppContext.BaseDirectory}.");
    }
}
