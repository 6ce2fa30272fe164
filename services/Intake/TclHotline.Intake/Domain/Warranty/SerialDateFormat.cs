namespace TclHotline.Intake.Domain.Warranty;

public enum SerialPeriodKind
{
    Month,
    IsoWeek,
}

/// <summary>
/// Where a serial number holds its production year and month (or ISO week): 0-based character
/// positions and lengths, digits only. The default reads a TCL-like serial such as
/// <c>55P71C2403A00123</c>: characters 7–8 (index 6, length 2) are the year "24" = 2024 and
/// characters 9–10 (index 8, length 2) the month "03". It is a placeholder until the factory's
/// real layout is configured; a serial that does not fit gives no date, never a guessed one.
/// </summary>
public sealed class SerialDateFormat
{
    public int YearIndex { get; set; } = 6;

    /// <summary>2 (years 2000–2099) or 4.</summary>
    public int YearLength { get; set; } = 2;

    public int PeriodIndex { get; set; } = 8;

    public int PeriodLength { get; set; } = 2;

    public SerialPeriodKind PeriodKind { get; set; } = SerialPeriodKind.Month;
}
