namespace TclHotline.Sla.Domain;

/// <summary>The SLA timer's settings (configuration section "Sla").</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>
    /// Shares of a deadline's span at which a warning is published, each strictly between 0 and 1.
    /// Null means the documented default (0.5, 0.8): an array default would be appended to, not
    /// replaced, by configuration binding.
    /// </summary>
    public double[]? WarningFractions { get; set; }

    public static IReadOnlyList<double> DefaultWarningFractions { get; } = [0.5, 0.8];

    /// <summary>ListAtRisk page size when the request leaves it at 0.</summary>
    public int AtRiskDefaultPageSize { get; set; } = 50;

    /// <summary>ListAtRisk never returns more than this per page.</summary>
    public int AtRiskMaxPageSize { get; set; } = 500;
}
