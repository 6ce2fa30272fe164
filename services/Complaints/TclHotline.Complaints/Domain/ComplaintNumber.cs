namespace TclHotline.Complaints.Domain;

/// <summary>
/// The number people read out on the phone: "TS-" + the filing date in the branch's time zone + the first
/// eight hex digits of the id. Derived, not counted, so no shared counter serialises filing.
/// </summary>
public static class ComplaintNumber
{
    public static string For(Guid id, DateTimeOffset filedAt, TimeZoneInfo zone) =>
        $"TS-{TimeZoneInfo.ConvertTime(filedAt, zone):yyyyMMdd}-{id.ToString("N")[..8].ToUpperInvariant()}";
}
