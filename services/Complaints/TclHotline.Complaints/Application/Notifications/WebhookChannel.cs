using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TclHotline.Complaints.Domain.Notifications;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// A group-robot webhook call in the JSON WeCom (企业微信) and DingTalk both accept:
/// {"msgtype":"text","text":{"content":"…"}} or {"msgtype":"markdown","markdown":{"content":"…"}}.
/// The notification id travels in a header and in the text. Both robots answer 200 with a non-zero
/// errcode when they refuse a message, so that counts as a failure too.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory clients, NotificationOptions options, NotificationText text) : INotificationChannel
{
    public const string HttpClientName = "notification-webhook";

    public string Name => NotificationTarget.Webhook;

    public async Task SendAsync(Notification notification, string target, CancellationToken ct)
    {
        var (subject, body) = text.Render(notification);
        var type = string.Equals(options.Webhook.MessageType, "markdown", StringComparison.OrdinalIgnoreCase) ? "markdown" : "text";
        var content = type == "markdown" ? $"### {subject}\n{body}" : $"{subject}\n{body}";
        var payload = new JsonObject
        {
            ["msgtype"] = type,
            [type] = new JsonObject { ["content"] = content },
        };

        using var client = clients.CreateClient(HttpClientName);
        client.Timeout = options.Webhook.Timeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = JsonContent.Create(payload) };
        request.Headers.Add(NotificationHeaders.NotificationId, notification.Id.ToString("D"));
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (ErrorCode(answer) is { } code and not 0)
        {
            throw new HttpRequestException($"The webhook refused the message: errcode {code}.");
        }
    }

    private static long? ErrorCode(string answer)
    {
        try
        {
            return JsonNode.Parse(answer) is JsonObject o && o["errcode"] is JsonValue v && v.TryGetValue<long>(out var code) ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
