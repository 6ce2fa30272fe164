using Grpc.Core;
using Grpc.Core.Interceptors;

namespace TclHotline.ServiceDefaults.Security;

/// <summary>
/// Caps the streams (server, client and duplex streaming calls) one caller may hold open at once, by token
/// subject: a board or desk left open in many tabs, or a client that reconnects without hanging up, cannot pin
/// the host's connections and feeds. Configuration <c>Limits:OpenStreamsPerCaller</c> (20, 0 = off); one over
/// gets RESOURCE_EXHAUSTED and the caller's other streams go on.
/// </summary>
public sealed class OpenStreamLimit(OpenStreams streams) : Interceptor
{
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var _ = streams.Open(context);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var _ = streams.Open(context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var _ = streams.Open(context);
        await continuation(requestStream, responseStream, context);
    }
}

/// <summary>The open streams of each caller in this process (one instance per host).</summary>
public sealed class OpenStreams(int perCaller)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int PerCaller => perCaller;

    public IDisposable Open(ServerCallContext context)
    {
        if (perCaller <= 0) return Lease.None;
        var caller = context.GetHttpContext().User.FindFirst(HotlineClaims.Subject)?.Value ?? context.Peer ?? "unknown";
        lock (_open)
        {
            var open = _open.GetValueOrDefault(caller);
            if (open >= perCaller)
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"at most {perCaller} open streams per caller"));
            _open[caller] = open + 1;
        }
        return new Lease(() => Close(caller));
    }

    private void Close(string caller)
    {
        lock (_open)
        {
            if (_open.TryGetValue(caller, out var open) && open > 1) _open[caller] = open - 1;
            else _open.Remove(caller);
        }
    }

    private sealed class Lease(Action? release) : IDisposable
    {
        public static readonly Lease None = new(null);
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
