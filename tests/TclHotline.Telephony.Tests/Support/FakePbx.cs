using System.Text;
using Google.Protobuf;
using Grpc.Net.Client;
using TclHotline.Grpc.Telephony.V1;
using TclHotline.ServiceDefaults.Security;
using TclHotline.Telephony.Api;
using TclHotline.Testing;

namespace TclHotline.Telephony.Tests.Support;

/// <summary>
/// A PBX/CTI connector played from scripts against a running host: over gRPC (one by one or one client
/// stream, with a telephony-connector token) or over the HTTP webhook (JSON with the shared secret).
/// </summary>
public sealed class FakePbx : IDisposable
{
    private readonly TestHost _host;
    private readonly string _secret;
    private readonly GrpcChannel _channel;
    private readonly TelephonyService.TelephonyServiceClient _grpc;

    public FakePbx(TestHost host, string secret)
    {
        _host = host;
        _secret = secret;
        _channel = host.ChannelAs(HotlineRoles.TelephonyConnector);
        _grpc = new TelephonyService.TelephonyServiceClient(_channel);
    }

    public async Task<int> PlayOverGrpcAsync(IEnumerable<CallEvent> events)
    {
        var recorded = 0;
        foreach (var e in events)
            if ((await _grpc.ReportCallEventAsync(e)).Recorded) recorded++;
        return recorded;
    }

    public async Task<StreamCallEventsSummary> PlayOverGrpcStreamAsync(IEnumerable<CallEvent> events)
    {
        using var call = _grpc.StreamCallEvents();
        foreach (var e in events) await call.RequestStream.WriteAsync(e);
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    public async Task PlayOverWebhookAsync(IEnumerable<CallEvent> events)
    {
        foreach (var e in events)
        {
            using var response = await PostAsync(e, _secret);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>One event over the webhook with whatever secret (or none) the test wants to present.</summary>
    public Task<HttpResponseMessage> PostAsync(CallEvent e, string? secret) => PostJsonAsync(JsonFormatter.Default.Format(e), secret);

    public async Task<HttpResponseMessage> PostJsonAsync(string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CallEventWebhook.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add(CallEventWebhook.SecretHeader, secret);
        return await _host.Http.SendAsync(request);
    }

    public void Dispose() => _channel.Dispose();
}
