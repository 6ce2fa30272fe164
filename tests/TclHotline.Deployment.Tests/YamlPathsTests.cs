namespace TclHotline.Deployment.Tests;

/// <summary>The flattener the other tests rely on, on the shapes our files and docker-compose config produce.</summary>
public sealed class YamlPathsTests
{
    [Fact]
    public void Flatten_reads_lists_at_their_keys_indent_and_folded_scalars()
    {
        const string yaml = """
            services:
              sla:
                environment:
                  ConnectionStrings__sla: Server=sqlserver;User
                    Id=sla # folded by the printer
                ports:
                - published: 5380
                  target: 5380
                - "5381"
                restart: always
            """;

        var entries = YamlPaths.Flatten(yaml).Select(e => $"{e.Path}={e.Value}");

        Assert.Equal(
        [
            "services.sla.environment.ConnectionStrings__sla=Server=sqlserver;User Id=sla",
            "services.sla.ports.[].published=5380",
            "services.sla.ports.[].target=5380",
            "services.sla.ports.[]=5381",
            "services.sla.restart=always",
        ], entries);
    }

    [Fact]
    public void Documents_splits_on_separators_and_keeps_nested_list_items()
    {
        const string yaml = """
            kind: ConfigMap
            data:
              app.kubernetes.io/name: sla
            ---
            kind: Deployment
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: sla
                      readinessProbe:
                        httpGet:
                          path: /health/ready
            """;

        var documents = YamlPaths.Documents(yaml);

        Assert.Equal(2, documents.Count);
        Assert.Contains(documents[0], e => e.Path == "data.app.kubernetes.io/name" && e.Value == "sla");
        Assert.Contains(documents[1], e => e.Path == "spec.replicas" && e.Value == "2");
        Assert.Contains(documents[1], e => e.Path == "spec.template.spec.containers.[].readinessProbe.httpGet.path" && e.Value == "/health/ready");
    }
}
