using System.Globalization;

namespace TclHotline.ServiceDefaults.Time;

/// <summary>
/// Test-only time source: the system clock plus an offset read from a file that every process of a test run
/// shares, so one test can move time forward for all services at once (e.g. across the 24-hour commitment).
/// The file holds the offset in whole milliseconds; it is re-read at most every 100 ms.
/// </summary>
public sealed class ControlledClock(string offsetFile) : TimeProvider
{
    private readonly object _gate = new();
    private long _offsetMs;
    private long _readAtTicks = -1_000_000;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddMilliseconds(Offset());

    private long Offset()
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            if (now - _readAtTicks < 100) return _offsetMs;
            _readAtTicks = now;
            try
            {
                var text = File.Exists(offsetFile) ? File.ReadAllText(offsetFile).Trim() : "";
                _offsetMs = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : _offsetMs;
            }
            catch (IOException) { /* being rewritten: keep the last offset */ }
            return _offsetMs;
        }
    }

    /// <summary>Moves every process sharing <paramref name="offsetFile"/> forward (used by tests).</summary>
    public static void Advance(string offsetFile, TimeSpan by)
    {
        var current = File.Exists(offsetFile) && long.TryParse(File.ReadAllText(offsetFile).Trim(), out var ms) ? ms : 0;
        var temp = offsetFile + ".tmp";
        File.WriteAllText(temp, (current + (long)by.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        File.Move(temp, offsetFile, overwrite: true);
    }
}
