using Grpc.Core;

namespace TclHotline.Returns.Tests.Functional;

/// <summary>What a refused call says: its status, and the fields it names.</summary>
public static class Refusals
{
    public static async Task<RpcException> RefusedAsync(StatusCode expected, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, e.StatusCode);
        return e;
    }

    /// <summary>INVALID_ARGUMENT naming exactly <paramref name="field"/> among its invalid fields.</summary>
    public static async Task<RpcException> InvalidFieldAsync(string field, Func<Task> call)
    {
        var e = await RefusedAsync(StatusCode.InvalidArgument, call);
        Assert.Contains(field, (e.Trailers.GetValue("invalid-fields") ?? "").Split(','));
        Assert.Contains(field, e.Status.Detail);
        return e;
    }
}
