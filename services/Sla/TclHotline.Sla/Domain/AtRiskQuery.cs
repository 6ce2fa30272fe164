using TclHotline.ServiceDefaults.Grpc;

namespace TclHotline.Sla.Domain;

/// <summary>
/// A checked ListAtRisk request: which deadlines count (warned or breached, still open), in which
/// branch and kinds, after which position, and how many per page. The database query applies the
/// same predicate and order; this is their definition.
/// </summary>
public sealed record AtRiskQuery(DeadlineFilter Filter, int PageSize, AtRiskPosition? After)
{
    /// <summary>Checks the request fields; errors are keyed by their proto field name.</summary>
    public static (AtRiskQuery? Query, IReadOnlyDictionary<string, string> Errors) From(
        string? branchCode, IEnumerable<string> kinds, int pageSize, string? pageToken, SlaOptions options)
    {
        var errors = new Dictionary<string, string>();
        var kindList = kinds.ToList();
        if (kindList.Any(string.IsNullOrWhiteSpace))
        {
            errors["kinds"] = "must not contain an empty kind";
        }

        if (pageSize < 0)
        {
            errors["page_size"] = "must not be negative";
        }

        AtRiskPosition? after = null;
        if (!string.IsNullOrEmpty(pageToken) && (after = AtRiskPosition.FromPageToken(pageToken)) is null)
        {
            errors[PageToken.Field] = PageToken.Problem;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var size = pageSize == 0 ? options.AtRiskDefaultPageSize : Math.Min(pageSize, options.AtRiskMaxPageSize);
        return (new AtRiskQuery(DeadlineFilter.From(branchCode, kindList), size, after), errors);
    }

    public static AtRiskLevel? LevelOf(Deadline d) => d.State switch
    {
        DeadlineState.Breached => AtRiskLevel.Breached,
        DeadlineState.Pending when d.WarnedFraction > 0 => AtRiskLevel.Warned,
        _ => null,
    };

    public bool Includes(Deadline d) =>
        LevelOf(d) is not null
        && Filter.Matches(d.BranchCode, d.Kind)
        && (After is null || AtRiskPosition.Of(d).CompareTo(After) > 0);
}
