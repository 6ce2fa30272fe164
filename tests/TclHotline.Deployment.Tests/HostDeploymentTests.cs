using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TclHotline.ServiceDefaults.Database;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Deployment.Tests;

/// <summary>
/// Each host's real composition (its modules as its Program composes them, their databases, their queues, the
/// settings its development run takes from appsettings.Development.json) against every layout that deploys it:
/// the image copies what it builds from, each database has a connection string and is created, its broker user
/// may use its queues, and Production gets every setting the development file supplied.
/// </summary>
public sealed partial class HostDeploymentTests
{
    /// <summary>
    /// Development settings Production need not repeat, because the code's default is the development value.
    /// Checked below: change a default or the development file and the deployments must set the key.
    /// </summary>
    private static readonly Dictionary<string, string?> DefaultedInCode = new()
    {
        ["Security:Jwt:Issuer"] = new SecurityOptions().Issuer,
        ["Security:Jwt:Audience"] = new SecurityOptions().Audience,
    };

    /// <summary>A required setting another one can stand for.</summary>
    private static readonly Dictionary<string, string> Alternatives = new()
    {
        // An OpenID Connect provider's keys instead of a shared one.
        ["Security:Jwt:SigningKey"] = "Security:Jwt:Authority",
    };

    [Fact]
    public void Every_web_project_under_services_is_a_host_in_the_list()
    {
        var webProjects = Directory.EnumerateFiles(Repository.PathOf("services"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Root!.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web")
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(webProjects, Hosts.All.Select(h => h.Project).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hosts.Names), MemberType = typeof(Hosts))]
    public void Dockerfile_copies_every_project_the_host_builds_from(string name)
    {
        var host = Hosts.Named(name);
        var dockerfile = DockerImage.Text(host);
        var copied = CopySource().Matches(dockerfile)
            .SelectMany(m => m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .Select(s => s.TrimEnd('/'))
            .ToList();
        var ignored = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("**", StringComparison.Ordinal)).Select(l => l.TrimEnd('/')).ToList();
        bool Under(string path, string folder) => path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

        var needed = ProjectsReferencedFrom(host.Project).Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/'))
            .Append("Directory.Build.props").Append("Directory.Packages.props").ToList();

        Assert.Contains(needed, p => p.StartsWith("services/ServiceDefaults", StringComparison.Ordinal)); // the graph was read
        Assert.All(needed, path =>
        {
            Assert.True(copied.Any(c => Under(path, c)), $"{DockerImage.DockerfileOf(host)} for {name} builds from {path} but does not COPY it");
            Assert.False(ignored.Any(i => Under(path, i)), $".dockerignore leaves {path} out of {name}'s build context");
        });
    }

    public static TheoryData<string, string> Layouts => DeploymentSettings.Layouts;

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Layout_builds_the_host_in_production_with_every_database_connected_and_created(string name, string layout)
    {
        var host = Hosts.Named(name);
        var composition = await HostComposition.OfAsync(host);
        var settings = DeploymentSettings.Of(host, layout);
        var data = Directory.CreateTempSubdirectory("tclhotline-layout-").FullName;
        try
        {
            var built = HostComposition.Build(host, settings.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Production"), ConfigurationOf(settings, data));
            try
            {
                var databases = built.Services.GetServices<ServiceDatabase>().ToList();

                Assert.Equal(composition.Databases.Order(), databases.Select(d => d.Service).Order());
                foreach (var database in databases.Where(d => d.Dialect == SqlDialect.SqlServer))
                {
                    Assert.Contains($"Database={database.Service};", database.ConnectionString, StringComparison.Ordinal);
                    Assert.Contains($"User Id={database.Service};", database.ConnectionString, StringComparison.Ordinal);
                    if (layout == DeploymentSettings.Compose)
                        Assert.True(InitScripts.CreatedDatabases.Contains(database.Service),
                            $"deploy/sqlserver/create-databases.sh creates no database {database.Service} (it creates {string.Join(", ", InitScripts.CreatedDatabases)})");
                }
            }
            finally { await HostComposition.DisposeAsync(built); }
        }
        finally { Directory.Delete(data, recursive: true); }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Layout_sets_every_setting_the_development_file_supplies(string name, string layout)
    {
        var host = Hosts.Named(name);
        var composition = await HostComposition.OfAsync(host);
        var settings = DeploymentSettings.Of(host, layout).Keys.Select(ConfigurationKeys.FromEnvironmentName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var required = composition.DevelopmentSettings.Where(k => !DefaultedInCode.ContainsKey(k)).ToList();

        Assert.Contains(required, k => k == "Security:Jwt:SigningKey"); // the development file was read
        var missing = required.Where(k => !settings.Contains(k) && !(Alternatives.TryGetValue(k, out var alt) && settings.Contains(alt))).ToList();
        Assert.True(missing.Count == 0, $"{name} under {layout} does not set {string.Join(", ", missing)} (supplied in development by appsettings.Development.json)");
    }

    [Fact]
    public void Defaulted_in_code_are_the_development_values()
    {
        foreach (var host in Hosts.All)
        {
            var file = Repository.PathOf($"{host.ProjectFolder}/appsettings.Development.json");
            if (!File.Exists(file)) continue;
            var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            foreach (var (key, value) in DefaultedInCode)
            {
                var element = json;
                var found = key.Split(':').All(part => element.ValueKind == System.Text.Json.JsonValueKind.Object && element.TryGetProperty(part, out element));
                if (found) Assert.True(element.GetString() == value, $"{host.Name}: {key} is {element.GetString()} in development but defaults to {value}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Hosts.OnRabbitMq), MemberType = typeof(Hosts))]
    public async Task Broker_user_may_declare_write_and_read_every_queue_the_host_declares(string name)
    {
        var host = Hosts.Named(name);
        var composition = await HostComposition.OfAsync(host);
        Assert.True(InitScripts.BrokerPermissions.TryGetValue(host.BusUser!, out var permissions),
            $"deploy/rabbitmq/configure.sh creates no user {host.BusUser} (it has {string.Join(", ", InitScripts.BrokerPermissions.Keys)})");

        // MassTransit declares each queue, an exchange of the same name, and the queue's _error and _skipped twins.
        // On RabbitMQ only, a host with live feeds also declares a per-instance fan-out queue named after its
        // modules (which the in-memory composition does not show; every module here has its own database).
        var liveFeed = TclHotline.ServiceDefaults.Feeds.LiveFeedEndpoint.QueueName(string.Join("-", composition.Databases), Guid.NewGuid());
        var names = composition.Queues.SelectMany(q => new[] { q, q + "_error", q + "_skipped" })
            .Append(composition.BusEndpoint).Append(liveFeed).ToList();
        Assert.NotEmpty(composition.Queues);
        var refused = names.SelectMany(q => new[] { ("configure", permissions.Configure), ("write", permissions.Write), ("read", permissions.Read) }
                .Where(p => !Regex.IsMatch(q, p.Item2)).Select(p => $"{q} ({p.Item1})"))
            .ToList();
        Assert.True(refused.Count == 0, $"the {host.BusUser} user may not use: {string.Join(", ", refused)}");

        // Nor may it read another host's queues.
        foreach (var other in Hosts.All.Where(h => h.BusUser is not null && h != host))
            foreach (var queue in (await HostComposition.OfAsync(other)).Queues.Where(q => !composition.Queues.Contains(q)))
                Assert.False(Regex.IsMatch(queue, permissions.Read), $"the {host.BusUser} user may read {other.Name}'s queue {queue}");
    }

    [Theory]
    [MemberData(nameof(Hosts.OnRabbitMq), MemberType = typeof(Hosts))]
    public void Broker_user_is_the_one_every_layout_connects_as(string name)
    {
        var host = Hosts.Named(name);

        if (host.ComposeService is not null)
            Assert.Equal(host.BusUser, DeploymentSettings.Of(host, DeploymentSettings.Compose)["Messaging__Username"]);
        if (host.KubernetesFile is not null)
            Assert.Equal(host.BusUser, DeploymentSettings.Of(host, DeploymentSettings.Kubernetes)["Messaging__Username"]);
    }

    /// <summary>Environment variables as configuration keys; a container's absolute data folder becomes a temporary one.</summary>
    private static Dictionary<string, string?> ConfigurationOf(IReadOnlyDictionary<string, string> environment, string data)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in environment)
        {
            // The platform's own variables change nothing in the composition (and would turn on exporters).
            if (key.StartsWith("OTEL_", StringComparison.Ordinal) || key == "ASPNETCORE_ENVIRONMENT") continue;
            configuration[ConfigurationKeys.FromEnvironmentName(key)] = value;
        }
        if (configuration.ContainsKey("Database:DataDirectory")) configuration["Database:DataDirectory"] = data;
        return configuration;
    }

    /// <summary>The project and every project it references, transitively, from the repository root.</summary>
    private static IReadOnlyList<string> ProjectsReferencedFrom(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current)) continue;
            var folder = Path.GetDirectoryName(Repository.PathOf(current))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(current)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'));
            }
        }
        return [.. seen];
    }

    [GeneratedRegex(@"^COPY (?!--from)(?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex CopySource();
}
