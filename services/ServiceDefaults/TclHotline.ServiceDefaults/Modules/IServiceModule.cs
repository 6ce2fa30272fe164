using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Messaging;

namespace TclHotline.ServiceDefaults.Modules;

/// <summary>
/// A service written once: its database, consumers, gRPC services and endpoints. Hosted alone by the
/// service's own host or together with the others by the standalone host.
/// </summary>
public interface IServiceModule
{
    /// <summary>Lower-case service name: intake, dispatch, sla, complaints. Names its database and queues.</summary>
    string Name { get; }

    void AddServices(IHostApplicationBuilder builder);

    void AddConsumers(ModuleConsumers consumers);

    void MapEndpoints(WebApplication app);
}
