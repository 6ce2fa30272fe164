using TclHotline.Dispatch.Domain.Planning;

namespace TclHotline.Dispatch.Domain.Completion;

/// <summary>What the engineer records about a completed visit's fee and days, as typed in.</summary>
/// <param name="Fee">Null when the engineer left it blank: the last estimate is charged.</param>
/// <param name="Exclusion">UserDamage | Appearance, or null.</param>
public sealed record CompletionClaim(
    decimal? Fee,
    bool CustomerDeclined,
    string ChargeReason,
    IReadOnlyList<string> ExtraParts,
    string? Exclusion,
    int DaysInRepair,
    int DaysWaitingForParts);

/// <summary>
/// Checks a completion against the rules and the last estimate before anything is stored (rules 5, 9, 13, 14):
/// days within range; nothing charged for a declined repair; an in-warranty (free) repair charged only for a
/// documented exclusion; more than the estimate only with a reason and the extra parts. Each problem names the
/// request field. The settlement itself is intake's, which owns the fee decisions.
/// </summary>
public static class CompletionCheck
{
    public const string FeeField = "completion.fee_charged_yuan";

    /// <summary>Problems found in the request alone, before the order is read.</summary>
    public static IReadOnlyList<DispatchProblem> Fields(CompletionClaim claim, DispatchOptions options)
    {
        var problems = new List<DispatchProblem>();
        if (claim.DaysInRepair < 0 || claim.DaysInRepair > options.CompletionDaysMax)
            problems.Add(new("completion.days_in_repair", $"must lie in 0…{options.CompletionDaysMax}"));
        if (claim.DaysWaitingForParts < 0 || claim.DaysWaitingForParts > options.CompletionDaysMax)
            problems.Add(new("completion.days_waiting_for_parts", $"must lie in 0…{options.CompletionDaysMax}"));
        if (claim.CustomerDeclined && claim.Fee is > 0)
            problems.Add(new(FeeField, "must be 0 when the customer declined the repair: nothing is charged, not even the inspection (rule 14)"));
        if (claim.Exclusion is { } exclusion && !options.Exclusions.Contains(exclusion))
            problems.Add(new("completion.warranty_exclusion", $"is not one of the documented exclusions ({string.Join(", ", options.Exclusions)})"));
        return problems;
    }

    /// <summary>The fee to charge, or the problems with it, against the last estimate (null while none has arrived).</summary>
    public static (decimal Fee, IReadOnlyList<DispatchProblem> Problems) Against(CompletionClaim claim, FeeQuote? quote)
    {
        if (claim.CustomerDeclined)
            return (0m, []);
        if (quote is null)
            return (claim.Fee ?? 0m, []);
        var fee = claim.Fee ?? (quote.Chargeable ? quote.Total : 0m);
        var problems = new List<DispatchProblem>();
        if (!quote.Chargeable && fee > 0 && claim.Exclusion is null)
            problems.Add(new(FeeField, "must be 0: the repair is in warranty and free unless a documented completion.warranty_exclusion is recorded"));
        if (quote.Chargeable && fee > quote.Total)
        {
            if (string.IsNullOrWhiteSpace(claim.ChargeReason))
                problems.Add(new("completion.charge_reason", $"is required to charge more than the estimate of {quote.Total} yuan"));
            if (claim.ExtraParts.Count == 0)
                problems.Add(new("completion.extra_parts", $"are required to charge more than the estimate of {quote.Total} yuan"));
            if (problems.Count > 0)
                problems.Insert(0, new(FeeField, $"is more than the last estimate of {quote.Total} yuan"));
        }
        return (fee, problems);
    }
}
