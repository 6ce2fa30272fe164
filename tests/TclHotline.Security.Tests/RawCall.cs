using Google.Protobuf.Reflection;
using Grpc.Core;

namespace TclHotline.Security.Tests;

/// <summary>
/// Calls any RPC with an empty request through the generic CallInvoker, with bytes as messages (an empty
/// protobuf message is zero bytes), so every method is reachable without per-RPC code.
/// </summary>
public static class RawCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>The status the server answered with (OK when the call went through).</summary>
    public static async Task<RpcException?> EmptyAsync(CallInvoker invoker, MethodDescriptor descriptor, Metadata? headers = null)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, Bytes, Bytes);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var options = new CallOptions(headers, cancellationToken: cts.Token);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                        await call.ResponseStream.MoveNext(cts.Token);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseStream.MoveNext(cts.Token);
                    }
                    break;
            }
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }
}
