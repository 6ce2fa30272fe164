using System.Globalization;

namespace TclHotline.ServiceDefaults.Time;

/// <summary>
/// Test-only time source: the system clock, optionally moved to a chosen start instant, plus an offset read from
/// a file that every process of a test run shares, so one test can move time forward for all services at once
/// (e.g. across the 24-hour commitment). The file holds the offset in whole milliseconds; it is re-read at most
/// every 100 ms.
/// </summary>
public sealed class ControlledClock : TimeProvider
{
    private readonly string? _offsetFile;
    private readonly TimeSpan _start;
    private readonly object _gate = new();
    private long _offsetMs;
    private long _readAtTicks = -1_000_000;

    /// <param name="offsetFile">The shared offset file, if any.</param>
    /// <param name="startAt">
    /// The instant the clock reads at <paramref name="startedAt"/> (real time, default: now); from there it runs
    /// forward in real time, so timers and scanners still fire. Tests that reason about shifts, night windows or
    /// business days pick this instant instead of depending on the hour they run at.
    /// </param>
    /// <param name="startedAt">The real instant that <paramref name="startAt"/> stands for: clocks given the same
    /// pair agree, wherever and whenever they were created.</param>
    public ControlledClock(string? offsetFile = null, DateTimeOffset? startAt = null, DateTimeOffset? startedAt = null)
    {
        _offsetFile = offsetFile;
        _start = startAt is { } at ? at - (startedAt ?? System.GetUtcNow()) : TimeSpan.Zero;
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().Add(_start).AddMilliseconds(Offset());

    private long Offset()
    {
        if (_offsetFile is null) return 0;
        var now = Environment.TickCount64;
        lock (_gate)
        {
            if (now - _readAtTicks < 100) return _offsetMs;
            _readAtTicks = now;
            try
            {
                var text = File.Exists(_offsetFile) ? File.ReadAllText(_offsetFile).Trim() : "";
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
