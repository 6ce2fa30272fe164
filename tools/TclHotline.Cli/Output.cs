using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Cli;

/// <summary>What the CLI prints: aligned tables for people, the contract's JSON for scripts.</summary>
public sealed class Output(TextWriter writer, bool json)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public bool IsJson => json;

    public void Message(IMessage message) => writer.WriteLine(Json.Format(message));

    public void Line(string text = "") => writer.WriteLine(text);

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => all.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        writer.WriteLine(Row(headers, widths));
        foreach (var row in all)
            writer.WriteLine(Row(row, widths));
    }

    public void Fields(IEnumerable<(string Name, string Value)> fields) =>
        Table(["FIELD", "VALUE"], fields.Where(f => f.Value.Length > 0).Select(f => (IReadOnlyList<string>)[f.Name, f.Value]));

    public static string Name<T>(T value) where T : struct, System.Enum => CommandLine.Kebab(value.ToString());

    public static string Time(Timestamp? at) =>
        at is null ? "" : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), Beijing).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Money(Money? money) =>
        money is null ? "" : $"{money.Units + money.Nanos / 1_000_000_000m:0.00} {money.CurrencyCode}";

    public static IReadOnlyList<string> OrderHeaders => ["NUMBER", "STATUS", "TYPE", "BRANCH", "AREA", "REGISTERED", "SERIAL", "IN WARRANTY"];

    public static IReadOnlyList<string> OrderRow(ServiceOrder o) =>
        [o.OrderNumber, Name(o.Status), Name(o.OrderType), o.BranchCode, Name(o.Area), Time(o.RegisteredAt), o.SerialNumber,
         o.Warranty?.InWarranty == true ? "yes" : "no"];

    public void Order(ServiceOrder o)
    {
        Fields([
            ("order", o.OrderNumber), ("status", Name(o.Status)), ("type", Name(o.OrderType)),
            ("branch", $"{o.BranchCode} {o.BranchName}"), ("area", Name(o.Area)),
            ("district", $"{o.ProvinceCode}/{o.CityCode}/{o.DistrictCode} {o.DistrictName}"),
            ("address", o.StreetAddress), ("customer", o.CustomerName), ("caller", o.CallerNumber),
            ("model", o.ProductModel), ("serial", o.SerialNumber),
            ("fault", o.FaultCategory == FaultCategory.Unspecified ? "" : $"{Name(o.FaultCategory)}: {o.FaultDescription}"),
            ("registered", Time(o.RegisteredAt)), ("requested visit", Time(o.RequestedVisitAt)),
            ("warranty", Warranty(o.Warranty)),
            ("exchange eligible", o.Warranty?.ExchangeEligible == true ? "yes" : ""),
            ("fee", o.Fee is null ? "" : o.Fee.Chargeable ? $"{Money(o.Fee.Total)} ({o.Fee.Reason})" : $"free ({o.Fee.Reason})"),
            ("repeat calls", o.RepeatCallCount > 0 ? o.RepeatCallCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
            ("cancelled", o.CancelledAt is null ? "" : $"{Time(o.CancelledAt)}: {o.CancelReason}"),
        ]);
    }

    public static string Warranty(WarrantyDecision? w)
    {
        if (w is null)
            return "";
        var text = $"{Name(w.Coverage)}" + (w.StartDate.Length > 0 ? $" from {w.StartDate} ({Name(w.StartBasis)})" : "");
        if (w.WholeUnitEnd.Length > 0)
            text += $", unit to {w.WholeUnitEnd}, main parts to {w.MainPartsEnd}";
        if (w.MissingProofs.Count > 0)
            text += ", missing " + string.Join(" and ", w.MissingProofs.Select(Name));
        return text + $"; rules {string.Join(",", w.RulesApplied)}";
    }

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // CJK characters take two columns in a terminal.
    private static int Width(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60')) ? 2 : 1);

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))).TrimEnd();
}
