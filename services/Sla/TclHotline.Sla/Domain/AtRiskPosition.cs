using System.Buffers.Text;
using System.Text.Json;

namespace TclHotline.Sla.Domain;

/// <summary>
/// Where a deadline sorts in ListAtRisk: oldest first, meaning earliest StartsAt (when the promise
/// began), then owner, subject and kind so the order is total and pages never skip or repeat.
/// Encoded as the opaque page token.
/// </summary>
public sealed record AtRiskPosition(DateTimeOffset StartsAt, string Owner, string SubjectId, string Kind)
    : IComparable<AtRiskPosition>
{
    public static AtRiskPosition Of(Deadline d) =>
        new(d.StartsAt ?? throw new ArgumentException($"Deadline {d.Key} has no start yet.", nameof(d)), d.Owner, d.SubjectId, d.Kind);

    public int CompareTo(AtRiskPosition? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byStart = StartsAt.CompareTo(other.StartsAt);
        if (byStart != 0)
        {
            return byStart;
        }

        var byOwner = string.CompareOrdinal(Owner, other.Owner);
        if (byOwner != 0)
        {
            return byOwner;
        }

        var bySubject = string.CompareOrdinal(SubjectId, other.SubjectId);
        return bySubject != 0 ? bySubject : string.CompareOrdinal(Kind, other.Kind);
    }

    public string ToPageToken() =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Token(StartsAt.UtcTicks, Owner, SubjectId, Kind)));

    public static AtRiskPosition? FromPageToken(string pageToken)
    {
        try
        {
            var token = JsonSerializer.Deserialize<Token>(Base64Url.DecodeFromChars(pageToken));
            return token is { Owner: not null, SubjectId: not null, Kind: not null } && token.StartsAtUtcTicks >= 0 && token.StartsAtUtcTicks <= DateTimeOffset.MaxValue.UtcTicks
                ? new AtRiskPosition(new DateTimeOffset(token.StartsAtUtcTicks, TimeSpan.Zero), token.Owner, token.SubjectId, token.Kind)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Token(long StartsAtUtcTicks, string? Owner, string? SubjectId, string? Kind);
}
