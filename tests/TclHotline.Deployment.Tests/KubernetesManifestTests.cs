namespace TclHotline.Deployment.Tests;

public sealed class KubernetesManifestTests
{
    private const string Container = "spec.template.spec.containers.[]";

    public static TheoryData<string> Services => new(Repository.Services.Select(s => s.ToLowerInvariant()));

    private static IReadOnlyList<IReadOnlyList<YamlEntry>> Manifest(string file) => YamlPaths.Documents(Repository.Read($"deploy/k8s/{file}"));

    private static IReadOnlyList<YamlEntry> OfKind(string file, string kind) =>
        Manifest(file).Single(d => d.Any(e => e.Path == "kind" && e.Value == kind));

    private static string Value(IReadOnlyList<YamlEntry> document, string path) =>
        document.SingleOrDefault(e => e.Path == path)?.Value ?? throw new Xunit.Sdk.XunitException($"no {path}");

    [Fact]
    public void Kustomization_ListsExistingFilesIncludingEveryService()
    {
        var resources = YamlPaths.Flatten(Repository.Read("deploy/k8s/kustomization.yaml")).Where(e => e.Path == "resources.[]").Select(e => e.Value).ToList();

        Assert.All(resources, r => Assert.True(File.Exists(Repository.PathOf($"deploy/k8s/{r}")), $"{r} is missing"));
        Assert.Superset(Repository.Services.Select(s => s.ToLowerInvariant() + ".yaml").ToHashSet(), resources.ToHashSet());
        Assert.DoesNotContain("secrets.example.yaml", resources);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_ProbesTheHealthEndpointsOnTheHttpPort(string service)
    {
        var deployment = OfKind($"{service}.yaml", "Deployment");

        Assert.Equal("/health/ready", Value(deployment, $"{Container}.readinessProbe.httpGet.path"));
        Assert.Equal("/health/live", Value(deployment, $"{Container}.livenessProbe.httpGet.path"));
        Assert.Equal("http", Value(deployment, $"{Container}.readinessProbe.httpGet.port"));
        Assert.Equal("http", Value(deployment, $"{Container}.livenessProbe.httpGet.port"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_RunsSeveralReplicasWithResourcesOnItsImagePorts(string service)
    {
        var deployment = OfKind($"{service}.yaml", "Deployment");
        var ports = deployment.Where(e => e.Path == $"{Container}.ports.[].containerPort").Select(e => e.Value).ToList();
        var exposed = System.Text.RegularExpressions.Regex.Match(
            Repository.Read($"services/{char.ToUpperInvariant(service[0])}{service[1..]}/Dockerfile"), @"EXPOSE (\d+) (\d+)");

        Assert.True(int.Parse(Value(deployment, "spec.replicas")) >= 2);
        foreach (var resource in new[] { "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" })
            Assert.NotEmpty(Value(deployment, $"{Container}.resources.{resource}"));
        Assert.Equal($"tclhotline/{service}", Value(deployment, $"{Container}.image"));
        Assert.Equal([exposed.Groups[1].Value, exposed.Groups[2].Value], ports);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Deployment_SetsOnlyConfigurationKeysTheHostReads(string service)
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

    [Fact]
    public void SharedConfiguration_PointsAtTheExistingBrokerAndDatabaseNeverAControlledClock()
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
