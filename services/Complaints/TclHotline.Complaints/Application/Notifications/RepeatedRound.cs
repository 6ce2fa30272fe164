using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TclHotline.Complaints.Application.Notifications;

/// <summary>
/// Work done in rounds at an interval for as long as the service runs. A failed round is logged and the next
/// one tries again: everything a round does is decided from the database, so nothing is lost in between.
/// </summary>
public abstract class RepeatedRound(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "A round of {Work} failed; trying again next round", GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
