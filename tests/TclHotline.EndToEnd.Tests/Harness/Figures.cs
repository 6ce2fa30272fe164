using Xunit.Abstractions;

namespace TclHotline.EndToEnd.Tests.Harness;

/// <summary>What the suite tried, so the figures can be quoted: printed by every test into its output.</summary>
public sealed class Figures
{
    private long _calls;
    private long _faults;
    private long _malformed;
    private long _lost;
    private long _duplicated;

    public long Calls => Interlocked.Read(ref _calls);
    public long Faults => Interlocked.Read(ref _faults);
    public long Malformed => Interlocked.Read(ref _malformed);
    public long Lost => Interlocked.Read(ref _lost);
    public long Duplicated => Interlocked.Read(ref _duplicated);

    public void Call(int count = 1) => Interlocked.Add(ref _calls, count);
    public void Fault() => Interlocked.Increment(ref _faults);
    public void MalformedRequest(int count = 1) => Interlocked.Add(ref _malformed, count);
    public void Counted(long lost, long duplicated)
    {
        Interlocked.Add(ref _lost, lost);
        Interlocked.Add(ref _duplicated, duplicated);
    }

    public void Print(ITestOutputHelper output, string test) =>
        output.WriteLine($"[e2e figures after {test}] calls sent: {Calls}, faults injected: {Faults}, malformed requests: {Malformed}, lost: {Lost}, duplicated: {Duplicated}");
}
