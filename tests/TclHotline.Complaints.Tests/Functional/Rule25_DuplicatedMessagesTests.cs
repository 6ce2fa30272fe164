using TclHotline.Complaints.Tests.Support;
using TclHotline.Messages.Dispatch;
using TclHotline.Testing;

namespace TclHotline.Complaints.Tests.Functional;

/// <summary>A notifications host whose outbox publishes every message twice (the test-only fault).</summary>
public sealed class DuplicatingHost : IAsyncLifetime
{
    public NotificationsHost Service { get; } = new() { Settings = [new("Messaging:DuplicateDeliveries", "true")] };

    public Task InitializeAsync() => Service.InitializeAsync();

    public Task DisposeAsync() => Service.DisposeAsync();
}

/// <summary>Rule 25 at least once, never twice: every event and every delivery request arrives twice, each owner is told once.</summary>
public sealed class Rule25_DuplicatedMessagesTests(DuplicatingHost duplicating) : IClassFixture<DuplicatingHost>
{
    private readonly NotificationsHost _service = duplicating.Service;

    [Fact]
    public async Task Rule25_escalations_and_delivery_requests_delivered_twice_make_one_notice_one_mail_and_one_robot_call_each()
    {
        var orders = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var order in orders)
        {
            await _service.PublishAsync(new DispatchEscalated(Guid.NewGuid(), order, NotificationsHost.Shenzhen, Desk.Director,
                "no engineer can arrive before the commitment", DateTimeOffset.UtcNow.AddHours(3), DateTimeOffset.UtcNow));
        }

        foreach (var order in orders)
        {
            var notice = Assert.Single(await _service.NoticesEventuallyAsync(order.ToString("D"), 1));
            await Eventually.Until(
                () => Task.FromResult(_service.MailsOf(notice.NotificationId).Count >= 1 && _service.RobotCallsOf(notice.NotificationId).Count >= 1),
                what: "the mail and robot call");
        }

        await Task.Delay(2500); // every second copy and a few retry rounds have passed
        foreach (var order in orders)
        {
            var notice = Assert.Single(await _service.NoticesAboutAsync(order.ToString("D")));
            Assert.Single(_service.MailsOf(notice.NotificationId));
            Assert.Single(_service.RobotCallsOf(notice.NotificationId));
        }
    }
}
