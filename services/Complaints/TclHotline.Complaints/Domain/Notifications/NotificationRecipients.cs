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
        var entries = options.Recipients
            .Where(r => string.Equals(r.Role, role, StringComparison.Ordinal)
                && (r.Branch == "*" || string.Equals(r.Branch, branchCode, StringComparison.Ordinal)))
            .ToList();
        var emails = string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? []
            : entries.SelectMany(r => r.Emails).Select(e => new NotificationTarget(NotificationTarget.Email, e.Trim()));
        var webhooks = entries.SelectMany(r => r.Webhooks).Select(w => new NotificationTarget(NotificationTarget.Webhook, w.Trim()));
        return [.. emails.Concat(webhooks).Where(t => t.Target.Length > 0).Distinct()];
    }
}
