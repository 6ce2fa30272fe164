using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using TclHotline.ServiceDefaults.Observability;

namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>
/// Turns domain outcomes into gRPC status codes so service classes stay thin; anything unexpected becomes
/// Internal with no detail (the detail goes to the log, never to the caller).
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    private RpcException? Map(Exception ex, ServerCallContext context) => ex switch
    {
        RpcException => null,
        NotFoundException e => new RpcException(new Status(StatusCode.NotFound, e.Message)),
        RuleViolationException e => new RpcException(new Status(StatusCode.FailedPrecondition, e.Message)),
        AccessDeniedException e => new RpcException(new Status(StatusCode.PermissionDenied, e.Message)),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => new RpcException(new Status(StatusCode.Cancelled, "cancelled")),
        _ => Internal(ex, context),
    };

    private RpcException Internal(Exception ex, ServerCallContext context)
    {
        // A database error's text can quote a customer's phone or name (a duplicate key, a truncated value).
        logger.LogError(Redact.DatabaseErrors(ex), "Unhandled error in {Method}", context.Method);
        return new RpcException(new Status(StatusCode.Internal, "internal error; see the service log"));
    }
}
