namespace TclHotline.Deployment.Tests;

public sealed class KubernetesManifestTests
{
    private const string Container = "spec.template.spec.containers.[]";
    private const string TopologyStep = "spec.template.spec.initContainers.[]";

    public static TheoryData<string> Services => new(Repository.Services.Select(s => s.ToLowerInvariant()));

    private static IReadOnlyList<IReadOnlyList<YamlEntry>> Manifest(string file) => YamlPaths.Documents(Repository.Read($"deploy/k8s/{file}"));

    private static IReadOnlyList<YamlEntry> OfKind(string file, string kind) =>
        Manifest(file).Single(d => d.Any(e => e.Path == "kind" && e.Value == kind));

    private static string Value(IReadOnlyList<YamlEntry> document, string path) =>
        document.SingleOrDefault(e => e.Path == path)?.Value ?? throw new Xunit.Sdk.XunitException($"no {path}");

    [Fact]
    public void Kustomization_lists_existing_files_including_every_service()
    {
        var resources = YamlPaths.Flatten(Repository.Read("deploy/k8s/kustomization.yaml")).Where(e => e.Path == "resources.[]").Select(e => e.Value).ToList();

        Assert.All(resources, r => Assert.True(File.Exists(Repository.PathOf($"deploy/k8s/{r}")), $"{r} is missing"));
        Assert.Superset(Repository.Services.Select(s => s.ToLowerInvariant() + ".yaml").ToHashSet(), resources.ToHashSet());
        Assert.DoesNotContain("secrets.example.yaml", resources);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_probes_the_health_endpoints_on_the_http_port(string service)
    {
        var deployment = OfKind($"{service}.yaml", "Deployment");

        Assert.Equal("/health/ready", Value(deployment, $"{Container}.readinessProbe.httpGet.path"));
        Assert.Equal("/health/live", Value(deployment, $"{Container}.livenessProbe.httpGet.path"));
        Assert.Equal("http", Value(deployment, $"{Container}.readinessProbe.httpGet.port"));
        Assert.Equal("http", Value(deployment, $"{Container}.livenessProbe.httpGet.port"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_runs_several_replicas_with_resources_on_its_image_ports(string service)
    {
        var deployment = OfKind($"{service}.yaml", "Deployment");
        var ports = deployment.Where(e => e.Path == $"{Container}.ports.[].containerPort").Select(e => e.Value).ToList();
        var exposed = System.Text.RegularExpressions.Regex.Match(
            DockerImage.Text(Hosts.All.Single(h => h.ComposeService == service)), @"EXPOSE (\d+) (\d+)");

        Assert.True(int.Parse(Value(deployment, "spec.replicas")) >= 2);
        foreach (var resource in new[] { "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" })
            Assert.NotEmpty(Value(deployment, $"{Container}.resources.{resource}"));
        Assert.Equal($"tclhotline/{service}", Value(deployment, $"{Container}.image"));
        Assert.Equal([exposed.Groups[1].Value, exposed.Groups[2].Value], ports);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_sets_only_configuration_keys_the_host_reads(string service)
    {
        var deployment = OfKind($"{service}.yaml", "Deployment");
        var env = deployment.Where(e => e.Path == $"{Container}.env.[].name").Select(e => e.Value);
        var configMaps = deployment.Where(e => e.Path == $"{Container}.envFrom.[].configMapRef.name").Select(e => e.Value).ToList();
        var configured = Manifest($"{service}.yaml").Concat(Manifest("common-config.yaml"))
            .Where(d => d.Any(e => e.Path == "kind" && e.Value == "ConfigMap") && configMaps.Contains(Value(d, "metadata.name")))
            .SelectMany(d => d.Where(e => e.Under("data")).Select(e => e.Key)).ToList();

        Assert.Equal(2, configMaps.Count);
        Assert.Contains("Database__Provider", configured);
        Assert.Contains($"ConnectionStrings__{service}", env);
        Assert.All(env.Concat(configured), key => Assert.True(ConfigurationKeys.Exists(key), $"{service}: {key} is not a configuration key any host reads"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_declares_every_queue_with_the_standalone_binary_as_the_broker_administrator_before_its_service_starts(string service)
    {
        // A fresh broker keeps what is published before a consumer's first start only once every queue is declared;
        // Kubernetes cannot order a Job before a Deployment, so each pod runs the idempotent step first.
        var deployment = OfKind($"{service}.yaml", "Deployment");

        Assert.Equal("tclhotline/standalone", Value(deployment, $"{TopologyStep}.image"));
        // `command` would replace the image's entrypoint (the standalone host); the step is its argument.
        Assert.DoesNotContain(deployment, e => e.Under($"{TopologyStep}.command"));
        Assert.Equal("deploy-topology", Assert.Single(deployment, e => e.Under($"{TopologyStep}.args")).Value);
        Assert.Matches(@"ENTRYPOINT \[""dotnet"", ""TclHotline.Standalone.dll""\]", Repository.Read("services/Standalone/Dockerfile"));
        Assert.Equal("tclhotline-common", Value(deployment, $"{TopologyStep}.envFrom.[].configMapRef.name"));
        var administrator = SecretsOf(deployment, TopologyStep);
        Assert.Equal(("tclhotline-broker-admin", "username"), administrator["Messaging__Username"]);
        Assert.Equal(("tclhotline-broker-admin", "password"), administrator["Messaging__Password"]);
        Assert.Contains(Manifest("secrets.example.yaml"), d => Value(d, "metadata.name") == "tclhotline-broker-admin"
            && d.Any(e => e.Path == "stringData.username") && d.Any(e => e.Path == "stringData.password"));
        // The service itself never holds the administrator's credentials.
        Assert.DoesNotContain(SecretsOf(deployment, Container).Values, s => s.Secret == "tclhotline-broker-admin");
    }

    [Fact]
    public void Kustomization_sets_the_image_of_every_container_it_runs()
    {
        var images = YamlPaths.Flatten(Repository.Read("deploy/k8s/kustomization.yaml")).Where(e => e.Path == "images.[].name").Select(e => e.Value).ToHashSet();
        var used = Repository.Services.SelectMany(s => OfKind($"{s.ToLowerInvariant()}.yaml", "Deployment"))
            .Where(e => e.Path == $"{Container}.image" || e.Path == $"{TopologyStep}.image").Select(e => e.Value).ToHashSet();

        Assert.Contains("tclhotline/standalone", used);
        Assert.Superset(used, images);
    }

    /// <summary>A container's environment variables read from Secrets: name → (secret, key).</summary>
    private static Dictionary<string, (string Secret, string Key)> SecretsOf(IReadOnlyList<YamlEntry> document, string container)
    {
        var result = new Dictionary<string, (string Secret, string Key)>(StringComparer.Ordinal);
        string? name = null, secret = null;
        foreach (var e in document.Where(e => e.Under($"{container}.env")))
        {
            if (e.Path == $"{container}.env.[].name") (name, secret) = (e.Value, null);
            else if (e.Path == $"{container}.env.[].valueFrom.secretKeyRef.name") secret = e.Value;
            else if (e.Path == $"{container}.env.[].valueFrom.secretKeyRef.key") result[name!] = (secret!, e.Value);
        }
        return result;
    }

    [Fact]
    public void Shared_configuration_points_at_the_existing_broker_and_database_never_a_controlled_clock()
    {
        var data = OfKind("common-config.yaml", "ConfigMap").Where(e => e.Under("data")).ToDictionary(e => e.Key, e => e.Value);
        var external = Manifest("external-services.yaml").Select(d => Value(d, "metadata.name")).ToList();

        Assert.Equal("RabbitMq", data["Messaging__Transport"]);
        Assert.Equal("SqlServer", data["Database__Provider"]);
        Assert.Equal("Production", data["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("System", data["Clock__Mode"]);
        Assert.Contains(data["Messaging__Host"], external);
        Assert.Contains("sqlserver", external);
    }
}
