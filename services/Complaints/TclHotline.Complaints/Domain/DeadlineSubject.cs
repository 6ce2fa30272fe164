using System.Globalization;

namespace TclHotline.Complaints.Domain;

/// <summary>
/// The SLA subject of one complaint deadline: "{complaint id}/{n}". Every fresh deadline (after an
/// escalation or a reopening) gets a new n, so it never collides with a met, breached or cancelled
/// deadline the timer keeps as a tombstone, and a breach of a replaced deadline is recognisably stale.
/// </summary>
public static class DeadlineSubject
{
    private const char Separator = '/';

    public static string Format(Guid complaintId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{complaintId:D}{Separator}{sequence}");

    public static bool TryParseComplaintId(string subjectId, out Guid complaintId)
    {
        complaintId = Guid.Empty;
        var at = subjectId.LastIndexOf(Separator);
        return at > 0
            && int.TryParse(subjectId.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && Guid.TryParseExact(subjectId.AsSpan(0, at), "D", out complaintId);
    }
}
