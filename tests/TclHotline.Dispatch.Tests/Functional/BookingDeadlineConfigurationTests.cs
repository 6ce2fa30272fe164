using TclHotline.Dispatch.Tests.Support;
using TclHotline.Messages;
using TclHotline.Messages.Sla;

namespace TclHotline.Dispatch.Tests.Functional;

/// <summary>The booking deadline's span comes from configuration.</summary>
public sealed class BookingDeadlineConfigurationTests : IAsyncLifetime
{
    private readonly DispatchService _service = new();

    public Task InitializeAsync() => _service.InitializeAsync([new("Dispatch:BookingWithin", "06:00:00")]);

    public Task DisposeAsync() => _service.DisposeAsync();

    [Fact]
    public async Task Rule02_booking_deadline_span_is_configured()
    {
        var order = DispatchService.Order(district: "430181", urban: false);

        await _service.PublishAsync(order);

        var deadline = await _service.AwaitAsync<DeadlineSet>(order.OrderId);
        Assert.Equal((DeadlineKinds.Booking, order.RegisteredAt.AddHours(6)), (deadline.Kind, deadline.DueAt));
    }
}
