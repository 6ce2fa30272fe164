using System.Globalization;

namespace TclHotline.Intake.Domain.Warranty;

/// <summary>
/// Knows when a unit was made: the label date the agent read, else the serial number read with
/// the configured <see cref="SerialDateFormat"/>, else nothing.
/// </summary>
public sealed class ProductionDateReader
{
    private readonly SerialDateFormat format;

    public ProductionDateReader(SerialDateFormat format)
    {
        if (format.YearLength is not (2 or 4))
            throw new InvalidOperationException($"Serial year length must be 2 or 4, not {format.YearLength}.");
        if (format.YearIndex < 0 || format.PeriodIndex < 0 || format.PeriodLength is < 1 or > 2)
            throw new InvalidOperationException("Serial date positions must be non-negative and the period 1 or 2 digits long.");
        this.format = format;
    }

    /// <summary>The production period, or null when neither the label nor the serial tells it.</summary>
    public ProductionPeriod? Read(string? serialNumber, DateOnly? labelDate, DateOnly today) =>
        labelDate is { } label ? ProductionPeriod.FromLabel(label) : FromSerial(serialNumber, today);

    /// <summary>Null when the serial does not carry a readable date that is not after <paramref name="today"/>.</summary>
    private ProductionPeriod? FromSerial(string? serialNumber, DateOnly today)
    {
        if (serialNumber is null
            || !TryDigits(serialNumber, format.YearIndex, format.YearLength, out var year)
            || !TryDigits(serialNumber, format.PeriodIndex, format.PeriodLength, out var period))
            return null;
        if (format.YearLength == 2)
            year += 2000;
        var span = format.PeriodKind == SerialPeriodKind.Month ? MonthSpan(year, period) : WeekSpan(year, period);
        if (span is not { } known || known.First > today)
            return null;
        var (first, last) = known;
        return new ProductionPeriod(first, last < today ? last : today, ProductionDateSource.SerialNumber);
    }

    private static (DateOnly First, DateOnly Last)? MonthSpan(int year, int month)
    {
        if (month is < 1 or > 12 || year is < 1 or > 9999)
            return null;
        var first = new DateOnly(year, month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    private static (DateOnly First, DateOnly Last)? WeekSpan(int year, int week)
    {
        if (year is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            return null;
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return (monday, monday.AddDays(6));
    }

    private static bool TryDigits(string text, int index, int length, out int value)
    {
        value = 0;
        return index + length <= text.Length
            && int.TryParse(text.AsSpan(index, length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
