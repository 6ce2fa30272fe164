using TclHotline.ServiceDefaults.Grpc;

namespace TclHotline.Sla.Domain;

/// <summary>
/// Where a deadline sorts in ListAtRisk: oldest first, meaning earliest StartsAt (when the promise
/// began), then owner, subject and kind so the order is total and pages never skip or repeat.
/// Encoded as the opaque page token.
/// </summary>
public sealed record AtRiskPosition(DateTimeOffset StartsAt, string Owner, string SubjectId, string Kind)
    : IComparable<AtRiskPosition>
{
    private const string List = "sla.at-risk.list";

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

    public string ToPageToken() => PageToken.Encode(List, this);

    /// <summary>Null when the token is not one ListAtRisk returned.</summary>
    public static AtRiskPosition? FromPageToken(string pageToken) =>
        PageToken.TryDecode<AtRiskPosition>(List, pageToken, out var after) ? after : null;
}
