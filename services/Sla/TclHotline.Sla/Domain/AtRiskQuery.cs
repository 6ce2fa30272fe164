using TclHotline.ServiceDefaults.Grpc;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Sla.Domain;

/// <summary>
/// A checked ListAtRisk request: which deadlines count (warned or breached, still open), in which
/// branch and kinds, after which position, and how many per page. The database query applies the
/// same predicate and order; this is their definition.
/// </summary>
public sealed record AtRiskQuery(DeadlineFilter Filter, int PageSize, AtRiskPosition? After)
{
    /// <summary>Checks the request fields; errors name their proto field.</summary>
    public static (AtRiskQuery? Query, FieldErrors Errors) From(
        string? branchCode, IEnumerable<string> kinds, int pageSize, string? pageToken, SlaOptions options)
    {
        var errors = new FieldErrors();
        var kindList = kinds.ToList();
        if (kindList.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("kinds", "must not contain an empty kind");
        }

        errors.NotNegative("page_size", pageSize);

        AtRiskPosition? after = null;
        if (!string.IsNullOrEmpty(pageToken) && (after = AtRiskPosition.FromPageToken(pageToken)) is null)
        {
            errors.Add(PageToken.Field, PageToken.Problem);
        }

        if (errors.Any)
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
