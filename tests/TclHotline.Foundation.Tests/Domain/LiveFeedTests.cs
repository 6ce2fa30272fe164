using Microsoft.Extensions.Options;
using TclHotline.ServiceDefaults.Feeds;
using TclHotline.ServiceDefaults.Messaging;
using Xunit;

namespace TclHotline.Foundation.Tests.Domain;

/// <summary>The one live feed behind every watch stream, in one process (the embedded mode).</summary>
public sealed class LiveFeedTests
{
    private sealed record Change(string Branch, int Number);

    private static LiveFeed<Change> Feed(string transport = "InMemory") =>
        new(c => c.Branch, new LiveFeedRelay(Options.Create(new MessagingOptions { Transport = transport })));

    [Fact]
    public void A_watcher_gets_the_items_of_its_key_that_pass_its_filter_and_a_watcher_of_every_key_gets_all()
    {
        var feed = Feed();
        using var cs = feed.Subscribe("CS", 10);
        using var csEven = feed.Subscribe("CS", 10, c => c.Number % 2 == 0);
        using var everything = feed.Subscribe(null, 10);

        feed.Publish(new Change("CS", 1));
        feed.Publish(new Change("WH", 2));
        feed.Publish(new Change("CS", 4));

        Assert.Equal([1, 4], Drain(cs));
        Assert.Equal([4], Drain(csEven));
        Assert.Equal([1, 2, 4], Drain(everything));
    }

    [Fact]
    public void A_watcher_that_does_not_read_loses_its_oldest_items_and_holds_up_neither_the_publisher_nor_the_others()
    {
        var feed = Feed();
        using var stuck = feed.Subscribe("CS", 3);
        using var reading = feed.Subscribe("CS", 1000);

        // Publish never waits: with a full buffer behind it, all 1,000 go out at once.
        for (var i = 1; i <= 1000; i++)
        {
            feed.Publish(new Change("CS", i));
        }

        Assert.Equal(Enumerable.Range(1, 1000), Drain(reading));
        Assert.Equal([998, 999, 1000], Drain(stuck));
    }

    [Fact]
    public async Task A_disposed_watcher_ends_its_stream_and_gets_nothing_more()
    {
        var feed = Feed();
        var gone = feed.Subscribe("CS", 10);
        using var staying = feed.Subscribe("CS", 10);
        feed.Publish(new Change("CS", 1));

        gone.Dispose();
        gone.Dispose(); // twice is harmless
        feed.Publish(new Change("CS", 2));

        Assert.Equal([1], Drain(gone));
        Assert.True(gone.Items.Completion.IsCompleted);
        await gone.Items.Completion;
        Assert.Equal([1, 2], Drain(staying));
    }

    [Fact]
    public void With_the_in_memory_bus_nothing_is_relayed_and_with_RabbitMq_every_item_is()
    {
        var inMemory = new LiveFeedRelay(Options.Create(new MessagingOptions { Transport = "InMemory" }));
        var rabbit = new LiveFeedRelay(Options.Create(new MessagingOptions { Transport = "RabbitMq" }));
        new LiveFeed<Change>(c => c.Branch, inMemory).Publish(new Change("CS", 1));
        new LiveFeed<Change>(c => c.Branch, rabbit).Publish(new Change("CS", 1));

        Assert.Null(inMemory.Outgoing);
        Assert.True(rabbit.Outgoing!.TryRead(out var relayed));
        Assert.Equal(new Change("CS", 1), relayed);
    }

    private static List<int> Drain(LiveSubscription<Change> subscription)
    {
        var numbers = new List<int>();
        while (subscription.Items.TryRead(out var change))
        {
            numbers.Add(change.Number);
        }

        return numbers;
    }
}
