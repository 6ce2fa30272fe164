using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TclHotline.Dispatch.Data;
using TclHotline.Dispatch.Domain.Board;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Security;

namespace TclHotline.Dispatch.Api;

/// <summary>
/// The board on the HTTP port: /board is the page (public: it holds no data, the token comes in its URL
/// fragment), /board/api the board as JSON, /board/events the same as Server-Sent Events on every change.
/// </summary>
public static class BoardEndpoints
{
    private const string PageResource = "TclHotline.Dispatch.Api.board.html";

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void MapBoard(this IEndpointRouteBuilder app)
    {
        var page = LoadPage();
        app.MapGet("/board", () => Results.Content(page, "text/html; charset=utf-8")).AllowAnonymous();

        var readers = new AuthorizeAttribute
        {
            Roles = HotlineRoles.Dispatcher + "," + HotlineRoles.ServiceDirector + "," + HotlineRoles.Administrator,
        };
        app.MapGet("/board/api", async (string? branch, HttpContext http, BoardReader board) =>
        {
            if (Refusal(http, branch, out var code) is { } refusal)
            {
                return refusal;
            }

            try
            {
                return Results.Content(Json.Format(await board.ReadAsync(code, http.RequestAborted)), "application/json");
            }
            catch (NotFoundException e)
            {
                return Results.NotFound(e.Message);
            }
        }).RequireAuthorization(readers);

        app.MapGet("/board/events", async (string? branch, HttpContext http, BoardReader board, LiveFeed<BoardChange> changes) =>
        {
            if (Refusal(http, branch, out var code) is { } refusal)
            {
                await refusal.ExecuteAsync(http);
                return;
            }

            var ct = http.RequestAborted;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            using var watch = changes.Subscribe(code, BoardChange.WatchBuffer);
            try
            {
                do
                {
                    var data = Json.Format(await board.ReadAsync(code, ct));
                    await http.Response.WriteAsync($"event: board\ndata: {data}\n\n", Encoding.UTF8, ct);
                    await http.Response.Body.FlushAsync(ct);
                }
                while (await watch.Items.WaitToReadAsync(ct) && Drain(watch));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The page went away.
            }
        }).RequireAuthorization(readers);
    }

    /// <summary>Several changes at once need one fresh board, not one each.</summary>
    private static bool Drain(LiveSubscription<BoardChange> watch)
    {
        while (watch.Items.TryRead(out _))
        {
        }

        return true;
    }

    /// <summary>The branch to show: the one asked for, else the caller's own; null result when allowed.</summary>
    private static IResult? Refusal(HttpContext http, string? requested, out string branch)
    {
        var caller = Caller.From(http.User);
        branch = string.IsNullOrWhiteSpace(requested) ? caller.Branch : requested;
        if (branch == HotlineClaims.AllBranches || string.IsNullOrWhiteSpace(branch))
        {
            return Results.BadRequest("branch is required");
        }

        return caller.CanSeeBranch(branch) ? null : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static string LoadPage()
    {
        using var stream = typeof(BoardEndpoints).Assembly.GetManifestResourceStream(PageResource)
            ?? throw new InvalidOperationException($"embedded resource {PageResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
