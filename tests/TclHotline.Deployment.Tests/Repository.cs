namespace TclHotline.Deployment.Tests;

/// <summary>The checked-out repository these tests read (found upwards from the test binaries).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The services run as their own processes under compose and Kubernetes (<see cref="Hosts.All"/>).</summary>
    public static readonly string[] Services = [.. Hosts.All.Where(h => h.ComposeService is not null).Select(h => h.Name)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TclHotline.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TclHotline.sln above {AppContext.BaseDirectory}.");
    }
}
