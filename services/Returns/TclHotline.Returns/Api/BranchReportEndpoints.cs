using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TclHotline.Returns.Application;
using TclHotline.Returns.Consumers;
using TclHotline.Returns.Domain;
using TclHotline.ServiceDefaults.Messaging;
using TclHotline.ServiceDefaults.Modules;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Returns.Api;

/// <summary>
/// The branch report on the HTTP port: /report is the page (public: it holds no data, the token comes in its URL
/// fragment, as on the dispatch board), /report/api the report of one branch and month with its charts as SVG.
/// The module adds it with three calls: <see cref="AddBranchReport"/>, <see cref="AddBranchReportConsumers"/>
/// and <see cref="MapBranchReport"/>.
/// </summary>
public static class BranchReportEndpoints
{
    /// <summary>Branch staff who answer for the figures, and headquarters; not dealers, who would see other dealers' stock.</summary>
    private static readonly string Readers = string.Join(",",
        HotlineRoles.ServiceDirector, HotlineRoles.Dispatcher, HotlineRoles.Sales, HotlineRoles.Administrator);

    public static void AddBranchReport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<BranchReportOptions>(builder.Configuration.GetSection(BranchReportOptions.Section));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<BranchReportOptions>>().Value);
        builder.Services.AddSingleton<BranchReport>();
    }

    public static void AddBranchReportConsumers(this ModuleConsumers consumers)
    {
        consumers.Add<CommitmentArrivalConsumer>();
        consumers.Add<CommitmentBreachConsumer>();
    }

    public static void MapBranchReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/report", () => Results.Content(ReportPage.Html, "text/html; charset=utf-8")).AllowAnonymous();
        app.MapGet("/report/api", async (string? branch, string? month, HttpContext http, BranchReport report) =>
        {
            var caller = Caller.From(http.User);
            var code = string.IsNullOrWhiteSpace(branch) ? caller.Branch : branch;
            if (string.IsNullOrWhiteSpace(code) || code == HotlineClaims.AllBranches)
                return Results.BadRequest("branch is required");
            if (!caller.CanSeeBranch(code))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (month is not null && ReturnsCalendar.Month(month) is null)
                return Results.BadRequest("month must be yyyy-MM");
            return Results.Json(await report.ReadAsync(code, month, http.RequestAborted));
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Readers });
    }
}
