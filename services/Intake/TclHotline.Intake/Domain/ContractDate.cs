using System.Globalization;

namespace TclHotline.Intake.Domain;

/// <summary>Dates as the gRPC contract writes them: "yyyy-MM-dd", Gregorian, whatever the culture.</summary>
public static class ContractDate
{
    private const string Format = "yyyy-MM-dd";

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
