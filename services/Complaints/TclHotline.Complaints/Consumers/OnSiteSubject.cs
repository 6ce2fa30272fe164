namespace TclHotline.Complaints.Consumers;

/// <summary>
/// Dispatch names an on-site commitment by its order: the order id, optionally followed by "/" or ":" and
/// a qualifier (a visit or a sequence number), so a moved or re-set commitment still names the order.
/// </summary>
public static class OnSiteSubject
{
    public static bool TryParseOrderId(string subjectId, out Guid orderId)
    {
        var end = subjectId.IndexOfAny(['/', ':']);
        return Guid.TryParse(end < 0 ? subjectId : subjectId[..end], out orderId);
    }
}
