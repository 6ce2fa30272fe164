namespace TclHotline.Returns.Domain;

/// <summary>What an old unit is worth in a rule-17 exchange, and what a top-up costs.</summary>
public sealed record ExchangeValuation(int AgeMonths, decimal ValuePercent, decimal DepreciatedValue, decimal? TopUp);

/// <summary>
/// Rule 17: the depreciation table gives the share of the purchase price an old unit keeps at its age in whole
/// months since purchase; a top-up exchange costs the new model's price less that value (never below zero).
/// </summary>
public sealed class Depreciation(DepreciationOptions options)
{
    public static readonly IReadOnlyList<DepreciationBand> DefaultTable =
    [
        new() { UpToMonths = 12, ValuePercent = 80m },
        new() { UpToMonths = 24, ValuePercent = 60m },
        new() { UpToMonths = 36, ValuePercent = 45m },
        new() { UpToMonths = 48, ValuePercent = 30m },
        new() { UpToMonths = 60, ValuePercent = 20m },
    ];

    private IReadOnlyList<DepreciationBand> Table => options.Table.Count > 0 ? options.Table : DefaultTable;

    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (months > 0 && LegalPeriod.LastDayOfMonths(from, months) > to) months--;
        return Math.Max(0, months);
    }

    public ExchangeValuation Value(decimal purchasePrice, DateOnly purchasedOn, DateOnly today, decimal? newModelPrice)
    {
        var age = WholeMonths(purchasedOn, today);
        var percent = Table.OrderBy(b => b.UpToMonths).FirstOrDefault(b => age <= b.UpToMonths)?.ValuePercent ?? options.FloorPercent;
        var value = Math.Round(purchasePrice * percent / 100m, 2, MidpointRounding.AwayFromZero);
        decimal? topUp = newModelPrice is { } price ? Math.Max(0m, price - value) : null;
        return new ExchangeValuation(age, percent, value, topUp);
    }
}
