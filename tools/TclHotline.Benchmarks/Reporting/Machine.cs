using System.Globalization;

namespace TclHotline.Benchmarks.Reporting;

/// <summary>What a figure depends on besides the code: cores and how busy the box was.</summary>
public static class Machine
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, load average {LoadAverage()} (1/5/15 min) at the end of the run";

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" / ", parts.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>CPU time of a process so far: utime + stime in clock ticks (fields 14 and 15 of /proc/&lt;pid&gt;/stat, after the command name).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Peak resident memory of a process (VmHWM in /proc), in MB.</summary>
    public static double PeakRssMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        return double.NaN;
    }
}
