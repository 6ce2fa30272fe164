namespace TclHotline.Deployment.Tests;

public sealed class ComposeFileTests
{
    private static readonly Lazy<IReadOnlyList<YamlEntry>> Resolved = new(() =>
    {
        var result = DockerCompose.Run(".env.example", "config");
        Assert.True(result.ExitCode == 0, $"docker-compose config failed ({result.ExitCode}): {result.Error}");
        return YamlPaths.Flatten(result.Output);
    });

    private static IEnumerable<YamlEntry> Of(string service) => Resolved.Value.Where(e => e.Under($"services.{service}"));

    private static Dictionary<string, string> EnvironmentOf(string service) =>
        Of(service).Where(e => e.Under($"services.{service}.environment"))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    public static TheoryData<string> Services => new(Repository.Services.Select(s => s.ToLowerInvariant()));

    [Fact]
    public void Docker_compose_config_accepts_the_file_with_the_example_secrets()
    {
        var result = DockerCompose.Run(".env.example", "config", "--services");

        Assert.True(result.ExitCode == 0, $"docker-compose config failed ({result.ExitCode}): {result.Error}");
        Assert.Equal(
            ["complaints", "dashboard", "dispatch", "intake", "rabbitmq", "returns", "sla", "smtp4dev", "sqlserver", "sqlserver-init", "topology"],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    [Fact]
    public void Docker_compose_config_refuses_to_run_without_secrets()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var result = DockerCompose.Run(empty, "config");

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("in .env", result.Error, StringComparison.Ordinal);
        }
        finally { File.Delete(empty); }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_sets_only_configuration_keys_the_host_reads(string service)
    {
        var environment = EnvironmentOf(service);

        Assert.NotEmpty(environment);
        Assert.All(environment.Keys, key => Assert.True(ConfigurationKeys.Exists(key), $"{service}: {key} is not a configuration key any host reads"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_runs_on_RabbitMq_and_its_own_SqlServer_database(string service)
    {
        var environment = EnvironmentOf(service);

        Assert.Equal("SqlServer", environment["Database__Provider"]);
        Assert.Contains($"Database={service};", environment[$"ConnectionStrings__{service}"], StringComparison.Ordinal);
        Assert.Equal("RabbitMq", environment["Messaging__Transport"]);
        Assert.Equal("rabbitmq", environment["Messaging__Host"]);
        Assert.Equal(service, environment["Messaging__Username"]);
        Assert.False(string.IsNullOrEmpty(environment["Messaging__Password"]));
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.NotEqual("Controlled", environment.GetValueOrDefault("Clock__Mode"), StringComparer.OrdinalIgnoreCase);
        Assert.StartsWith("http://dashboard:", environment["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_waits_for_healthy_broker_and_database(string service)
    {
        var conditions = Of(service).Where(e => e.Under($"services.{service}.depends_on") && e.Key == "condition")
            .ToDictionary(e => e.Path.Split('.')[^2], e => e.Value);

        Assert.Equal("service_healthy", conditions["rabbitmq"]);
        Assert.Equal("service_healthy", conditions["sqlserver"]);
        Assert.Equal("service_completed_successfully", conditions["sqlserver-init"]);
        // A fresh broker keeps what is published before a consumer's first start only once every queue is declared.
        Assert.Equal("service_completed_successfully", conditions["topology"]);
        // Every service image from the one template, the build args naming the host (DockerfileTests check the rest).
        Assert.Equal("services/Dockerfile", Of(service).Single(e => e.Path == $"services.{service}.build.dockerfile").Value);
        Assert.Equal(Hosts.All.Single(h => h.ComposeService == service).Name, Of(service).Single(e => e.Path == $"services.{service}.build.args.SERVICE").Value);
    }

    [Fact]
    public void Topology_declares_every_queue_with_the_standalone_binary_as_the_broker_administrator()
    {
        var entries = Of("topology").ToList();
        Assert.Equal("services/Standalone/Dockerfile", entries.Single(e => e.Path == "services.topology.build.dockerfile").Value);
        Assert.Equal("deploy-topology", Assert.Single(entries, e => e.Under("services.topology.command")).Value);
        var environment = EnvironmentOf("topology");
        Assert.Equal("RabbitMq", environment["Messaging__Transport"]);
        Assert.Equal(EnvironmentOf("rabbitmq")["RABBITMQ_DEFAULT_USER"], environment["Messaging__Username"]);
        Assert.Equal(EnvironmentOf("rabbitmq")["RABBITMQ_VHOST"], environment["Messaging__VirtualHost"]);
    }

    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("sqlserver")]
    public void Infrastructure_has_a_health_check(string service)
    {
        Assert.Contains(Of(service), e => e.Under($"services.{service}.healthcheck.test"));
    }

    [Fact]
    public void Dispatch_board_is_published_on_the_dispatch_http_port()
    {
        var ports = Of("dispatch").Where(e => e.Under("services.dispatch.ports.[]")).ToList();

        Assert.Contains(ports, e => e.Key == "published" && e.Value == "5281");
        Assert.Contains(ports, e => e.Key == "target" && e.Value == "5281");
    }

    [Fact]
    public void BranchReport_is_published_on_the_returns_http_port()
    {
        var ports = Of("returns").Where(e => e.Under("services.returns.ports.[]")).ToList();

        Assert.Contains(ports, e => e.Key == "published" && e.Value == "5581");
        Assert.Contains(ports, e => e.Key == "target" && e.Value == "5581");
    }

    [Fact]
    public void Example_secrets_cover_every_variable_the_compose_file_needs()
    {
        var example = Repository.Read(".env.example").Split('\n')
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#'))
            .Select(l => l[..l.IndexOf('=')].Trim()).ToHashSet();
        var needed = System.Text.RegularExpressions.Regex.Matches(Repository.Read("docker-compose.yml"), @"\$\{(\w+)").Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Empty(needed.Except(example));
        Assert.Contains(".env", Repository.Read(".gitignore").Split('\n').Select(l => l.Trim()));
    }
}
