using TclHotline.Testing;

namespace TclHotline.Deployment.Tests;

/// <summary>The checked-out repository these tests read (found upwards from the test binaries).</summary>
public static class Repository
{
    public static string Root => RepositoryFolder.Root;

    public static string PathOf(string relative) => RepositoryFolder.PathOf(relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The services run as their own processes under compose and Kubernetes (<see cref="Hosts.All"/>).</summary>
    public static readonly string[] Services = [.. Hosts.All.Where(h => h.ComposeService is not null).Select(h => h.Name)];
}
