namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>One outside delivery of a notice: e-mail to an address, or a group-robot webhook call to a URL.</summary>
public sealed record NotificationTarget(string Channel, string Target)
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}

/// <summary>Where a role's notices go outside the system, from configuration; a branch entry and a "*" entry both apply.</summary>
public sealed class NotificationRecipients(NotificationOptions options)
{
    public IReadOnlyList<NotificationTarget> For(string branchCode, string role)
    {
        var entries = options.Recipients.Values
            .Where(r => string.Equals(r.Role, role, StringComparison.Ordinal)
                && (r.Branch == "*" || string.Equals(r.Branch, branchCode, StringComparison.Ordinal)))
            .ToList();
        var emails = string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? []
            : entries.SelectMany(r => Split(r.Emails)).Select(e => new NotificationTarget(NotificationTarget.Email, e));
        var webhooks = entries.SelectMany(r => Split(r.Webhooks)).Select(w => new NotificationTarget(NotificationTarget.Webhook, w));
        return [.. emails.Concat(webhooks).Distinct()];
    }

    private static string[] Split(string list) =>
        list.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
