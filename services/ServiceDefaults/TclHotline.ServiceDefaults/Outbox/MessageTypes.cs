using System.Collections.Frozen;
using System.Text.Json;
using TclHotline.Messages;

namespace TclHotline.ServiceDefaults.Outbox;

/// <summary>The bus messages, by the name stored in the outbox (their full type name).</summary>
public static class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> ByName = typeof(DeadlineOwners).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Namespace?.StartsWith("TclHotline.Messages.", StringComparison.Ordinal) == true)
        .ToFrozenDictionary(t => t.FullName!, t => t);

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.FullName ?? "")
            ? type.FullName!
            : throw new ArgumentException($"{type.FullName} is not a message of TclHotline.Messages.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown message type '{name}' in the outbox.");
}
