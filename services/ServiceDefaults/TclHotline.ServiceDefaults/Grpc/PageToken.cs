using System.Buffers.Text;
using System.Text.Json;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>
/// The page token of every list: a keyset cursor, the sort key of the last item a page returned, so the next
/// page starts after that item however many rows were added or removed in between (an offset would repeat or
/// skip them). Opaque to clients: base64url of the list's name and the key as JSON. A token that is not one,
/// or that another list returned, is refused naming <c>page_token</c>.
/// </summary>
public static class PageToken
{
    public const string Field = "page_token";
    public const string Problem = "is not a token this list returned";

    // A key with a missing or null member is not a key this service wrote.
    private static readonly JsonSerializerOptions Json = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <param name="list">The list the token belongs to (its RPC): a token of another list is refused.</param>
    /// <param name="after">The sort key of the page's last item, a record.</param>
    public static string Encode<TKey>(string list, TKey after) where TKey : class =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<TKey>(list, after), Json));

    /// <summary>
    /// The key a token carries: <paramref name="after"/> is null for no token (the first page). False when the
    /// token is malformed or belongs to another list.
    /// </summary>
    public static bool TryDecode<TKey>(string list, string? token, out TKey? after) where TKey : class
    {
        after = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<TKey>>(Base64Url.DecodeFromChars(token), Json);
            if (envelope?.List != list || envelope.After is null)
            {
                return false;
            }

            after = envelope.After;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>As <see cref="TryDecode{TKey}"/>, adding the refusal of a bad token to <paramref name="errors"/>.</summary>
    public static TKey? Decode<TKey>(string list, string? token, FieldErrors errors) where TKey : class
    {
        if (TryDecode<TKey>(list, token, out var after))
        {
            return after;
        }

        errors.Add(Field, Problem);
        return null;
    }

    /// <summary>Throws INVALID_ARGUMENT naming <c>page_token</c> for a bad token.</summary>
    public static TKey? Decode<TKey>(string list, string? token) where TKey : class
    {
        var errors = new FieldErrors();
        var after = Decode<TKey>(list, token, errors);
        errors.ThrowIfAny();
        return after;
    }

    /// <summary>
    /// A page of <paramref name="rows"/> read with one row more than <paramref name="size"/>: that row says
    /// another page follows, whose token is the key of this page's last item ("" when none follows).
    /// </summary>
    public static (List<T> Items, string NextPageToken) Page<T, TKey>(string list, IReadOnlyList<T> rows, int size, Func<T, TKey> keyOf)
        where TKey : class
    {
        var items = rows.Take(size).ToList();
        return (items, rows.Count > size ? Encode(list, keyOf(items[^1])) : "");
    }

    private sealed record Envelope<TKey>(string List, TKey After) where TKey : class;
}
