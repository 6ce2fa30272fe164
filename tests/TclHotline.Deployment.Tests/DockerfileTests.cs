using System.Text.Json;
using System.Text.RegularExpressions;

namespace TclHotline.Deployment.Tests;

public sealed partial class DockerfileTests
{
    public static TheoryData<string, string> Images
    {
        get
        {
            var images = new TheoryData<string, string>();
            foreach (var host in Hosts.All) images.Add(host.Name, host.Project);
            return images;
        }
    }

    private static string DockerfileOf(string service) => DockerImage.Text(Hosts.Named(service));

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_publishes_an_existing_project_and_runs_its_dll(string service, string project)
    {
        var dockerfile = DockerfileOf(service);
        var published = PublishedProject().Match(dockerfile).Groups["project"].Value;
        var entry = EntryPointDll().Match(dockerfile).Groups["dll"].Value;

        Assert.DoesNotMatch(@"\$\{\w+\}", dockerfile); // every build arg has a value for this host
        Assert.Equal(project, published);
        Assert.True(File.Exists(Repository.PathOf(published)), $"{published} does not exist");
        Assert.Equal(Path.GetFileNameWithoutExtension(project) + ".dll", entry);
        foreach (Match copy in Copy().Matches(dockerfile))
        {
            var sources = copy.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            Assert.All(sources, source => Assert.True(Path.Exists(Repository.PathOf(source.TrimEnd('/'))), $"{service}: COPY {source} does not exist"));
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_builds_on_the_sdk_runs_on_AspNet_as_non_root_with_a_health_check(string service, string project)
    {
        var dockerfile = DockerfileOf(service);
        var stages = Regex.Matches(dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
        Assert.Matches(new Regex(@"^USER \$APP_UID\s*$", RegexOptions.Multiline), dockerfile);
        Assert.Matches(new Regex(@"^HEALTHCHECK .*\\\n\s+CMD curl -fs http://127\.0\.0\.1:\d+/health/live", RegexOptions.Multiline), dockerfile);
        Assert.Contains(Path.GetFileName(project), dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_listens_on_its_hosts_ports_and_exposes_them(string service, string project)
    {
        var dockerfile = DockerfileOf(service);
        var env = Regex.Matches(dockerfile, @"(?<key>\w+__\w+(?:__\w+)*)=(?<value>\S+)").ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
        var exposed = Regex.Match(dockerfile, @"^EXPOSE (?<grpc>\d+) (?<http>\d+)\s*$", RegexOptions.Multiline);
        var appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Repository.PathOf(project))!, "appsettings.json"))).RootElement;
        int PortOf(string endpoint) => new Uri(appsettings.GetProperty("Kestrel").GetProperty("Endpoints").GetProperty(endpoint).GetProperty("Url").GetString()!).Port;

        Assert.All(env.Keys, key => Assert.True(ConfigurationKeys.Exists(key), $"{service}: ENV {key} is not a configuration key"));
        Assert.Equal($"http://0.0.0.0:{PortOf("Grpc")}", env["Kestrel__Endpoints__Grpc__Url"]);
        Assert.Equal($"http://0.0.0.0:{PortOf("Http")}", env["Kestrel__Endpoints__Http__Url"]);
        Assert.Equal(PortOf("Grpc").ToString(), exposed.Groups["grpc"].Value);
        Assert.Equal(PortOf("Http").ToString(), exposed.Groups["http"].Value);
        Assert.Contains($"127.0.0.1:{PortOf("Http")}/health/live", dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^RUN dotnet publish (?<project>\S+\.csproj)", RegexOptions.Multiline)]
    private static partial Regex PublishedProject();

    /// <summary>dotnet as the entry point, or a shell that execs it (so dotnet is still PID 1 and gets the stop signal).</summary>
    [GeneratedRegex(@"^ENTRYPOINT \[(?:""dotnet"", ""|""/bin/sh"", ""-c"", ""exec dotnet )(?<dll>[\w.]+\.dll)[ ""]", RegexOptions.Multiline)]
    private static partial Regex EntryPointDll();

    [GeneratedRegex(@"^COPY (?!--from)(?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex Copy();
}
