using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TclHotline.Returns.Api;
using TclHotline.Returns.Report;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Returns;

public sealed class ReturnsModule : IServiceModule
{
    public string Name => "returns";

    public void AddServices(IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReturnsDatabase>();
        builder.AddBranchReport();
    }

    public void AddConsumers(ModuleConsumers consumers)
    {
        consumers.AddBranchReportConsumers();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<ReturnsGrpcService>();
        app.MapBranchReport();
    }
}
