namespace TclHotline.Testing;

/// <summary>Waits for something asynchronous (an event through the bus, a timer) to become true.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}; last value: {last}");
            await Task.Delay(100);
        }
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null) =>
        Until(probe, ok => ok, timeout, what);
}
