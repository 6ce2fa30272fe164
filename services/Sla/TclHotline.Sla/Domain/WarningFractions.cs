namespace TclHotline.Sla.Domain;

/// <summary>The configured warning fractions, checked and sorted ascending.</summary>
public sealed class WarningFractions
{
    private WarningFractions(IReadOnlyList<double> ascending) => Ascending = ascending;

    public IReadOnlyList<double> Ascending { get; }

    public static WarningFractions From(SlaOptions options)
    {
        var configured = options.WarningFractions ?? SlaOptions.DefaultWarningFractions;
        var bad = configured.Where(f => double.IsNaN(f) || f <= 0 || f >= 1).ToList();
        if (bad.Count > 0)
        {
            throw new ArgumentException(
                $"Sla:WarningFractions must each be strictly between 0 and 1; bad: {string.Join(", ", bad)}",
                nameof(options));
        }

        if (configured.Distinct().Count() != configured.Count)
        {
            throw new ArgumentException("Sla:WarningFractions must not repeat a fraction.", nameof(options));
        }

        return new WarningFractions(configured.Order().ToArray());
    }
}
