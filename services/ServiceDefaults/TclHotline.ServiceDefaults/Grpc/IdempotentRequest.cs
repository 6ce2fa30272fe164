using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TclHotline.ServiceDefaults.Security;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>
/// A request that carries an idempotency key. Its reply is stored under (operation, key) with a hash of
/// who asked and what they asked, so a repeat replays the first reply only for the same caller and the same
/// request; anything else with that key is refused (ALREADY_EXISTS naming idempotency_key) instead of being
/// answered with a reply that belongs to another request. Check the caller's access before replaying
/// (<see cref="Database.UnitOfWork.ReplayAsync{T}"/>), as for a first request.
/// </summary>
public sealed class IdempotentRequest
{
    public const string Field = "idempotency_key";

    /// <summary>The width of idempotency_records.idempotency_key (NVARCHAR(200)); a longer key never reaches SQL.</summary>
    public const int MaxKeyLength = 200;

    private IdempotentRequest(string operation, string key, byte[] hash)
    {
        Operation = operation;
        Key = key;
        Hash = hash;
    }

    public string Operation { get; }
    public string Key { get; }

    /// <summary>SHA-256 of the caller's subject and the request's protobuf bytes.</summary>
    public byte[] Hash { get; }

    /// <summary>Null when the request has no key (it is then simply not idempotent); a too long key is refused.</summary>
    public static IdempotentRequest? For(ServerCallContext call, string operation, string? key, IMessage request) =>
        For(Caller.From(call), operation, key, request);

    public static IdempotentRequest? For(Caller caller, string operation, string? key, IMessage request)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var errors = new FieldErrors();
        CheckKey(errors, key);
        errors.ThrowIfAny();
        var subject = Encoding.UTF8.GetBytes(caller.UserId);
        var body = request.ToByteArray();
        // The subject's length first, so no subject/body split can collide with another.
        var input = new byte[4 + subject.Length + body.Length];
        BitConverter.TryWriteBytes(input.AsSpan(0, 4), subject.Length);
        subject.CopyTo(input, 4);
        body.CopyTo(input, 4 + subject.Length);
        return new IdempotentRequest(operation, key, SHA256.HashData(input));
    }

    /// <summary>For validators that collect every bad field: the key's length, under the field's own name.</summary>
    public static void CheckKey(FieldErrors errors, string? key, string field = Field) => errors.MaxLength(field, key, MaxKeyLength);

    /// <summary>The refusal of a key already used by another caller or for another request (says neither which).</summary>
    public static RpcException Conflict() => new(
        new Status(StatusCode.AlreadyExists, $"{Field} was already used for a different request; use a new key"),
        new Metadata { { "invalid-fields", Field } });

    internal bool Matches(byte[]? stored) =>
        // Replies stored before hashes were kept have none: they replay as they always did.
        stored is null || CryptographicOperations.FixedTimeEquals(stored, Hash);
}
