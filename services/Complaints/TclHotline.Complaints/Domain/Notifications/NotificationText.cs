using System.Globalization;
using TclHotline.ServiceDefaults.Branches;

namespace TclHotline.Complaints.Domain.Notifications;

/// <summary>A notice rendered with its kind's template from configuration: the e-mail subject and the text both channels carry.</summary>
public sealed class NotificationText(NotificationOptions options, BranchCatalogue branches)
{
    public (string Subject, string Text) Render(Notification n)
    {
        var template = options.Templates.GetValueOrDefault(n.Kind) ?? options.DefaultTemplate;
        return (Fill(template.Subject, n), Fill(template.Text, n));
    }

    private string Fill(string template, Notification n)
    {
        var due = n.AcknowledgeDue is { } d
            ? TimeZoneInfo.ConvertTime(d, branches.TimeZoneOf(n.BranchCode)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "-";
        return template
            .Replace("{Title}", n.Title, StringComparison.Ordinal)
            .Replace("{Body}", n.Body, StringComparison.Ordinal)
            .Replace("{Owner}", n.Owner, StringComparison.Ordinal)
            .Replace("{Branch}", n.BranchCode, StringComparison.Ordinal)
            .Replace("{Level}", ((int)n.Level).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Kind}", n.Kind.ToString(), StringComparison.Ordinal)
            .Replace("{NotificationId}", n.Id.ToString("D"), StringComparison.Ordinal)
            .Replace("{AcknowledgeDue}", due, StringComparison.Ordinal);
    }
}
