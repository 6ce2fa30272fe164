using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TclHotline.Grpc.Returns.V1;

namespace TclHotline.Cli;

/// <summary>One delivery read from the file, with the line it came from.</summary>
public sealed record DeliveryLine(int Line, RecordDeliveryRequest Delivery);

/// <summary>
/// A CSV file of deliveries to dealers: serial, model, dealer, delivered on (yyyy-MM-dd), one per line, an
/// optional header line naming those columns. Quoted fields ("a, b" and "" for a quote) are read as in RFC 4180.
/// Every bad line is reported with its number, and nothing is sent while any line is bad.
/// </summary>
public static partial class DeliveryFile
{
    public static readonly string[] Columns = ["serial", "model", "dealer", "delivered_on"];

    public static (IReadOnlyList<DeliveryLine> Deliveries, IReadOnlyList<string> Errors) Read(TextReader reader)
    {
        var deliveries = new List<DeliveryLine>();
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (!TrySplit(text, out var cells))
            {
                errors.Add($"line {number}: a quoted field is not closed");
                continue;
            }

            if (deliveries.Count == 0 && errors.Count == 0 && IsHeader(cells)) continue;
            if (cells.Count != Columns.Length)
            {
                errors.Add($"line {number}: {cells.Count} fields, expected {Columns.Length} ({string.Join(", ", Columns)})");
                continue;
            }

            var problems = new List<string>();
            for (var i = 0; i < cells.Count; i++)
                if (cells[i].Length == 0) problems.Add($"{Columns[i]} is empty");
            if (cells[3].Length > 0 && !DateOnly.TryParseExact(cells[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"delivered_on '{cells[3]}' is not a date (yyyy-MM-dd)");
            if (cells[0].Length > 0 && seen.TryGetValue(cells[0], out var first))
                problems.Add($"serial {cells[0]} is already on line {first}");
            if (problems.Count > 0)
            {
                errors.Add($"line {number}: {string.Join("; ", problems)}");
                continue;
            }

            seen[cells[0]] = number;
            deliveries.Add(new DeliveryLine(number, new RecordDeliveryRequest
            {
                SerialNumber = cells[0], ProductModel = cells[1], DealerCode = cells[2], DeliveredOn = cells[3],
            }));
        }

        return (deliveries, errors);
    }

    /// <summary>
    /// The service's refusal of a batch ("deliveries[3].dealer_code is not a known dealer; …") as the lines of the
    /// file those rows came from; a problem that names no row is kept as it is.
    /// </summary>
    public static IReadOnlyList<string> LinesOf(string refusal, IReadOnlyList<DeliveryLine> batch)
    {
        var detail = refusal.StartsWith("invalid request: ", StringComparison.Ordinal) ? refusal["invalid request: ".Length..] : refusal;
        return [.. detail.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(problem =>
        {
            var row = RowField().Match(problem);
            return row.Success && int.TryParse(row.Groups["row"].Value, CultureInfo.InvariantCulture, out var index) && index < batch.Count
                ? $"line {batch[index].Line}: {row.Groups["field"].Value} {row.Groups["problem"].Value}"
                : problem;
        })];
    }

    private static bool IsHeader(IReadOnlyList<string> cells) =>
        cells.Count == Columns.Length && cells[0].Equals("serial", StringComparison.OrdinalIgnoreCase);

    private static bool TrySplit(string line, out List<string> cells)
    {
        cells = [];
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else cell.Append(c);
        }

        cells.Add(cell.ToString().Trim());
        return !quoted;
    }

    [GeneratedRegex(@"^deliveries\[(?<row>\d+)\]\.(?<field>\w+) (?<problem>.+)$")]
    private static partial Regex RowField();
}
