namespace TclHotline.Deployment.Tests;

/// <summary>
/// One process the repository ships (a project under services/ on the Web SDK) and where it is deployed.
/// Everything else (its modules, databases, queues, required settings, referenced projects) is read from the
/// host itself, so a new host needs one line in <see cref="Hosts.All"/> and nothing more.
/// </summary>
/// <param name="Name">Its folder under services/ (see <see cref="DockerImage"/> for the Dockerfile its image is built from).</param>
/// <param name="Project">Its .csproj, from the repository root.</param>
/// <param name="ComposeService">Its service in docker-compose.yml, if it runs there.</param>
/// <param name="KubernetesFile">Its manifest under deploy/k8s, if it runs there.</param>
/// <param name="BusUser">Its RabbitMQ user (deploy/rabbitmq/configure.sh), if it runs on RabbitMQ.</param>
public sealed record HostDeployment(string Name, string Project, string? ComposeService, string? KubernetesFile, string? BusUser)
{
    public string AssemblyName => Path.GetFileNameWithoutExtension(Project);
    public string ProjectFolder => Path.GetDirectoryName(Project)!.Replace('\\', '/');
    public override string ToString() => Name;
}

public static class Hosts
{
    public static readonly IReadOnlyList<HostDeployment> All =
    [
        new("Intake", "services/Intake/TclHotline.Intake.Host/TclHotline.Intake.Host.csproj", "intake", "intake.yaml", "intake"),
        new("Dispatch", "services/Dispatch/TclHotline.Dispatch.Host/TclHotline.Dispatch.Host.csproj", "dispatch", "dispatch.yaml", "dispatch"),
        new("Sla", "services/Sla/TclHotline.Sla.Host/TclHotline.Sla.Host.csproj", "sla", "sla.yaml", "sla"),
        new("Complaints", "services/Complaints/TclHotline.Complaints.Host/TclHotline.Complaints.Host.csproj", "complaints", "complaints.yaml", "complaints"),
        new("Returns", "services/Returns/TclHotline.Returns.Host/TclHotline.Returns.Host.csproj", "returns", "returns.yaml", "returns"),
        // The embedded default: one container (its Dockerfile's documented `docker run`), SQLite, the in-memory bus.
        new("Standalone", "services/Standalone/TclHotline.Standalone/TclHotline.Standalone.csproj", null, null, null),
    ];

    public static HostDeployment Named(string name) => All.Single(h => h.Name == name);

    public static TheoryData<string> Names => new(All.Select(h => h.Name));

    public static TheoryData<string> InCompose => new(All.Where(h => h.ComposeService is not null).Select(h => h.Name));

    public static TheoryData<string> InKubernetes => new(All.Where(h => h.KubernetesFile is not null).Select(h => h.Name));

    public static TheoryData<string> OnRabbitMq => new(All.Where(h => h.BusUser is not null).Select(h => h.Name));
}
