using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TclHotline.Complaints.Domain.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// E-mail over SMTP with MailKit. The Message-Id is derived from the notification id, so a resent mail is
/// recognisably the same mail to the receiver.
/// </summary>
public sealed class EmailChannel(NotificationOptions options, NotificationText text) : INotificationChannel
{
    public string Name => NotificationTarget.Email;

    public async Task SendAsync(Notification notification, string target, CancellationToken ct)
    {
        var smtp = options.Smtp;
        var (subject, body) = text.Render(notification);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(target));
        message.Subject = subject;
        message.MessageId = $"{notification.Id:N}@{Domain(smtp.From)}";
        message.Headers.Add(NotificationHeaders.NotificationId, notification.Id.ToString("D"));
        message.Date = notification.CreatedAt;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    private static string Domain(string address) => address.Contains('@', StringComparison.Ordinal) ? address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..] : "tclhotline.local";
}
