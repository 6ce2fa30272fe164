using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Dispatch;

public sealed class DispatchModule : IServiceModule
{
    public string Name => "dispatch";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DispatchDatabase>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
    }

    public void MapEndpoints(WebApplication app)
    {
    }
}
