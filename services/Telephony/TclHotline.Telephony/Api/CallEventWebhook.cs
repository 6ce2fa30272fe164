using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.Telephony.Application;
using TclHotline.Telephony.Domain;

namespace TclHotline.Telephony.Api;

/// <summary>
/// POST /telephony/events for PBXs that can only call webhooks: the CallEvent in proto3 JSON, authenticated
/// by the shared secret (not a JWT), handled by the same ingestion as gRPC.
/// </summary>
public static class CallEventWebhook
{
    public const string Path = "/telephony/events";
    public const string SecretHeader = "X-Telephony-Secret";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static void Map(WebApplication app) => app.MapPost(Path, HandleAsync).AllowAnonymous();

    private static async Task<IResult> HandleAsync(HttpContext http, CallEventIngestion ingestion, IOptionsMonitor<TelephonyOptions> options)
    {
        var settings = options.CurrentValue;
        if (!ConnectorSecret.Matches(settings.ConnectorSecret, http.Request.Headers[SecretHeader].ToString()))
            return Results.Unauthorized();

        var body = await ReadLimitedAsync(http.Request, settings.WebhookMaxBodyBytes, http.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        CallEvent e;
        try
        {
            e = Parser.Parse<CallEvent>(body);
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException)
        {
            return Results.BadRequest(new { errors = new[] { new { field = "body", problem = "is not a call event in JSON" } } });
        }

        var errors = CallEventValidator.Validate(e);
        if (errors.Any)
            return Results.BadRequest(new { errors = errors.Errors.Select(x => new { field = x.Field, problem = x.Problem }) });
        return Results.Ok(new { recorded = await ingestion.RecordAsync(e, http.RequestAborted) });
    }

    /// <summary>Null when the body is larger than the limit, whatever Content-Length claims.</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        var buffer = new byte[limit + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return read > limit ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
