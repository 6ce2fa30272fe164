namespace TclHotline.Intake.Domain.Warranty;

public enum ProductionDateSource
{
    Unspecified = 0,
    Label = 1,
    SerialNumber = 2,
}

/// <summary>
/// When a unit was made. A label gives a day; a serial only a month or week, so the period keeps
/// both ends and each rule uses the end that does not hurt the customer.
/// </summary>
public sealed record ProductionPeriod(DateOnly FirstDay, DateOnly LastDay, ProductionDateSource Source)
{
    public static ProductionPeriod FromLabel(DateOnly date) => new(date, date, ProductionDateSource.Label);
}
