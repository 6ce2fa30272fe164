using System.Globalization;
using System.Text;

namespace TclHotline.Benchmarks.Reporting;

/// <summary>
/// One benchmark's figures as a markdown table headed by the machine (cores, load), so runs on
/// different days compare; printed and appended to a results file for docs/PERFORMANCE.md.
/// </summary>
public sealed class ResultTable(string title)
{
    private readonly List<(string Metric, string Value, string Target)> _rows = [];

    public void Add(string metric, string value, string target = "") => _rows.Add((metric, value, target));

    public void Add(string metric, double value, string unit, string target = "") =>
        Add(metric, double.IsNaN(value) ? "n/a" : value.ToString(value >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture) + unit, target);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("| Metric | Value | Target |");
        text.AppendLine("|---|---|---|");
        foreach (var (metric, value, target) in _rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {value} | {target} |");
        return text.ToString();
    }

    /// <summary>Prints the table and appends it to BENCH_RESULTS (default bench-results.md in the current folder).</summary>
    public void Publish()
    {
        var markdown = ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var file = Environment.GetEnvironmentVariable("BENCH_RESULTS") is { Length: > 0 } path ? path : "bench-results.md";
        File.AppendAllText(file, markdown + Environment.NewLine);
    }
}
