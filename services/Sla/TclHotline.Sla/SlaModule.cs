using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Sla;

public sealed class SlaModule : IServiceModule
{
    public string Name => "sla";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SlaDatabase>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
    }

    public void MapEndpoints(WebApplication app)
    {
    }
}
