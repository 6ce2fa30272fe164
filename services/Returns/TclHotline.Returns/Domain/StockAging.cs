namespace TclHotline.Returns.Domain;

/// <summary>
/// Rule 23: a unit still in a dealer's stock more than the configured months after delivery is 滞销机. Months
/// are counted as the law counts them: the period ends on the same date N months later (or that month's last
/// day), and the unit is aging from the next day on.
/// </summary>
public sealed class StockAging(StockOptions options)
{
    public int Months => options.AgingMonths;

    public DateOnly AgingFrom(DateOnly deliveredOn) => LegalPeriod.LastDayOfMonths(deliveredOn, options.AgingMonths).AddDays(1);

    public bool IsAging(DateOnly deliveredOn, DateOnly today) => today >= AgingFrom(deliveredOn);

    /// <summary>The last delivery day that is aging on <paramref name="today"/>, for a query.</summary>
    public DateOnly LatestAgingDelivery(DateOnly today)
    {
        // Walk back from the day N months ago: month ends make the inverse of AddMonths not exact.
        var candidate = today.AddMonths(-options.AgingMonths);
        while (!IsAging(candidate, today)) candidate = candidate.AddDays(-1);
        while (IsAging(candidate.AddDays(1), today)) candidate = candidate.AddDays(1);
        return candidate;
    }
}
