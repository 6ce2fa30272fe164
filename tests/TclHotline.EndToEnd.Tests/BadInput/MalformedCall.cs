using Grpc.Core;

namespace TclHotline.EndToEnd.Tests.BadInput;

/// <summary>One malformed request and the answer it must get: a status and, for InvalidArgument, the fields named.</summary>
public sealed record MalformedCall(string Name, Func<Task> Send, StatusCode Expected, params string[] Fields)
{
    public override string ToString() => Name;

    /// <summary>Sends it; returns what was wrong with the answer, or null when it was the right one.</summary>
    public async Task<string?> CheckAsync()
    {
        try
        {
            await Send();
            return $"{Name}: accepted, expected {Expected}";
        }
        catch (RpcException e)
        {
            if (e.StatusCode != Expected) return $"{Name}: {e.StatusCode} ({e.Status.Detail}), expected {Expected}";
            var missing = Fields.Where(f => !e.Status.Detail.Contains(f, StringComparison.Ordinal)).ToList();
            return missing.Count == 0 ? null : $"{Name}: detail '{e.Status.Detail}' does not name {string.Join(", ", missing)}";
        }
    }
}
