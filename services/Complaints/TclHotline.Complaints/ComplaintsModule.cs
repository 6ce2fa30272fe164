using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints;

public sealed class ComplaintsModule : IServiceModule
{
    public string Name => "complaints";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ComplaintsDatabase>();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
    }

    public void MapEndpoints(WebApplication app)
    {
    }
}
